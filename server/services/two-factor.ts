// A person's second factor: TOTP enrollment, recovery codes, and the check at sign-in.
import { decryptSecret, encryptSecret, hashToken, UnreadableSecretError } from "../auth/crypto";
import { enrollmentDetails, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, recoveryCodeForms, totpStep } from "../auth/totp";
import type { Db, Tx } from "../db";
import { audit } from "./audit";
import { StewardError } from "./errors";

export async function twoFactorStatus(db: Db, userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } });
  const unused = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  return { enabled: user.totpEnabledAt !== null, enabledAt: user.totpEnabledAt, recoveryCodesLeft: unused };
}

/** Starts (or restarts) enrollment: a new secret, kept aside until a code confirms it. */
export async function beginEnrollment(db: Db, userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.totpEnabledAt) throw new StewardError("CONFLICT", "Two-factor sign-in is already on.");
  const secret = newTotpSecret();
  await db.user.update({ where: { id: userId }, data: { totpPendingSecret: encryptSecret(secret) } });
  return enrollmentDetails(secret, user.email);
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashToken(normalizeRecoveryCode(c)) })) });
  return codes;
}

/** Turns two-factor sign-in on when the code matches the pending secret; returns the
 * recovery codes, shown once. */
export async function confirmEnrollment(db: Db, userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (user.totpEnabledAt) throw new StewardError("CONFLICT", "Two-factor sign-in is already on.");
    if (!user.totpPendingSecret) throw new StewardError("BAD_REQUEST", "Start the set-up first.");
    const secret = openTotpSecret(user.totpPendingSecret, userId);
    if (secret === null) throw new StewardError("PRECONDITION_FAILED", "This set-up can no longer be checked. Start the set-up again.");
    const step = totpStep(secret, code);
    if (step === null) throw new StewardError("BAD_REQUEST", "That code is not right. Check your authenticator's clock and try the current code.");
    // Sealed afresh rather than copied: under the current key even if the set-up began under
    // an older one, so that a `rotate-key` running meanwhile leaves nothing behind.
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: encryptSecret(secret), totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
    });
    const recoveryCodes = await replaceRecoveryCodes(tx, userId);
    await audit(tx, { organizationId: null, actorUserId: userId, action: "user.enableTwoFactor", targetType: "User", targetId: userId });
    return { recoveryCodes };
  });
}

export async function regenerateRecoveryCodes(db: Db, userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
  return db.$transaction(async (tx) => {
    if (!(await acceptSecondFactor(tx, userId, code))) throw new StewardError("BAD_REQUEST", "That code is not right.");
    const recoveryCodes = await replaceRecoveryCodes(tx, userId);
    await audit(tx, { organizationId: null, actorUserId: userId, action: "user.regenerateRecoveryCodes", targetType: "User", targetId: userId });
    return { recoveryCodes };
  });
}

/**
 * Accepts a current TOTP code (once: its step must be later than the last accepted one) or
 * an unused recovery code (then spent; typed in any case, with or without its dashes). Both
 * updates are conditional, so two requests racing with the same code cannot both succeed.
 */
export async function acceptSecondFactor(db: Db | Tx, userId: string, code: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true } });
  if (!user?.totpSecret) return false;
  const secret = openTotpSecret(user.totpSecret, userId);
  const step = secret === null ? null : totpStep(secret, code);
  if (step !== null) {
    const { count } = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1;
  }
  const forms = recoveryCodeForms(code);
  if (!forms.length) return false;
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: { in: forms.map(hashToken) }, usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

/**
 * A TOTP secret, or null when the configured encryption keys cannot open it (a key was
 * dropped before `rotate-key` resealed it). Its owner can still sign in with a recovery code,
 * which is a hash, not encrypted; the operator learns from the log which key is missing.
 */
function openTotpSecret(sealed: string, userId: string): string | null {
  try {
    return decryptSecret(sealed);
  } catch (error) {
    if (!(error instanceof UnreadableSecretError)) throw error;
    console.error(`[steward] two-factor secret of user ${userId}: ${error.message}`);
    return null;
  }
}
