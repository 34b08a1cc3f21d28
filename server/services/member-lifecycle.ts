// Creating members, disabling and enabling them, and resetting their password (seed 002).
import {
  decideCreateMember,
  decideDeleteMember,
  decidePermission,
  decideMemberAction,
  decideDisableTwoFactor,
  decideEditMember,
  decideResetCredentials,
  decideSetStatus,
  decideTransferOwnership,
} from "../authz";
import { generatePassword, hashPassword } from "../auth/password";
import type { Db, Tx } from "../db";
import { appUrl } from "../email/config";
import { enqueueEmail } from "../email/outbox";
import { withUniqueConflict } from "../db/errors";
import { loadMember, toGroupFacts, toMemberFacts, toRoleFacts, type ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, notFound, StewardError } from "./errors";
import { endAllSessions, listMySessions, membershipStatusChange } from "./sessions";
import { enforceHandOver } from "./resources";
import { effectivePolicyAt, enforceEmailDomain } from "./policies";
import { decideGainedGrants, groupGrantsGained } from "./side-paths";
import { topRoleFacts } from "./top-role";
import { clearLoginLocks, loginLocks } from "./throttle";

export type CreateMemberInput = { email: string; name: string; username?: string; company?: string; groupId: string; roleId: string };

export async function ensureUsernameFree(tx: Tx, username: string | null | undefined, exceptUserId?: string) {
  if (!username) return;
  const holder = await tx.user.findUnique({ where: { username } });
  if (holder && holder.id !== exceptUserId) throw new StewardError("CONFLICT", `The username ${username} is taken.`);
}
export type CreateMemberResult = {
  membershipId: string;
  email: string;
  /** Shown exactly once. Always given: see createMember. */
  oneTimePassword: string;
};

/**
 * Adds a member, with a new account and a one-time password (seed 002). The answer never
 * depends on accounts outside the actor's organization: a person who already has a
 * Steward account elsewhere is added the same way and the actor gets a one-time password
 * all the same, but it is never set on that account. Their password is theirs, not this
 * organization's to choose, so they keep signing in with it (the dialog says so, in both
 * cases). Their name and other details are theirs too and stay as they are.
 */
export async function createMember(db: Db, actor: ActorContext, input: CreateMemberInput): Promise<CreateMemberResult> {
  const email = input.email.trim().toLowerCase();
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  // Two admins adding the same person at the same moment: the second one is told so.
  return withUniqueConflict(
    () => createMemberTx(db, actor, input, email, { oneTimePassword, passwordHash }),
    () => new StewardError("CONFLICT", `${email} or that username was just taken by someone else.`),
  );
}

function createMemberTx(db: Db, actor: ActorContext, input: CreateMemberInput, email: string, secret: { oneTimePassword: string; passwordHash: string }) {
  const { oneTimePassword, passwordHash } = secret;
  return db.$transaction(async (tx) => {
    const group = await tx.group.findFirst({ where: { id: input.groupId, organizationId: actor.organizationId } });
    if (!group) throw notFound("Group", actor);
    const role = await tx.role.findFirst({ where: { id: input.roleId, organizationId: actor.organizationId } });
    if (!role) throw notFound("Role", actor);
    enforce(decideCreateMember(actor, toGroupFacts(group), { ...toRoleFacts(role), organizationId: role.organizationId }), "Group", actor);
    enforce(await decideGainedGrants(tx, actor, groupGrantsGained(null, group.path), `Adding a member to ${group.name}`), "Group", actor);
    enforceEmailDomain(await effectivePolicyAt(tx, group.path), actor, group, email);

    const existing = await tx.user.findUnique({ where: { email }, include: { memberships: { where: { organizationId: actor.organizationId } } } });
    if (existing?.memberships.length) throw new StewardError("CONFLICT", `${email} is already a member of this organization.`);
    // Checked whether or not the address has an account, so that the answer is the same.
    await ensureUsernameFree(tx, input.username);
    const user =
      existing ??
      (await tx.user.create({
        data: { email, name: input.name, username: input.username || null, company: input.company ?? "", passwordHash, mustChangePassword: true },
      }));
    const membership = await tx.membership.create({
      data: { userId: user.id, organizationId: actor.organizationId, groupId: group.id, roleId: role.id, status: "ACTIVE" },
    });
    await auditBy(tx, actor, {
      action: "member.create",
      targetType: "Membership",
      targetId: membership.id,
      after: { email, name: user.name, roleId: role.id, role: role.name, groupId: group.id, group: group.name },
    });
    return { membershipId: membership.id, email, oneTimePassword };
  });
}

