// The signed-in person's own account: credentials check, organizations, password change.
import type { Db } from "../db";
import { burnVerification, hashPassword, verifyPassword } from "../auth/password";
import type { SessionClaims } from "../auth/session";
import { audit } from "./audit";
import { StewardError } from "./errors";

/** Checks an email (or username) and password; returns the session claims to issue, or null. */
export async function verifyCredentials(db: Db, login: string, password: string): Promise<(SessionClaims & { email: string; name: string }) | null> {
  const key = login.trim().toLowerCase();
  const user = await db.user.findUnique({ where: key.includes("@") ? { email: key } : { username: key } });
  if (!user?.passwordHash) {
    await burnVerification(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password)) || user.status !== "ACTIVE") return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { userId: user.id, sessionVersion: user.sessionVersion, email: user.email, name: user.name };
}

/** Organizations where the user has an active membership, for the switcher. */
export async function listMyOrganizations(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId, status: "ACTIVE" },
    include: { organization: true, role: { select: { name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return memberships.map((m) => ({ slug: m.organization.slug, name: m.organization.name, role: m.role.name, isOwner: m.isOwner }));
}

/** Changes the user's password and ends every session issued before. */
export async function changePassword(db: Db, userId: string, input: { currentPassword: string; newPassword: string }) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new StewardError("BAD_REQUEST", "Your current password is not correct.");
  }
  if (input.currentPassword === input.newPassword) throw new StewardError("BAD_REQUEST", "Choose a password different from the current one.");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await audit(tx, { organizationId: null, actorUserId: userId, action: "user.changePassword", targetType: "User", targetId: userId });
  });
}
