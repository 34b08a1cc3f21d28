// Sign-up, when the instance lets anyone create an organization (setting OPEN): a person
// asks with a name, an email address and a password; nothing but a SignUpRequest exists
// until the emailed link is followed, which creates the account (no memberships). The
// person then signs in and creates their organization at /organizations/new.
//
// The request answers the same whether or not the address has an account, so that the page
// does not tell strangers who is registered: an existing account gets a notice instead of a
// link. Like account links (account-links.ts), the link is a single-use token stored as a
// hash, claimed by a conditional update inside the transaction that creates the account.
import { decideSignUp } from "../authz";
import { linkTokenHash, newLinkToken } from "../auth/link-token";
import { hashPassword } from "../auth/password";
import type { Db, Tx } from "../db";
import { withUniqueConflict } from "../db/errors";
import { appUrl } from "../email/config";
import { enqueueEmail } from "../email/outbox";
import { audit } from "./audit";
import { enforce, StewardError } from "./errors";
import { organizationCreationSetting } from "./tenants";
import { reserveSignUpForEmail, reserveSignUpFromAddress } from "./throttle";

export const SIGN_UP_TTL_MS = 24 * 60 * 60_000;

const LINK_TEXT = {
  invalid: "This sign-up link is not valid. It may have been cut off or mistyped; copy the whole link from the email, or sign up again to get a new one.",
  used: "This sign-up link was already used, or a newer sign-up for the same address replaced it. If your account is ready, sign in; otherwise sign up again.",
  expired: "This sign-up link has expired; links work for 24 hours. Ask again for a new link by signing up again.",
  taken: "This address already has an account: sign in with it, or choose a new password from the sign-in page if you forgot yours.",
} as const;

/** Whether /signup takes new accounts now, and why (or why not). */
export async function signUpStatus(db: Db | Tx): Promise<{ open: boolean; reason: string }> {
  const decision = decideSignUp(await organizationCreationSetting(db));
  return { open: decision.allowed, reason: decision.reason };
}

async function enforceSignUpOpen(db: Db | Tx) {
  enforce(decideSignUp(await organizationCreationSetting(db)), "Sign-up");
}

// ---- Asking for an account ------------------------------------------------------------

export type SignUpInput = { name: string; email: string; password: string; ip?: string | null };

/**
 * Emails a link that creates the account, or, when the address already has one, a notice
 * saying so. The answer is the same either way. The password is hashed only once the cheap
 * checks passed (setting, limits), and on both paths, so that the time taken does not tell
 * the two apart either.
 */
export async function requestSignUp(db: Db, input: SignUpInput): Promise<{ email: string }> {
  const email = input.email.trim().toLowerCase();
  const ip = input.ip ?? null;
  await enforceSignUpOpen(db);

  // Past the per-address limit the refusal is stated: it counts every address asked from
  // there alike, so it reveals nothing about any account, and someone behind a busy shared
  // address learns why nothing arrives and when to try again.
  if (ip) {
    const gate = await reserveSignUpFromAddress(db, ip);
    if (!gate.allowed) {
      const minutes = Math.max(1, Math.ceil((gate.retryAt.getTime() - Date.now()) / 60_000));
      throw new StewardError(
        "TOO_MANY_REQUESTS",
        `Too many sign-ups came from your network in the last hour. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      );
    }
  }
  // Past the per-email limit the answer stays neutral: that inbox already holds the earlier
  // emails, and more would only help someone flood it.
  if (!(await reserveSignUpForEmail(db, email)).allowed) return { email };

  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  await db.$transaction(async (tx) => {
    const now = new Date();
    if (existing) {
      await enqueueEmail(tx, {
        organizationId: null,
        to: existing.email,
        message: {
          kind: "sign-up-existing",
          props: { name: existing.name, email: existing.email, signInLink: `${appUrl()}/signin`, resetLink: `${appUrl()}/forgot-password` },
        },
      });
      await audit(tx, { organizationId: null, actorUserId: null, action: "account.signUpExisting", targetType: "User", targetId: existing.id, ip });
      return;
    }
    // Only the latest request can be confirmed: a link with a mistyped name or password stops working.
    await tx.signUpRequest.updateMany({ where: { email, usedAt: null }, data: { usedAt: now } });
    const { token, tokenHash } = newLinkToken();
    const row = await tx.signUpRequest.create({
      data: { email, name: input.name, passwordHash, tokenHash, expiresAt: new Date(now.getTime() + SIGN_UP_TTL_MS), ip, createdAt: now },
    });
    await enqueueEmail(tx, {
      organizationId: null,
      to: email,
      message: { kind: "sign-up-verify", props: { name: input.name, email, link: `${appUrl()}/signup/verify/${token}`, expiresAt: row.expiresAt } },
    });
  });
  return { email };
}

// ---- Following the link ---------------------------------------------------------------

type RequestRow = { id: string; usedAt: Date | null; expiresAt: Date };

function refuseClosed(row: RequestRow, now = new Date()): StewardError | null {
  if (row.usedAt) return new StewardError("PRECONDITION_FAILED", LINK_TEXT.used);
  if (row.expiresAt <= now) return new StewardError("PRECONDITION_FAILED", LINK_TEXT.expired);
  return null;
}

const accountTaken = () => new StewardError("PRECONDITION_FAILED", LINK_TEXT.taken);

/**
 * Creates the account of the request, once. Refused when sign-ups closed since (an operator
 * may have changed the setting), and when the address got an account meanwhile (another
 * sign-up, an invitation accepted): then nothing is created and the link stays as it was.
 */
export async function verifySignUp(db: Db, input: { token: string; ip?: string | null }): Promise<{ email: string }> {
  await enforceSignUpOpen(db);
  const tokenHash = linkTokenHash(input.token);
  const link = tokenHash ? await db.signUpRequest.findUnique({ where: { tokenHash } }) : null;
  if (!link) throw new StewardError("NOT_FOUND", LINK_TEXT.invalid);
  const closed = refuseClosed(link);
  if (closed) throw closed;

  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        // One verification per address at a time: two open links of one address (requests
        // that raced) would otherwise deadlock, each holding its link and waiting on the other.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-up:${link.email}`}))`;
        const now = new Date();
        const claimed = await tx.signUpRequest.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
        if (claimed.count === 0) {
          const latest = await tx.signUpRequest.findUniqueOrThrow({ where: { id: link.id } });
          throw refuseClosed(latest, now) ?? new StewardError("PRECONDITION_FAILED", LINK_TEXT.used);
        }
        // Throwing rolls the claim back too; the unique index catches what this check races with.
        if (await tx.user.findUnique({ where: { email: link.email }, select: { id: true } })) throw accountTaken();
        const user = await tx.user.create({ data: { email: link.email, name: link.name, passwordHash: link.passwordHash } });
        await tx.signUpRequest.updateMany({ where: { email: link.email, usedAt: null }, data: { usedAt: now } });
        await audit(tx, {
          organizationId: null,
          actorUserId: user.id,
          action: "account.signUp",
          targetType: "User",
          targetId: user.id,
          after: { email: user.email, name: user.name },
          ip: input.ip ?? null,
        });
        return { email: user.email };
      }),
    accountTaken,
  );
}
