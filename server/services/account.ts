// The signed-in person's own account: credentials check, organizations, password change.
import type { Db } from "../db";
import { burnVerification, hashPassword, verifyPassword } from "../auth/password";
import type { SessionClaims } from "../auth/session";
import { audit } from "./audit";
import { endAllSessions } from "./sessions";
import { clearSignIn, isPlausibleLogin, normalizeLogin, reserveSignIn } from "./throttle";
import { acceptSecondFactor } from "./two-factor";
import { StewardError } from "./errors";
import { enforcePasswordLength, requiredPasswordLength } from "./policies";

export type CredentialsCheck =
  | { status: "ok"; claims: SessionClaims & { email: string; name: string } }
  | { status: "second-factor-required" }
  | { status: "second-factor-invalid" }
  | { status: "invalid" }
  | { status: "locked"; retryAt: Date };

/**
 * Checks an email (or username) and password, then the second factor when the person has
 * one. Unknown accounts cost the same time as wrong passwords.
 */
export async function checkCredentials(
  db: Db,
  login: string,
  password: string,
  secondFactor?: string,
  address: string | null = null,
): Promise<CredentialsCheck> {
  const key = normalizeLogin(login);
  // Known or unknown login, the same limit and the same answer.
  const gate = await reserveSignIn(db, key, address);
  if (!gate.allowed) return { status: "locked", retryAt: gate.retryAt };
  const user = isPlausibleLogin(key) ? await db.user.findUnique({ where: key.includes("@") ? { email: key } : { username: key } }) : null;
  if (!user?.passwordHash) {
    await burnVerification(password);
    return { status: "invalid" };
  }
  if (!(await verifyPassword(user.passwordHash, password)) || user.status !== "ACTIVE") return { status: "invalid" };
  if (user.totpEnabledAt) {
    if (!secondFactor) return { status: "second-factor-required" };
    if (!(await acceptSecondFactor(db, user.id, secondFactor))) return { status: "second-factor-invalid" };
  }
  // A password shorter than a policy of the person's organizations now asks must be changed
  // before anything else (the gate sends them to the password page).
  const tooShort = password.length < (await requiredPasswordLength(db, user.id)).length;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), ...(tooShort ? { mustChangePassword: true } : {}) } });
  await clearSignIn(db, key, address);
  return { status: "ok", claims: { userId: user.id, sessionVersion: user.sessionVersion, email: user.email, name: user.name } };
}

/** The password check alone, for accounts without a second factor (CLI, tests). */
export async function verifyCredentials(db: Db, login: string, password: string) {
  const result = await checkCredentials(db, login, password);
  return result.status === "ok" ? result.claims : null;
}

/** Organizations where the user has an active membership, for the switcher. */
export async function listMyOrganizations(db: Db, userId: string) {
  // One statement (Prisma's include would be three): it runs on every page's account.me.
  return db.$queryRaw<Array<{ slug: string; name: string; role: string; isOwner: boolean; suspended: boolean }>>`
    SELECT o.slug, o.name, r.name AS role, m."isOwner", o."suspendedAt" IS NOT NULL AS suspended
      FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId" JOIN "Role" r ON r.id = m."roleId"
     WHERE m."userId" = ${userId} AND m.status = 'ACTIVE' AND o."deletedAt" IS NULL
     ORDER BY o.name, o.slug`;
}

/** Changes the user's password and ends every session issued before. */
export async function changePassword(db: Db, userId: string, input: { currentPassword: string; newPassword: string }) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new StewardError("BAD_REQUEST", "Your current password is not correct.");
  }
  if (input.currentPassword === input.newPassword) throw new StewardError("BAD_REQUEST", "Choose a password different from the current one.");
  enforcePasswordLength(input.newPassword, await requiredPasswordLength(db, userId));
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await endAllSessions(tx, userId);
    await audit(tx, { organizationId: null, actorUserId: userId, action: "user.changePassword", targetType: "User", targetId: userId });
  });
}
