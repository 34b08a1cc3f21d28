// A person's second factor: TOTP enrollment, recovery codes, and the check at sign-in.
import { decryptSecret, encryptSecret, hashToken } from "../auth/crypto";
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
    const secret = decryptSecret(user.totpPendingSecret);
    const step = totpStep(secret, code);
    if (step === null) throw new StewardError("BAD_REQUEST", "That code is not right. Check your authenticator's clock and try the current code.");
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
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
  const step = totpStep(decryptSecret(user.totpSecret), code);
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
