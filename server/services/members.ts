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
  ALL_PERMISSIONS,
  MEMBER_ACTION_PERMISSION,
  PERMISSIONS,
  type MemberFacts,
  type RoleFacts,
  type MemberAction,
  chainIds,
} from "../authz";
import type { Db, Tx } from "../db";
import { Prisma } from "../db/generated/client";
import { dateOfEpochMs, epochMsSql } from "../db/json";
import { loadMember, memberFactsInclude, roleFactsJsonSql, toGroupFacts, toMemberFacts, toRoleFacts, type ActorContext } from "./actor";
import { subjectOfMember } from "./access";
import { auditBy } from "./audit";
import { describeEvents } from "./audit-log";
import { enforce, notFound, StewardError } from "./errors";
import { describeScope } from "./resources";
import { decideGainedGrants, groupGrantsGained } from "./side-paths";
import { topRoleFacts } from "./top-role";
import { inTreeOrder } from "./groups";
import { effectivePolicyAt } from "./policies";
import { lockOver, loginLocks, storedLoginKeySql, type ThrottleRow } from "./throttle";
import { groupsInReach, groupsInReachSql } from "../authz/groups.sql";
import { cursorPaging, type PageRequest } from "./cursor";
import { MEMBER_SORT_KEYS, memberPageSql, memberTotalSql, membersVisibleTo, type MemberListFilters, type MemberSort } from "../authz/members.sql";

export const MEMBER_SORTS = Object.keys(MEMBER_SORT_KEYS) as [MemberSort, ...MemberSort[]];
const memberPaging = cursorPaging("members", MEMBER_SORT_KEYS);
export type { MemberSort };

export type ListMembersInput = PageRequest<MemberSort> & {
  search?: string;
  groupId?: string;
  roleId?: string;
  status?: "INVITED" | "ACTIVE" | "DISABLED";
};

/** A search counts the rows it matches up to this many; past it, the total says "more than". */
export const SEARCH_COUNT_CAP = 10_000;
/** How a page reads its matches: up to `fewMembers`, it sorts them all (cheaper than walking the
 * organization in order to find a few); past it, it walks the sort's index (cheaper than sorting
 * them all). Both readings give the same rows; tests set it to 0 to exercise the walk. Measured
 * (docs/architecture.md): walking was no slower from about 1,000 matches up in an organization
 * of 100,000, and twice as fast at 1,000 in one of 10,000, where sorting them meant reading
 * the whole organization; below a few hundred the two cost alike. */
export const memberListTuning = { fewMembers: 500 };

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

/** The members list's filters as the page gives them (a group by id). */
export type MemberFilterInput = Pick<ListMembersInput, "search" | "groupId" | "roleId" | "status">;

/** The filters as the SQL takes them: a group in reach by its path, else NOT_FOUND. */
async function listFilters(db: Db, actor: ActorContext, input: MemberFilterInput): Promise<MemberListFilters> {
  const filters: MemberListFilters = { search: input.search?.trim() || undefined, roleId: input.roleId, status: input.status };
  if (input.groupId) {
    // AND, not a spread: groupsInReach may itself constrain the id (a role reaching only its own account reaches no group).
    const group = await db.group.findFirst({ where: { AND: [groupsInReach(actor), { id: input.groupId }] }, select: { path: true } });
    if (!group) throw notFound("Group", actor);
    filters.groupPath = group.path;
  }
  return filters;
}

/**
 * Every member the list shows under these filters (yourself included), by name, for "select all
 * N matching": at most `cap`, else a BAD_REQUEST asking to narrow them.
 */
export async function matchingMemberIds(db: Db, actor: ActorContext, input: MemberFilterInput, cap: number): Promise<string[]> {
  enforce(decidePermission(actor, "members.view"), "Member", actor);
  const filters = await listFilters(db, actor, input);
  const rows = await db.$queryRaw<Array<{ id: string }>>(memberPageSql(actor, filters, { sort: "name", direction: "asc" }, { limit: cap + 1 }).query);
  if (rows.length > cap) {
    throw new StewardError("BAD_REQUEST", `More than ${cap.toLocaleString("en-US")} members match: narrow the search or filters, then select them all again.`);
  }
  return rows.map((r) => r.id);
}

/** The names of those among `ids` whom the actor sees (rule 3): a bulk answer names no one else. */
export async function seenNames(db: Db, actor: ActorContext, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.membership.findMany({ where: { AND: [membersVisibleTo(actor), { id: { in: ids } }] }, select: { id: true, userName: true } });
  return new Map(rows.map((r) => [r.id, r.userName]));
}