export async function setMemberStatus(db: Db, actor: ActorContext, input: { membershipId: string; status: "ACTIVE" | "DISABLED" }) {
  return db.$transaction(async (tx) => {
    const target = await loadMember(tx, actor, input.membershipId);
    enforce(decideSetStatus(actor, toMemberFacts(target), input.status, await topRoleFacts(tx, actor.organizationId, target)), "Member", actor);
    if (target.status === input.status) return { id: target.id, status: target.status };
    // INVITED members are enabled by accepting their invitation, not by an admin.
    if (target.status === "INVITED") throw new StewardError("BAD_REQUEST", `${target.user.name} has not accepted their invitation yet.`);
    await tx.membership.update({ where: { id: target.id }, data: membershipStatusChange(input.status) });
    await auditBy(tx, actor, {
      action: input.status === "DISABLED" ? "member.disable" : "member.enable",
      targetType: "Membership",
      targetId: target.id,
      before: { status: target.status },
      after: { status: input.status },
    });
    return { id: target.id, status: input.status };
  });
}

const otherOrganizationsOf = (tx: Tx, actor: ActorContext, userId: string) =>
  tx.membership.count({ where: { userId, organizationId: { not: actor.organizationId } } });

/** Fields left out keep their value; a null username removes it. */
export type EditMemberInput = { membershipId: string; name: string; email: string; username?: string | null; company?: string };

export async function editMember(db: Db, actor: ActorContext, input: EditMemberInput) {
  const email = input.email.trim().toLowerCase();
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        const target = await loadMember(tx, actor, input.membershipId);
        enforce(decideEditMember(actor, toMemberFacts(target), { otherOrganizations: await otherOrganizationsOf(tx, actor, target.userId) }), "Member", actor);
        const before = { name: target.user.name, email: target.user.email, username: target.user.username, company: target.user.company };
        const after = {
          name: input.name,
          email,
          username: input.username === undefined ? before.username : input.username || null,
          company: input.company ?? before.company,
        };
        if (JSON.stringify(before) === JSON.stringify(after)) return { id: target.id };
        await ensureUsernameFree(tx, after.username, target.userId);
        await tx.user.update({ where: { id: target.userId }, data: after });
        await auditBy(tx, actor, { action: "member.edit", targetType: "Membership", targetId: target.id, before, after });
        if (after.email !== before.email) {
          // The old address hears of it, so that a change nobody asked for does not go unnoticed.
          await enqueueEmail(tx, {
            organizationId: actor.organizationId,
            to: before.email,
            message: { kind: "email-changed", props: { name: after.name, oldEmail: before.email, newEmail: after.email, pending: false } },
          });
        }
        return { id: target.id };
      }),
    () => new StewardError("CONFLICT", `Another account already uses ${email} or that username.`),
  );
}

/**
 * Rule 6 and seed 004: a member who owns resources is deleted only after they are handed to
 * someone. Choosing the new owner hands over the member's data, so it takes "Access
 * members' data" (the Data Admin's power) over the member, who is in span already.
 */
