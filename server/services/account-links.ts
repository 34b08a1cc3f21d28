// Emailed links for one's own account: "forgot password" and the confirmation of a new
// email address. Like invitations, a link is a single-use token stored as a hash; using it
// is a conditional update inside the transaction of the change, so of two simultaneous
// uses one wins and the other is told the link was used.
import { linkTokenHash, newLinkToken } from "../auth/link-token";
import { hashPassword, verifyPassword } from "../auth/password";
import type { Db, Tx } from "../db";
import { withUniqueConflict } from "../db/errors";
import type { AccountTokenPurpose } from "../db/generated/client";
import { appUrl } from "../email/config";
import { enqueueEmail } from "../email/outbox";
import { audit } from "./audit";
import { StewardError } from "./errors";
import { enforcePasswordLength, requiredPasswordLength } from "./policies";
import { endAllSessions } from "./sessions";
import { clearSignIn } from "./throttle";

const MINUTE_MS = 60_000;
export const PASSWORD_RESET_TTL_MS = 30 * MINUTE_MS;
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * MINUTE_MS;
/** Limits mail bombing: at most `count` emails of one kind per account per window. */
export const ACCOUNT_LINK_LIMIT = { count: 3, windowMs: 15 * MINUTE_MS } as const;

/** "alice@example.test" → "a***@example.test": enough to recognize, little to leak. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return at <= 0 ? "***" : `${email[0]}***${email.slice(at)}`;
}

const LINK_TEXT = {
  PASSWORD_RESET: {
    invalid:
      "This password reset link is not valid. It may have been cut off or mistyped; copy the whole link from the email, or ask for a new one from the sign-in page.",
    used: "This password reset link was already used. If you still need to choose a new password, ask for a new link from the sign-in page.",
    expired: "This password reset link has expired; links work for 30 minutes. Ask for a new link from the sign-in page.",
  },
  EMAIL_CHANGE: {
    invalid:
      "This email confirmation link is not valid. It may have been cut off or mistyped; copy the whole link from the email, or ask for the change again from your account page.",
    used: "This email confirmation link was already used, or a newer change replaced it. Sign in and check your email address on your account page.",
    expired: "This email confirmation link has expired; links work for 24 hours. Ask for the change again from your account page.",
  },
} as const;

type TokenRow = { id: string; usedAt: Date | null; expiresAt: Date };

function refuseClosed(purpose: AccountTokenPurpose, token: TokenRow, now = new Date()): StewardError | null {
  if (token.usedAt) return new StewardError("PRECONDITION_FAILED", LINK_TEXT[purpose].used);
  if (token.expiresAt <= now) return new StewardError("PRECONDITION_FAILED", LINK_TEXT[purpose].expired);
  return null;
}

/** The open token of this link and its user; a link of another kind is simply not valid. */
async function findOpenLink(db: Db | Tx, purpose: AccountTokenPurpose, presented: string) {
  const tokenHash = linkTokenHash(presented);
  const row = tokenHash ? await db.accountToken.findUnique({ where: { tokenHash }, include: { user: true } }) : null;
  if (!row || row.purpose !== purpose) throw new StewardError("NOT_FOUND", LINK_TEXT[purpose].invalid);
  const closed = refuseClosed(purpose, row);
  if (closed) throw closed;
  return row;
}

