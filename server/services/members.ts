// Members of an organization as seen by an actor: the list of their span, and changes of
// role and home group under rules 3 and 4.
import {
  decideAssignRole,
  decideCreateMember,
  decideChangeGroup,
  decideChangeRole,
  decideMemberAction,
  decideMigrateDataFrom,
  decideTransferOwnership,
  decidePermission,
  decideSee,
  decideSpan,
  decideTwoFactorRequired,
  decideViewAs,
  MEMBER_ACTION_PERMISSION,
  type MemberFacts,
  type MemberAction,
} from "../authz";
import type { Db, Prisma, Tx } from "../db";
import { loadMember, memberFactsInclude, toGroupFacts, toMemberFacts, toRoleFacts, type ActorContext } from "./actor";
import { auditBy } from "./audit";
import { describeEvents } from "./audit-log";
import { enforce, notFound } from "./errors";
import { describeScope } from "./resources";
import { decideGainedGrants, groupGrantsGained } from "./side-paths";
import { topRoleFacts } from "./top-role";
import { listGroups } from "./groups";
import { effectivePolicyAt } from "./policies";
import { loginLocks } from "./throttle";
import { groupsInReach } from "../authz/groups.sql";
import { membersVisibleTo } from "../authz/members.sql";

export const MEMBER_SORTS = ["name", "email", "role", "group", "status", "createdAt"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

export type ListMembersInput = {
  page: number;
  pageSize: number;
  sort: MemberSort;
  direction: "asc" | "desc";
  search?: string;
  groupId?: string;
  roleId?: string;
  status?: "INVITED" | "ACTIVE" | "DISABLED";
};

function orderBy(sort: MemberSort, direction: "asc" | "desc"): Prisma.MembershipOrderByWithRelationInput[] {
  const tail: Prisma.MembershipOrderByWithRelationInput[] = [{ user: { name: "asc" } }, { id: "asc" }];
  switch (sort) {
    case "name":
      return [{ user: { name: direction } }, { id: "asc" }];
    case "email":
      return [{ user: { email: direction } }, { id: "asc" }];
    case "role":
      return [{ role: { rank: direction } }, ...tail];
    case "group":
      return [{ group: { name: direction } }, ...tail];
    case "status":
      return [{ status: direction }, ...tail];
    case "createdAt":
      return [{ createdAt: direction }, { id: "asc" }];
  }
}

const ROW_ACTIONS = ["changeRole", "changeGroup", "setStatus"] as const satisfies readonly MemberAction[];

type MemberRowData = Parameters<typeof toMemberFacts>[0] & {
  status: "INVITED" | "ACTIVE" | "DISABLED";
  createdAt: Date;
  user: { name: string; email: string; username: string | null; company: string; lastSignInAt: Date | null };
};

/** A member as the actor sees them, with the actions (among `actions`) the actor may take. */
function memberView<A extends MemberAction>(actor: ActorContext, m: MemberRowData, actions: readonly A[]) {
  const facts = toMemberFacts(m);
  return {
    id: m.id,
    name: m.user.name,
    email: m.user.email,
    username: m.user.username,
    company: m.user.company,
    status: m.status,
    isOwner: m.isOwner,
    isSelf: m.id === actor.membershipId,
    role: { id: m.role.id, name: m.role.name, rank: m.role.rank },
    group: { id: m.group.id, name: m.group.name },
    createdAt: m.createdAt,
    lastSignInAt: m.user.lastSignInAt,
    can: Object.fromEntries(actions.map((a) => [a, decideMemberAction(actor, facts, a).allowed])) as Record<A, boolean>,
  };
}

export async function listMembers(db: Db, actor: ActorContext, input: ListMembersInput) {
  enforce(decidePermission(actor, "members.view"), "Member", actor);
  const filters: Prisma.MembershipWhereInput[] = [membersVisibleTo(actor)];
  if (input.search) {
    const q = input.search.trim();
    filters.push({
      user: { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q.toLowerCase() } }, { username: { contains: q.toLowerCase() } }] },
    });
  }
  if (input.groupId) {
    // AND, not a spread: groupsInReach may itself constrain the id (a role reaching only its own account reaches no group).
    const group = await db.group.findFirst({ where: { AND: [groupsInReach(actor), { id: input.groupId }] } });
    if (!group) throw notFound("Group", actor);
    filters.push({ group: { path: { startsWith: group.path } } });
  }
  if (input.roleId) filters.push({ roleId: input.roleId });
  if (input.status) filters.push({ status: input.status });
  const where: Prisma.MembershipWhereInput = { AND: filters };
  const [total, rows] = await db.$transaction([
    db.membership.count({ where }),
    db.membership.findMany({
      where,
      include: { ...memberFactsInclude, user: { select: { name: true, email: true, username: true, company: true, lastSignInAt: true } } },
      orderBy: orderBy(input.sort, input.direction),
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    /** Whether the actor's role changes members at all (then rows it may not change say so). */
    manages: ROW_ACTIONS.some((a) => decidePermission(actor, MEMBER_ACTION_PERMISSION[a]).allowed),
    rows: await withLocks(db, rows, (m) => memberView(actor, m, ROW_ACTIONS)),
  };
}

/** Rows with when each member's sign-in is locked (the login limit), read for the page in one query. */
async function withLocks<M extends { userId: string; user: { email: string; username: string | null } }, V>(db: Db, rows: M[], view: (m: M) => V) {
  const locks = await loginLocks(
    db,
    rows.map((m) => ({ id: m.userId, email: m.user.email, username: m.user.username })),
  );
  return rows.map((m) => ({ ...view(m), lockedUntil: locks.get(m.userId)?.lockedUntil ?? null }));
}

/** A member the actor sees (rule 3: in reach, ranked below, or themselves), else NOT_FOUND; the
 * change's own decision then asks its permission and the span, without "View members" besides. */
async function loadTarget(tx: Tx, actor: ActorContext, membershipId: string) {
  const target = await loadMember(tx, actor, membershipId);
  enforce(decideSee(actor, toMemberFacts(target)), "Member", actor);
  return target;
}

export async function changeMemberRole(db: Db, actor: ActorContext, input: { membershipId: string; roleId: string }) {
  return db.$transaction(async (tx) => {
    const target = await loadTarget(tx, actor, input.membershipId);
    const role = await tx.role.findFirst({ where: { id: input.roleId, organizationId: actor.organizationId } });
    if (!role) throw notFound("Role", actor);
    const facts = await topRoleFacts(tx, actor.organizationId, target);
    const decision = decideChangeRole(actor, toMemberFacts(target), { ...toRoleFacts(role), organizationId: role.organizationId }, facts);
    enforce(decision, "Member", actor);
    if (target.roleId === role.id) return { id: target.id, roleId: role.id };
    await tx.membership.update({ where: { id: target.id }, data: { roleId: role.id } });
    await auditBy(tx, actor, {
      action: "member.changeRole",
      targetType: "Membership",
      targetId: target.id,
      before: { roleId: target.roleId, role: target.role.name },
      after: { roleId: role.id, role: role.name },
    });
    return { id: target.id, roleId: role.id };
  });
}

export async function changeMemberGroup(db: Db, actor: ActorContext, input: { membershipId: string; groupId: string }) {
  return db.$transaction(async (tx) => {
    const target = await loadTarget(tx, actor, input.membershipId);
    const group = await tx.group.findFirst({ where: { id: input.groupId, organizationId: actor.organizationId } });
    if (!group) throw notFound("Group", actor);
    enforce(decideChangeGroup(actor, toMemberFacts(target), toGroupFacts(group)), "Group", actor);
    if (target.groupId === group.id) return { id: target.id, groupId: group.id };
    enforce(
      await decideGainedGrants(tx, actor, groupGrantsGained(target.group.path, group.path), `Moving ${target.user.name} to ${group.name}`),
      "Group",
      actor,
    );
    await tx.membership.update({ where: { id: target.id }, data: { groupId: group.id } });
    await auditBy(tx, actor, {
      action: "member.changeGroup",
      targetType: "Membership",
      targetId: target.id,
      before: { groupId: target.groupId, group: target.group.name },
      after: { groupId: group.id, group: group.name },
    });
    return { id: target.id, groupId: group.id };
  });
}

/** Roles with whether the actor may hand them out (rule 4) or create members with them. */
export async function assignableRoles(db: Db, actor: ActorContext) {
  const roles = await db.role.findMany({ where: { organizationId: actor.organizationId }, orderBy: { rank: "desc" } });
  return roles.map((r) => {
    const facts = { ...toRoleFacts(r), organizationId: r.organizationId };
    const assign = decideAssignRole(actor, facts);
    return {
      id: r.id,
      name: r.name,
      rank: r.rank,
      reach: r.reach,
      assignable: assign.allowed,
      reason: assign.reason,
      // Creating also places the member in a group; the home group stands for any in reach.
      creatable: decideCreateMember(actor, actor.group, facts).allowed,
    };
  });
}

function readOnlyReason(actor: ActorContext, target: MemberFacts): string | null {
  if (target.membershipId === actor.membershipId) return null;
  const span = decideSpan(actor, target);
  return span.allowed ? null : span.reason;
}

const DETAIL_ACTIONS = ["edit", "changeRole", "changeGroup", "setStatus", "resetCredentials", "delete"] as const satisfies readonly MemberAction[];

/** One member as the actor may see them, with what the actor may do and their recent history. */
export async function getMember(db: Db, actor: ActorContext, membershipId: string) {
  const m = await db.membership.findFirst({
    where: { AND: [membersVisibleTo(actor), { id: membershipId }] },
    include: { ...memberFactsInclude, user: { select: { name: true, email: true, username: true, company: true, lastSignInAt: true, totpEnabledAt: true } } },
  });
  if (!m) throw notFound("Member", actor);
  const events = await db.auditEvent.findMany({
    where: { organizationId: actor.organizationId, targetType: "Membership", targetId: m.id },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 50,
  });
  const history = await describeEvents(db, actor.organizationId, events);
  const top = await db.role.aggregate({ where: { organizationId: actor.organizationId }, _max: { rank: true } });
  const lock = (await loginLocks(db, [{ id: m.userId, email: m.user.email, username: m.user.username }])).get(m.userId)!;
  return {
    ...memberView(actor, m, DETAIL_ACTIONS),
    hasTwoFactor: m.user.totpEnabledAt !== null,
    /** The login limit's hold on their account: failed attempts in the window, and until when sign-in is refused. */
    signIn: lock,
    /** Their effective policy with each value's source, for those who may see policies. */
    policy: decidePermission(actor, "policies.view").allowed ? await memberPolicy(db, m) : null,
    resourceScope: await describeScope(db, actor.organizationId, m.resourceScope),
    canViewAs: decideViewAs(actor, toMemberFacts(m)).allowed,
    /** Resources they own: deleting them needs a new owner chosen (rule 6). */
    ownedResources: await db.resource.count({ where: { ownerId: m.id } }),
    /** Seed 004: whether the actor may move what they own to another member. */
    canMigrateData: decideMigrateDataFrom(actor, toMemberFacts(m)).allowed,
    canTransferOwnership: decideTransferOwnership(actor, { ...toMemberFacts(m), active: m.status === "ACTIVE" }, { topRank: top._max.rank ?? 0 }).allowed,
    /** Why a member the actor sees is beyond their management (rule 3: seeing is wider), or null. */
    readOnly: readOnlyReason(actor, toMemberFacts(m)),
    /** The audit log's events about this member, in its words (audit-catalog.ts). */
    history: history.map((e) => ({ id: e.id, action: e.action, at: e.at, actor: e.actor.name, label: e.label, sentence: e.sentence, detail: e.detail })),
  };
}

async function memberPolicy(db: Db, m: { group: { path: string }; role: Parameters<typeof toRoleFacts>[0] }) {
  const effective = await effectivePolicyAt(db, m.group.path);
  return { ...effective, twoFactorRequired: decideTwoFactorRequired(effective.values.twoFactor, toRoleFacts(m.role)).allowed };
}

/** What the members page's filters and pickers offer: roles, and the groups in reach when
 * the actor may see groups. */
export async function memberPickerOptions(db: Db, actor: ActorContext) {
  return {
    roles: await assignableRoles(db, actor),
    groups: decidePermission(actor, "groups.view").allowed ? await listGroups(db, actor) : [],
  };
}