export async function listMembers(db: Db, actor: ActorContext, input: ListMembersInput) {
  enforce(decidePermission(actor, "members.view"), "Member", actor);
  const filters = await listFilters(db, actor, input);
  const order = { sort: input.sort, direction: input.direction };
  const now = new Date();
  // The total (cheap: tallies) tells the page how to read the matches; both come in one statement.
  const total = memberTotalSql(actor, filters, SEARCH_COUNT_CAP);
  let n = 0;
  const { rows, ...page } = await memberPaging.page(input, async (read) => {
    const [few, many] = [true, false].map((few) => memberPageSql(actor, filters, order, { ...read, few }));
    const got = await db.$queryRaw<Array<{ n: number } & (MemberPageRow | { [K in keyof MemberPageRow]: null })>>(
      memberRowsSql(total, memberListTuning.fewMembers, few!, many!),
    );
    n = got[0]!.n;
    return got.filter((r): r is { n: number } & MemberPageRow => r.id !== null);
  });
  return {
    /** Exact, or SEARCH_COUNT_CAP + 1 when a search matches more (totalExact false). */
    total: n,
    totalExact: !filters.search || n <= SEARCH_COUNT_CAP,
    pageSize: input.pageSize,
    ...page,
    /** Whether the actor's role changes members at all (then rows it may not change say so). */
    manages: ROW_ACTIONS.some((a) => decidePermission(actor, MEMBER_ACTION_PERMISSION[a]).allowed),
    rows: rows.map((r) => ({ ...memberView(actor, toMemberRow(r), ROW_ACTIONS), lockedUntil: lockedUntilOf(r, now) })),
  };
}

/**
 * The total and a page's rows, in one statement. The total says how to read the page (few
 * matches: read them all and sort them; else walk the sort's index), so both readings are
 * written and the total gates them: PostgreSQL runs only the one whose condition holds (a
 * one-time filter). Then the page's ids and keys are joined to their memberships, and what a
 * row of the list shows and its decisions need is read by primary key, each relation in a
 * subquery of its own: the user with the login limit's state of their email and username, the
 * home group and the role. (As one join of five relations, searching its orders cost more
 * than reading the rows: PostgreSQL plans each request's statement afresh.) Every row carries
 * the total; with no rows, one row of nulls does.
 */
function memberRowsSql(total: Prisma.Sql, fewMembers: number, few: MemberPage, many: MemberPage): Prisma.Sql {
  const throttle = (login: Prisma.Sql) =>
    Prisma.sql`(SELECT json_build_object('attempts', t.attempts, 'windowStartedAt', ${epochMsSql(Prisma.sql`t."windowStartedAt"`)},
      'lastAttemptAt', ${epochMsSql(Prisma.sql`t."lastAttemptAt"`)}) FROM "SignInThrottle" t WHERE t.key = ${storedLoginKeySql(login)})`;
  return Prisma.sql`WITH total AS MATERIALIZED (${total}),
    page AS ((SELECT * FROM (${few.query}) p WHERE (SELECT n FROM total) <= ${fewMembers})
      UNION ALL (SELECT * FROM (${many.query}) p WHERE (SELECT n FROM total) > ${fewMembers}))
    SELECT total.n, r.* FROM total LEFT JOIN (
      SELECT page.*, m."userId", m."organizationId", m.status::text AS status, m."isOwner", m."createdAt",
        (SELECT json_build_object('name', u.name, 'email', u.email, 'username', u.username, 'company', u.company,
            'lastSignInAt', ${epochMsSql(Prisma.sql`u."lastSignInAt"`)},
            'emailThrottle', ${throttle(Prisma.sql`u.email`)}, 'usernameThrottle', ${throttle(Prisma.sql`u.username`)})
          FROM "User" u WHERE u.id = m."userId") AS "user",
        (SELECT json_build_object('id', g.id, 'name', g.name, 'path', g.path, 'parentId', g."parentId")
          FROM "Group" g WHERE g.id = m."groupId") AS "group",
        (SELECT ${roleFactsJsonSql("ro")} FROM "Role" ro WHERE ro.id = m."roleId") AS role
      FROM page JOIN "Membership" m ON m.id = page.id
    ) r ON TRUE
    ORDER BY ${many.orderBy("r")}`;
}

type MemberPage = ReturnType<typeof memberPageSql>;

type MemberPageRow = {
  id: string;
  k0: string | number | Date;
  k1?: string | number | Date;
  userId: string;
  organizationId: string;
  status: "INVITED" | "ACTIVE" | "DISABLED";
  isOwner: boolean;
  createdAt: Date;
  user: {
    name: string;
    email: string;
    username: string | null;
    company: string;
    lastSignInAt: number | null;
    /** The login limit's row of their email, and of their username, when there is one. */
    emailThrottle: ThrottleJson | null;
    usernameThrottle: ThrottleJson | null;
  };
  group: { id: string; name: string; path: string; parentId: string | null };
  role: MemberRowData["role"];
};