/** Marks the link used unless another request did first or it expired meanwhile. */
async function claim(tx: Tx, purpose: AccountTokenPurpose, tokenId: string, now: Date) {
  const claimed = await tx.accountToken.updateMany({ where: { id: tokenId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count === 0) {
    const latest = await tx.accountToken.findUniqueOrThrow({ where: { id: tokenId } });
    throw refuseClosed(purpose, latest, now) ?? new StewardError("PRECONDITION_FAILED", LINK_TEXT[purpose].used);
  }
}

/** Closes the user's other open links of this kind (a newer one, or the change, replaced them). */
function closeOpenLinks(tx: Tx, userId: string, purpose: AccountTokenPurpose, now: Date) {
  return tx.accountToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
}

/** Serializes link requests of one account, so that the per-window limit holds under bursts. */
async function lockAccount(tx: Tx, userId: string, purpose: AccountTokenPurpose) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`account-link:${purpose}:${userId}`}))`;
}

function recentLinks(tx: Tx, userId: string, purpose: AccountTokenPurpose, now: Date) {
  return tx.accountToken.count({ where: { userId, purpose, createdAt: { gt: new Date(now.getTime() - ACCOUNT_LINK_LIMIT.windowMs) } } });
}

// ---- Forgot password ------------------------------------------------------------------

/**
 * Sending a reset (a transaction and a rendered email, ~15 ms) costs far more than finding
 * no account (~1 ms); every request is answered no sooner than this, so that the time does
 * not tell which addresses are registered. Waiting, not working: it costs the server nothing.
 */
export const PASSWORD_RESET_RESPONSE_FLOOR_MS = 200;

/**
 * Emails a reset link to the account with this email (or username). The answer is the
 * same, and as slow, whether or not the account exists or the limit was reached, so that
 * nobody learns which addresses are registered; no password hashing happens on this path.
 */
export async function requestPasswordReset(db: Db, input: { email: string; ip?: string | null }): Promise<{ ok: true }> {
  const answerAt = performance.now() + PASSWORD_RESET_RESPONSE_FLOOR_MS;
  try {
    await sendPasswordReset(db, input.email.trim().toLowerCase(), input.ip ?? null);
  } finally {
    const wait = answerAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return { ok: true };
}

async function sendPasswordReset(db: Db, login: string, ip: string | null): Promise<void> {
  const { token, tokenHash } = newLinkToken();
  const user = await db.user.findUnique({ where: login.includes("@") ? { email: login } : { username: login } });
  if (!user?.passwordHash || user.status !== "ACTIVE") return;

  await db.$transaction(async (tx) => {
    const now = new Date();
    await lockAccount(tx, user.id, "PASSWORD_RESET");
    if ((await recentLinks(tx, user.id, "PASSWORD_RESET", now)) >= ACCOUNT_LINK_LIMIT.count) return;
    const row = await tx.accountToken.create({
      data: { userId: user.id, purpose: "PASSWORD_RESET", tokenHash, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS), createdAt: now },
    });
    await enqueueEmail(tx, {
      organizationId: null,
      to: user.email,
      message: { kind: "password-reset", props: { name: user.name, link: `${appUrl()}/reset-password/${token}`, expiresAt: row.expiresAt } },
    });
    await audit(tx, {
      organizationId: null,
      actorUserId: null,
      action: "account.passwordResetRequested",
      targetType: "User",
      targetId: user.id,
      after: { expiresAt: row.expiresAt.toISOString() },
      ip,
    });
  });
}

/** What the reset page shows before a new password is chosen. */
export async function previewPasswordReset(db: Db, token: string): Promise<{ email: string }> {
  const row = await findOpenLink(db, "PASSWORD_RESET", token);
  return { email: maskEmail(row.user.email) };
}

/**
 * Sets the new password once: every session ends, the other reset links close, and the
 * sign-in limit of the account's logins is lifted (the person just proved their mailbox).
 */
export async function resetPassword(db: Db, input: { token: string; newPassword: string; ip?: string | null }): Promise<{ email: string }> {
  // Refuse bad links before hashing, so that they cost no argon2 work.
  const link = await findOpenLink(db, "PASSWORD_RESET", input.token);
  enforcePasswordLength(input.newPassword, await requiredPasswordLength(db, link.user.id));
  const passwordHash = await hashPassword(input.newPassword);
  const user = await db.$transaction(async (tx) => {
    const now = new Date();
    await claim(tx, "PASSWORD_RESET", link.id, now);
    const user = await tx.user.update({
      where: { id: link.userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await closeOpenLinks(tx, user.id, "PASSWORD_RESET", now);
    await endAllSessions(tx, user.id);
    await audit(tx, { organizationId: null, actorUserId: user.id, action: "account.passwordReset", targetType: "User", targetId: user.id, ip: input.ip });
    return user;
  });
  // After the commit: the throttle is counted on the app's client, outside any transaction.
  await clearSignIn(db, user.email, null);
  if (user.username) await clearSignIn(db, user.username, null);
  // In full, for the sign-in form: whoever got this far holds the link, which was emailed there.
  return { email: user.email };
}

// ---- Changing one's email address -----------------------------------------------------

const ADDRESS_TAKEN = "That address is already used by another Steward account.";

/**
 * Asks the new address to confirm; nothing changes until it does. The old address is told,
 * so that a change made from a stolen session does not go unnoticed.
 */
export async function requestEmailChange(
  db: Db,
  userId: string,
  input: { newEmail: string; currentPassword: string; ip?: string | null },
): Promise<{ newEmail: string }> {
  const newEmail = input.newEmail.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new StewardError("BAD_REQUEST", "Your current password is not correct.");
  }
  if (newEmail === user.email) throw new StewardError("BAD_REQUEST", `${newEmail} is already your email address.`);
  if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) throw new StewardError("CONFLICT", ADDRESS_TAKEN);

  const { token, tokenHash } = newLinkToken();
  return db.$transaction(async (tx) => {
    const now = new Date();
    await lockAccount(tx, user.id, "EMAIL_CHANGE");
    if ((await recentLinks(tx, user.id, "EMAIL_CHANGE", now)) >= ACCOUNT_LINK_LIMIT.count) {
      throw new StewardError(
        "PRECONDITION_FAILED",
        `You asked to change your email address ${ACCOUNT_LINK_LIMIT.count} times in the last 15 minutes; wait a few minutes before asking again.`,
      );
    }
    // Only the latest request can be confirmed: a mistyped address's link stops working.
    await closeOpenLinks(tx, user.id, "EMAIL_CHANGE", now);
    const row = await tx.accountToken.create({
      data: { userId: user.id, purpose: "EMAIL_CHANGE", tokenHash, newEmail, expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS), createdAt: now },
    });
    const names = { name: user.name, oldEmail: user.email, newEmail };
    await enqueueEmail(tx, {
      organizationId: null,
      to: newEmail,
      message: { kind: "email-change", props: { ...names, link: `${appUrl()}/confirm-email/${token}`, expiresAt: row.expiresAt } },
    });
    await enqueueEmail(tx, { organizationId: null, to: user.email, message: { kind: "email-changed", props: { ...names, pending: true } } });
    await audit(tx, {
      organizationId: null,
      actorUserId: user.id,
      action: "account.emailChangeRequested",
      targetType: "User",
      targetId: user.id,
      before: { email: user.email },
      after: { email: newEmail, expiresAt: row.expiresAt.toISOString() },
      ip: input.ip,
    });
    return { newEmail };
  });
}

/**
 * Switches the login email to the confirmed address, once. Sessions stay: the person who
 * asked was signed in and proved their password. Reset links sent to the old address close.
 */
export async function confirmEmailChange(db: Db, input: { token: string; ip?: string | null }): Promise<{ email: string }> {
  const link = await findOpenLink(db, "EMAIL_CHANGE", input.token);
  const newEmail = link.newEmail;
  if (!newEmail) throw new StewardError("NOT_FOUND", LINK_TEXT.EMAIL_CHANGE.invalid);
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        const now = new Date();
        await claim(tx, "EMAIL_CHANGE", link.id, now);
        // Throwing rolls the claim back too: the link stays usable should the address free up.
        if (await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } })) throw new StewardError("CONFLICT", ADDRESS_TAKEN);
        const before = await tx.user.findUniqueOrThrow({ where: { id: link.userId } });
        await tx.user.update({ where: { id: before.id }, data: { email: newEmail } });
        await closeOpenLinks(tx, before.id, "EMAIL_CHANGE", now);
        await closeOpenLinks(tx, before.id, "PASSWORD_RESET", now);
        await enqueueEmail(tx, {
          organizationId: null,
          to: before.email,
          message: { kind: "email-changed", props: { name: before.name, oldEmail: before.email, newEmail, pending: false } },
        });
        await audit(tx, {
          organizationId: null,
          actorUserId: before.id,
          action: "account.emailChanged",
          targetType: "User",
          targetId: before.id,
          before: { email: before.email },
          after: { email: newEmail },
          ip: input.ip,
        });
        return { email: newEmail };
      }),
    () => new StewardError("CONFLICT", ADDRESS_TAKEN),
  );
}
