// Roles of an organization: the roles page and pickers, and custom roles (seed 002) created,
// edited and deleted within the author's own powers (server/authz/custom-roles.ts), and the
// seeds' role sets added in one step.
import {
  ALL_PERMISSIONS,
  ceilingOf,
  decideAssignRole,
  decideCreateRole,
  decideDeleteRole,
  decideEditRole,
  decideManageRoles,
  decideMemberAction,
  decidePermission,
  isCapability,
  isPermission,
  ranksJustBelow,
  ROLE_SETS,
  withImplied,
  type Reach,
  type RoleDraft,
  type RoleSetKey,
} from "../authz";
import type { Db, Tx } from "../db";
import { withUniqueConflict } from "../db/errors";
import { memberFactsInclude, toMemberFacts, toRoleFacts, type ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, notFound, StewardError } from "./errors";

type RoleRow = NonNullable<Awaited<ReturnType<Db["role"]["findFirst"]>>>;
const asOrgRole = (r: RoleRow) => ({ ...toRoleFacts(r), organizationId: r.organizationId });

export async function listRoles(db: Db, actor: ActorContext) {
  enforce(decidePermission(actor, "roles.view"), "Role", actor);
  const roles = await db.role.findMany({
    where: { organizationId: actor.organizationId },
    include: { _count: { select: { memberships: true } } },
    orderBy: [{ rank: "desc" }, { name: "asc" }],
  });
  const authoring = decideManageRoles(actor).allowed;
  return roles.map((r) => {
    const mayEdit = authoring && decideEditRole(actor, asOrgRole(r), draftOf(r)).allowed;
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      rank: r.rank,
      reach: r.reach,
      builtIn: r.builtInKey !== null,
      permissions: r.permissions,
      ceiling: r.ceiling,
      version: r.version,
      isYours: r.id === actor.role.id,
      /** Whether this viewer may edit or delete it (the server decides again on each request). */
      mayEdit,
      /** Only for roles the viewer may author: every holder is then in their span (rule 5). */
      holders: mayEdit ? r._count.memberships : null,
      /** Whether the viewer may give this role to members (and so move holders to it). */
      mayAssign: decideAssignRole(actor, asOrgRole(r)).allowed,
    };
  });
}

/** What the roles page offers this viewer to author: whether they may, and within what. */
export function roleAuthoring(actor: ActorContext) {
  enforce(decidePermission(actor, "roles.view"), "Role", actor);
  const manage = decideManageRoles(actor);
  return {
    mayManage: manage.allowed,
    reason: manage.reason,
    role: { name: actor.role.name, reach: actor.role.reach, permissions: [...actor.role.permissions], ceiling: [...ceilingOf(actor.role)] },
  };
}

export type RoleInput = {
  name: string;
  description: string;
  reach: Reach;
  permissions: string[];
  ceiling: string[];
};

const draftOf = (r: Pick<RoleRow, "name" | "rank" | "reach" | "permissions" | "ceiling">): RoleDraft => ({
  name: r.name,
  rank: r.rank,
  reach: r.reach,
  permissions: r.permissions,
  ceiling: r.ceiling,
});

/** The stored form: permissions in catalog order, "admin" bringing every capability along.
 * Strangers are kept, for the decision to refuse by name. */
function normalized(input: RoleInput) {
  return {
    name: input.name,
    description: input.description,
    reach: input.reach,
    permissions: [...ALL_PERMISSIONS.filter((p) => input.permissions.includes(p)), ...input.permissions.filter((p) => !isPermission(p))],
    ceiling: [...withImplied(input.ceiling), ...input.ceiling.filter((c) => !isCapability(c))],
  };
}