async function handOverResources(tx: Tx, actor: ActorContext, target: { id: string; user: { name: string } }, to: string | undefined) {
  const owned = await tx.resource.count({ where: { ownerId: target.id } });
  if (!owned) return null;
  const what = `${target.user.name} owns ${owned} resource${owned === 1 ? "" : "s"}`;
  if (!to) throw new StewardError("PRECONDITION_FAILED", `${what}; choose who receives them before deleting.`);
  if (!decidePermission(actor, "data.access").allowed) {
    throw new StewardError("FORBIDDEN", `${what}; handing them over takes “Access members' data”, which your role ${actor.role.name} lacks. Ask a Data Admin.`);
  }
  const recipient = await tx.membership.findFirst({
    where: { id: to, organizationId: actor.organizationId, status: "ACTIVE", NOT: { id: target.id } },
    include: { user: { select: { name: true } } },
  });
  if (!recipient) throw new StewardError("NOT_FOUND", `The new owner of what ${target.user.name} owns must be another active member of this organization.`);
  // The deleter holds the member's data (data.access), not the resources themselves.
  await enforceHandOver(tx, actor, { capabilities: [] }, recipient.id);
  await tx.resource.updateMany({ where: { ownerId: target.id }, data: { ownerId: recipient.id } });
  return { count: owned, to: recipient.user.name, toMembershipId: recipient.id };
}

export async function deleteMember(db: Db, actor: ActorContext, input: { membershipId: string; transferResourcesTo?: string }) {
  return db.$transaction(async (tx) => {
    const target = await loadMember(tx, actor, input.membershipId);
    enforce(decideDeleteMember(actor, toMemberFacts(target), await topRoleFacts(tx, actor.organizationId, target)), "Member", actor);
    const transferred = await handOverResources(tx, actor, target, input.transferResourcesTo);
    await tx.membership.delete({ where: { id: target.id } });
    // The person's account goes with their last membership; elsewhere it stays theirs. An
    // operator's account stays: it runs the instance, whatever one organization decides.
    const remaining = await tx.membership.count({ where: { userId: target.userId } });
    const keepAccount = remaining > 0 || (await tx.user.count({ where: { id: target.userId, isOperator: true } })) > 0;
    if (!keepAccount) await tx.user.delete({ where: { id: target.userId } });
    await auditBy(tx, actor, {
      action: "member.delete",
      targetType: "Membership",
      targetId: target.id,
      before: { name: target.user.name, email: target.user.email, role: target.role.name, group: target.group.name, status: target.status },
      after: { accountDeleted: !keepAccount, ...(transferred ? { resourcesTransferred: transferred } : {}) },
    });
    return { id: target.id };
  });
}

export async function transferOwnership(db: Db, actor: ActorContext, input: { membershipId: string }) {
  return db.$transaction(async (tx) => {
    const target = await loadMember(tx, actor, input.membershipId);
    const { topRank } = await topRoleFacts(tx, actor.organizationId, target);
    enforce(decideTransferOwnership(actor, { ...toMemberFacts(target), active: target.status === "ACTIVE" }, { topRank }), "Member", actor);
    await tx.membership.update({ where: { id: actor.membershipId }, data: { isOwner: false } });
    await tx.membership.update({ where: { id: target.id }, data: { isOwner: true } });
    await auditBy(tx, actor, {
      action: "organization.transferOwnership",
      targetType: "Membership",
      targetId: target.id,
      before: { ownerMembershipId: actor.membershipId },
      after: { ownerMembershipId: target.id },
    });
    return { id: target.id };
  });
}

export async function resetMemberPassword(db: Db, actor: ActorContext, input: { membershipId: string }) {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return db.$transaction(async (tx) => {
    const target = await loadMember(tx, actor, input.membershipId);
    enforce(
      decideResetCredentials(actor, toMemberFacts(target), { otherOrganizations: await otherOrganizationsOf(tx, actor, target.userId) }),
      "Member",
      actor,
    );
    // A new sessionVersion ends every session the member had (rule 9).
    await tx.user.update({ where: { id: target.userId }, data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } } });
    await endAllSessions(tx, target.userId);
    await auditBy(tx, actor, { action: "member.resetPassword", targetType: "Membership", targetId: target.id });
    return { id: target.id, email: target.user.email, oneTimePassword };
  });
}

/** Lifts the sign-in limit's lock on a member's account (they, not an attacker, mistyped):
 * "Reset credentials" over them. Their password and sessions stay as they are. */