type ThrottleJson = { attempts: number; windowStartedAt: number; lastAttemptAt: number };

/** When the member's sign-in is locked, from the page row's throttle rows. */
function lockedUntilOf(r: MemberPageRow, now: Date): Date | null {
  const rows: ThrottleRow[] = [r.user.emailThrottle, r.user.usernameThrottle]
    .filter((t) => t !== null)
    .map((t) => ({ attempts: t.attempts, windowStartedAt: new Date(t.windowStartedAt), lastAttemptAt: new Date(t.lastAttemptAt) }));
  return lockOver(rows, now).lockedUntil;
}

function toMemberRow(r: MemberPageRow): MemberRowData & { userId: string } {
  const { name, email, username, company, lastSignInAt } = r.user;
  return {
    id: r.id,
    userId: r.userId,
    organizationId: r.organizationId,
    isOwner: r.isOwner,
    status: r.status,
    createdAt: r.createdAt,
    user: { name, email, username, company, lastSignInAt: dateOfEpochMs(lastSignInAt) },
    group: { ...r.group, organizationId: r.organizationId },
    role: r.role,
  };
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

/** Roles (the organization's, highest rank first) with whether the actor may hand them out
 * (rule 4) or create members with them. */
function rolesOffered(actor: ActorContext, roles: RoleFacts[]) {
  return roles.map((r) => {
    const facts = { ...r, organizationId: actor.organizationId };
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

/** A group as the pickers offer it: its name, indented by its depth, in tree order. */
export type PickerGroup = { id: string; name: string; parentId: string | null; depth: number };

/** What the members page's filters and pickers offer: roles, and the groups in reach when
 * the actor may see groups (only what a picker shows: the groups page has the rest). */
export async function memberPickerOptions(db: Db, actor: ActorContext): Promise<{ roles: ReturnType<typeof rolesOffered>; groups: PickerGroup[] }> {
  const groups = decidePermission(actor, "groups.view").allowed
    ? Prisma.sql`(SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'parentId', g."parentId", 'depth', g.depth) ORDER BY g.depth, g.name, g.id)
        FROM "Group" g WHERE ${groupsInReachSql(actor)})`
    : Prisma.sql`NULL`;
  // One statement for both (the pickers open with the page, and these are small).
  const [row] = await db.$queryRaw<[{ roles: RoleFacts[] | null; groups: PickerGroup[] | null }]>`
    SELECT (SELECT json_agg(${roleFactsJsonSql("r")} ORDER BY r.rank DESC, r.id) FROM "Role" r WHERE r."organizationId" = ${actor.organizationId}) AS roles,
      ${groups} AS groups`;
  return { roles: rolesOffered(actor, row.roles ?? []), groups: inTreeOrder(row.groups ?? []) };
}

/**
 * Where a member stands, for their page: their home group's chain from the root, the teams
 * they are in, the permissions their role gives (each from that role), and the organization-wide
 * access that reaches them (each with how: to them, a team, a group). A member the actor does
 * not see is NOT_FOUND (rule 3), as on their page.
 */
export async function memberAccess(db: Db, actor: ActorContext, membershipId: string) {
  const target = await loadTarget(db, actor, membershipId);
  const chain = chainIds(target.group.path);
  const [groups, teams, subject] = await Promise.all([
    db.group.findMany({ where: { organizationId: actor.organizationId, id: { in: chain } }, select: { id: true, name: true } }),
    db.team.findMany({
      where: { organizationId: actor.organizationId, members: { some: { membershipId: target.id } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    subjectOfMember(db, actor, target),
  ]);
  const byId = new Map(groups.map((g) => [g.id, g]));
  return {
    groups: chain.map((id) => byId.get(id)).filter((g) => g !== undefined),
    teams,
    role: {
      name: target.role.name,
      permissions: ALL_PERMISSIONS.filter((p) => target.role.permissions.includes(p)).map((p) => ({
        key: p,
        area: PERMISSIONS[p].area,
        label: PERMISSIONS[p].label,
      })),
    },
    organizationWide: (subject?.typeGrants ?? []).map((g) => ({
      grantId: g.grantId,
      scope: g.scope,
      capabilities: [...g.capabilities],
      mayCreate: g.mayCreate,
      via: g.via,
      source: g.via.kind === "member" ? "given to them" : g.via.kind === "team" ? `through the team ${g.via.teamName}` : `through the group ${g.via.groupName}`,
    })),
  };
}