/** Role writes of one organization take turns: ranks are placed among the current ones. */
const lockRoles = (tx: Tx, organizationId: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`roles:${organizationId}`}))`;

async function roleOf(tx: Tx, actor: ActorContext, roleId: string) {
  const role = await tx.role.findFirst({ where: { id: roleId, organizationId: actor.organizationId } });
  if (!role) throw notFound("Role", actor);
  return role;
}

/** The rank just below the role `belowRoleId` among the organization's others. */
async function placeBelow(tx: Tx, actor: ActorContext, belowRoleId: string, except: string | null, count = 1): Promise<number[]> {
  const above = await roleOf(tx, actor, belowRoleId);
  const others = await tx.role.findMany({
    where: { organizationId: actor.organizationId, ...(except ? { NOT: { id: except } } : {}) },
    select: { rank: true },
  });
  const ranks = ranksJustBelow(
    above.rank,
    others.map((r) => r.rank),
    count,
  );
  if (!ranks.length) throw new StewardError("BAD_REQUEST", `There is no room just below ${above.name}; place the role below another one.`);
  return ranks;
}

async function ensureNameFree(tx: Tx, organizationId: string, name: string, except: string | null) {
  const clash = await tx.role.findFirst({
    where: { organizationId, name: { equals: name, mode: "insensitive" }, ...(except ? { NOT: { id: except } } : {}) },
    select: { name: true },
  });
  if (clash) throw new StewardError("CONFLICT", `A role named “${clash.name}” already exists; choose another name.`);
}

const nameTaken = (name: string) => () => new StewardError("CONFLICT", `A role named “${name}” already exists; choose another name.`);

export async function createRole(db: Db, actor: ActorContext, input: RoleInput & { placeBelowRoleId: string }) {
  const values = normalized(input);
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        await lockRoles(tx, actor.organizationId);
        const [rank] = await placeBelow(tx, actor, input.placeBelowRoleId, null);
        enforce(decideCreateRole(actor, { ...values, rank: rank! }), "Role", actor);
        await ensureNameFree(tx, actor.organizationId, values.name, null);
        const role = await tx.role.create({ data: { organizationId: actor.organizationId, ...values, rank: rank! } });
        await auditBy(tx, actor, { action: "role.create", targetType: "Role", targetId: role.id, after: { ...values, rank: role.rank } });
        return { id: role.id };
      }),
    nameTaken(values.name),
  );
}

/**
 * Edits a custom role; every holder changes with it, at their next request. `version` is the
 * one the author saw: a role changed since is a CONFLICT, never a silent overwrite.
 */
export async function updateRole(db: Db, actor: ActorContext, input: RoleInput & { roleId: string; version: number; placeBelowRoleId?: string }) {
  const values = normalized(input);
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        await lockRoles(tx, actor.organizationId);
        const role = await roleOf(tx, actor, input.roleId);
        const rank = input.placeBelowRoleId ? (await placeBelow(tx, actor, input.placeBelowRoleId, role.id))[0]! : role.rank;
        enforce(decideEditRole(actor, asOrgRole(role), { ...values, rank }), "Role", actor);
        await ensureNameFree(tx, actor.organizationId, values.name, role.id);
        const { count } = await tx.role.updateMany({
          where: { id: role.id, version: input.version },
          data: { ...values, rank, version: { increment: 1 } },
        });
        if (count === 0) {
          throw new StewardError("CONFLICT", `${role.name} was changed by someone else since you opened it. Reload to see their change, then edit again.`);
        }
        const before = {
          name: role.name,
          description: role.description,
          reach: role.reach,
          permissions: role.permissions,
          ceiling: role.ceiling,
          rank: role.rank,
        };
        await auditBy(tx, actor, { action: "role.update", targetType: "Role", targetId: role.id, before, after: { ...values, rank } });
        return { id: role.id, version: input.version + 1 };
      }),
    nameTaken(values.name),
  );
}

/**
 * Deletes a custom role nobody holds (seed 002: "roles in use cannot be deleted"). With
 * `moveHoldersTo`, its holders and pending invitations first move to that role, which the
 * author must be able to assign, each holder as if re-roled by hand, in the same transaction.
 */
export async function deleteRole(db: Db, actor: ActorContext, input: { roleId: string; moveHoldersTo?: string }) {
  return db.$transaction(async (tx) => {
    await lockRoles(tx, actor.organizationId);
    const role = await roleOf(tx, actor, input.roleId);
    if (input.moveHoldersTo) await moveHolders(tx, actor, role, input.moveHoldersTo);
    const [holders, invitations] = await Promise.all([
      tx.membership.count({ where: { roleId: role.id } }),
      tx.invitation.count({ where: { roleId: role.id, status: "PENDING", expiresAt: { gt: new Date() } } }),
    ]);
    enforce(decideDeleteRole(actor, asOrgRole(role), { holders, invitations }), "Role", actor);
    // Closed and expired invitations keep their record, and the name of the role they offered.
    await tx.invitation.updateMany({ where: { roleId: role.id }, data: { roleName: role.name } });
    await tx.role.delete({ where: { id: role.id } });
    await auditBy(tx, actor, { action: "role.delete", targetType: "Role", targetId: role.id, before: { ...draftOf(role), description: role.description } });
    return { id: role.id };
  });
}

async function moveHolders(tx: Tx, actor: ActorContext, role: RoleRow, targetRoleId: string) {
  const target = await roleOf(tx, actor, targetRoleId);
  if (target.id === role.id) throw new StewardError("BAD_REQUEST", "Choose another role to move the holders to.");
  // Deleting needs authority over the role first: nobody moves holders of a role they may not delete.
  enforce(decideDeleteRole(actor, asOrgRole(role), { holders: 0, invitations: 0 }), "Role", actor);
  enforce(decideAssignRole(actor, asOrgRole(target)), "Role", actor);
  const holders = await tx.membership.findMany({ where: { roleId: role.id }, include: memberFactsInclude });
  for (const holder of holders) {
    const decision = decideMemberAction(actor, toMemberFacts(holder), "changeRole");
    if (!decision.allowed)
      throw new StewardError("FORBIDDEN", `${holder.user.name} holds ${role.name} and is outside your span, so the role cannot be emptied: ${decision.reason}`);
  }
  await tx.membership.updateMany({ where: { roleId: role.id }, data: { roleId: target.id } });
  for (const holder of holders) {
    await auditBy(tx, actor, {
      action: "member.changeRole",
      targetType: "Membership",
      targetId: holder.id,
      before: { roleId: role.id, role: role.name },
      after: { roleId: target.id, role: target.name, via: "role.delete" },
    });
  }
  const invitations = await tx.invitation.updateMany({ where: { roleId: role.id, status: "PENDING" }, data: { roleId: target.id } });
  if (invitations.count) {
    await auditBy(tx, actor, {
      action: "invitation.changeRole",
      targetType: "Role",
      targetId: role.id,
      after: { invitations: invitations.count, roleId: target.id, role: target.name },
    });
  }
}

/** Adds a seed's role set as custom roles, placed just below `placeBelowRoleId`, in one transaction. */
export async function addRoleSet(db: Db, actor: ActorContext, input: { set: RoleSetKey; placeBelowRoleId: string }) {
  return withUniqueConflict(
    () => db.$transaction((tx) => addRoleSetIn(tx, actor, input)),
    () => new StewardError("CONFLICT", "A role of this set was just created by someone else; reload and try again."),
  );
}

/** The same inside a caller's transaction (setup adds a set to a new organization this way). */
export async function addRoleSetIn(tx: Tx, actor: ActorContext, input: { set: RoleSetKey; placeBelowRoleId: string }) {
  const set = ROLE_SETS.find((s) => s.key === input.set);
  if (!set) throw new StewardError("BAD_REQUEST", "There is no such role set.");
  await lockRoles(tx, actor.organizationId);
  const ranks = await placeBelow(tx, actor, input.placeBelowRoleId, null, set.roles.length);
  const created: string[] = [];
  for (const [i, definition] of set.roles.entries()) {
    const values = normalized({ ...definition, permissions: [...definition.permissions], ceiling: [...definition.ceiling] });
    const decision = decideCreateRole(actor, { ...values, rank: ranks[i]! });
    if (!decision.allowed) throw new StewardError("FORBIDDEN", `${definition.name}: ${decision.reason}`);
    await ensureNameFree(tx, actor.organizationId, definition.name, null);
    const role = await tx.role.create({ data: { organizationId: actor.organizationId, ...values, rank: ranks[i]! } });
    await auditBy(tx, actor, { action: "role.create", targetType: "Role", targetId: role.id, after: { ...values, rank: role.rank, set: set.key } });
    created.push(role.id);
  }
  return { created };
}