export async function unlockMember(db: Db, actor: ActorContext, input: { membershipId: string }) {
  return db.$transaction(async (tx) => {
    const target = await loadMember(tx, actor, input.membershipId);
    enforce(decideMemberAction(actor, toMemberFacts(target), "resetCredentials"), "Member", actor);
    const account = { id: target.userId, email: target.user.email, username: target.user.username };
    const before = (await loginLocks(tx, [account])).get(target.userId)!;
    await clearLoginLocks(tx, account);
    await auditBy(tx, actor, {
      action: "member.unlock",
      targetType: "Membership",
      targetId: target.id,
      before: { failedAttempts: before.failedAttempts, lockedUntil: before.lockedUntil?.toISOString() ?? null },
    });
    return { id: target.id, wasLocked: before.lockedUntil !== null, failedAttempts: before.failedAttempts };
  });
}

/** Where a member is signed in now (their account's live sessions, in any organization):
 * for whoever has "Reset credentials" over them, who may end any of them. */
export async function listMemberSessions(db: Db, actor: ActorContext, input: { membershipId: string }) {
  const target = await loadMember(db, actor, input.membershipId);
  enforce(decideMemberAction(actor, toMemberFacts(target), "resetCredentials"), "Member", actor);
  return (await listMySessions(db, target.userId, undefined)).map((s) => ({
    id: s.id,
    userAgent: s.userAgent,
    ip: s.ip,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
  }));
}

/** Ends one of a member's sessions: that browser is signed out at its next request. */
export async function endMemberSession(db: Db, actor: ActorContext, input: { membershipId: string; sessionId: string }) {
  return db.$transaction(async (tx) => {
    const target = await loadMember(tx, actor, input.membershipId);
    enforce(decideMemberAction(actor, toMemberFacts(target), "resetCredentials"), "Member", actor);
    const { count } = await tx.session.updateMany({ where: { id: input.sessionId, userId: target.userId, endedAt: null }, data: { endedAt: new Date() } });
    if (count === 0) throw new StewardError("NOT_FOUND", "That session has already ended, or is not one of this member's.");
    await auditBy(tx, actor, { action: "member.endSession", targetType: "Membership", targetId: target.id, after: { sessionId: input.sessionId } });
    return { id: target.id, sessionId: input.sessionId };
  });
}

/** Seed 002: turns off a member's second factor (they lost their device); ends their sessions. */
export async function disableMemberTwoFactor(db: Db, actor: ActorContext, input: { membershipId: string }) {
  return db.$transaction(async (tx) => {
    const target = await loadMember(tx, actor, input.membershipId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: target.userId }, select: { totpEnabledAt: true, email: true, name: true } });
    enforce(
      decideDisableTwoFactor(actor, toMemberFacts(target), {
        otherOrganizations: await otherOrganizationsOf(tx, actor, target.userId),
        hasTwoFactor: user.totpEnabledAt !== null,
      }),
      "Member",
      actor,
    );
    await tx.user.update({
      where: { id: target.userId },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } },
    });
    await endAllSessions(tx, target.userId);
    await tx.recoveryCode.deleteMany({ where: { userId: target.userId } });
    await auditBy(tx, actor, { action: "member.disableTwoFactor", targetType: "Membership", targetId: target.id });
    // Seed 002 / issue 5: the member hears of it, so that a hostile reset does not go unnoticed.
    const admin = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } });
    await enqueueEmail(tx, {
      organizationId: actor.organizationId,
      to: user.email,
      message: {
        kind: "two-factor-disabled",
        props: { name: user.name, organizationName: actor.organizationName, adminName: admin.name, adminEmail: admin.email, signInLink: `${appUrl()}/signin` },
      },
    });
    return { id: target.id };
  });
}

/** Issue 5: an admin signs a member in their span out everywhere (a lost laptop, say). */
export async function endMemberSessions(db: Db, actor: ActorContext, input: { membershipId: string }) {
  return db.$transaction(async (tx) => {
    const target = await loadMember(tx, actor, input.membershipId);
    enforce(decideMemberAction(actor, toMemberFacts(target), "resetCredentials"), "Member", actor);
    await tx.user.update({ where: { id: target.userId }, data: { sessionVersion: { increment: 1 } } });
    await endAllSessions(tx, target.userId);
    await auditBy(tx, actor, { action: "member.endSessions", targetType: "Membership", targetId: target.id });
    return { id: target.id };
  });
}
