// Rule 3 in SQL, beside its decisions (members.ts): the members an actor sees, the members in
// their span and the invitations in their reach, as the database lists them. Pure: it builds
// queries, runs none.
// Not exported from index.ts, so that pages' client code never bundles Prisma.
import { Prisma as P, type Prisma } from "../db/generated/client";
import type { Actor } from "./decision";
import { groupsInReach } from "./groups.sql";
import { ALL_PERMISSIONS } from "./permissions";
import { keysetOrder, type KeysetRead, type SortKeys } from "../db/keyset";
import { likeContains, likeStartsWith } from "../db/like";

/**
 * Rule 3, seeing, as facts: whom the actor sees besides themselves. Every rendering below reads
 * it, so the rule has one home: members in their reach (null subtree: the whole organization)
 * ranked strictly lower, or at most at their rank for the owner (see decideSee), and nobody
 * without "View members" or for a role reaching only its own account.
 */
function seeing(actor: Actor): { subtree: string | null; rank: number; orEqual: boolean } | null {
  if (!actor.role.permissions.includes("members.view") || actor.role.reach === "SELF") return null;
  return { subtree: actor.role.reach === "SUBTREE" ? actor.group.path : null, rank: actor.role.rank, orEqual: actor.isOwner };
}

/**
 * The Prisma `where` for the memberships the actor may see (rule 3, seeing): their own, and
 * every member in their reach ranked strictly lower, whatever powers they hold. Mirrors
 * decideMemberAction(actor, target, "view"); the consistency tests hold the two together.
 */
export function membersVisibleTo(actor: Actor): Prisma.MembershipWhereInput {
  const s = seeing(actor);
  const seen: Prisma.MembershipWhereInput | null = s
    ? {
        ...(s.subtree ? { groupPath: { startsWith: s.subtree } } : {}),
        id: { not: actor.membershipId },
        roleRank: s.orEqual ? { lte: s.rank } : { lt: s.rank },
      }
    : null;
  return { organizationId: actor.organizationId, OR: seen ? [{ id: actor.membershipId }, seen] : [{ id: actor.membershipId }] };
}

/**
 * `membersVisibleTo` as a SQL condition on m ("Membership"), ro (its "Role") and g (its home
 * "Group"), for grouped queries (the reports); tests/integration/reports.test.ts holds the two
 * renderings equal for every built-in role and custom ones.
 */
export function membersVisibleSql(actor: Actor): Prisma.Sql {
  const s = seeing(actor);
  const self = P.sql`m.id = ${actor.membershipId}`;
  const seen = s
    ? P.sql`OR (m.id <> ${actor.membershipId} ${s.subtree ? P.sql`AND g.path LIKE ${startsWith(s.subtree)}` : P.empty}
        AND ${s.orEqual ? P.sql`ro.rank <= ${s.rank}` : P.sql`ro.rank < ${s.rank}`})`
    : P.empty;
  return P.sql`(m."organizationId" = ${actor.organizationId} AND (${self} ${seen}))`;
}

/**
 * Invitations whose invitee the actor would see once they join, as a SQL condition on
 * i ("Invitation"), ro (the offered "Role") and g (its "Group"): the group in reach and the role
 * ranked as `seeing` says (LEFT JOINed: an invitation whose role was deleted offers nobody, and
 * is never seen through this).
 */
export function inviteesVisibleSql(actor: Actor): Prisma.Sql {
  const s = seeing(actor);
  if (!s) return P.sql`FALSE`;
  return P.sql`(i."organizationId" = ${actor.organizationId} ${s.subtree ? P.sql`AND g.path LIKE ${startsWith(s.subtree)}` : P.empty}
    AND ${s.orEqual ? P.sql`ro.rank <= ${s.rank}` : P.sql`ro.rank < ${s.rank}`})`;
}

/**
 * The Prisma `where` for the invitations the actor lists, resends and revokes (docs/authority.md,
 * "Invitations"): those whose group is in their reach, `decideReach` on the invitation's group as
 * `decideCreateMember` asks it (inviting is creating a member). An organization-wide role also
 * lists those whose group was deleted, which nobody can accept any more; a role reaching only
 * its own account lists none. Resend and revoke then ask the whole decision again.
 */
export function invitationsInReach(actor: Actor): Prisma.InvitationWhereInput {
  if (actor.role.reach === "ORGANIZATION") return { organizationId: actor.organizationId };
  return { organizationId: actor.organizationId, group: groupsInReach(actor) };
}

/** LIKE pattern of "starts with", with LIKE's wildcards escaped. */
export const startsWith = likeStartsWith;

/**
 * The members in an actor's span (rule 3, managing), as a SQL subquery: the mirror of
 * "View members" and `decideSpan`, for custodians (seed 004); the consistency tests
 * compare the two.
 */
export function membersInSpanSql(a: Actor): Prisma.Sql | null {
  const span = spanSql(a);
  return span && P.sql`SELECT m.id ${span}`;
}

/**
 * `membersInSpanSql` for one member: whether the membership whose id `id` names is in the
 * actor's span, as a condition probing that membership by its primary key (for a list that
 * asks it of rows a cheaper condition did not already settle).
 */
export function memberInSpanSql(a: Actor, id: Prisma.Sql): Prisma.Sql | null {
  const span = spanSql(a);
  // A scalar subquery, not EXISTS: PostgreSQL may turn an EXISTS into a hash of the whole span,
  // built before the first row (a hundred thousand members for an organization-wide role).
  return span && P.sql`COALESCE((SELECT TRUE ${span} AND m.id = ${id} LIMIT 1), FALSE)`;
}

function spanSql(a: Actor): Prisma.Sql | null {
  if (!a.role.permissions.includes("members.view") || a.role.reach === "SELF") return null;
  const lacking = ALL_PERMISSIONS.filter((p) => !a.role.permissions.includes(p));
  // The group's path and the role's rank are the membership's own copies (no join for them).
  return P.sql`FROM "Membership" m ${lacking.length ? P.sql`JOIN "Role" ro ON ro.id = m."roleId"` : P.empty}
    WHERE m."organizationId" = ${a.organizationId} AND m.id <> ${a.membershipId}
    ${a.role.reach === "SUBTREE" ? P.sql`AND m."groupPath" LIKE ${startsWith(a.group.path)}` : P.empty}
    AND ${a.isOwner ? P.sql`m."roleRank" <= ${a.role.rank}` : P.sql`m."roleRank" < ${a.role.rank}`}
    ${lacking.length ? P.sql`AND NOT (ro.permissions && ${lacking}::text[])` : P.empty}`;
}

/** The orders the members list offers, each read from one index of Membership (the schema's
 * indexes follow this table): the keys after the organization, the id last to break ties.
 * Descending reverses the whole order, ties included, so that it reads the same index backwards. */
export const MEMBER_SORT_KEYS = {
  name: [{ column: "userName", type: "text" }],
  email: [{ column: "userEmail", type: "text" }],
  role: [
    { column: "roleRank", type: "float8" },
    { column: "userName", type: "text" },
  ],
  group: [
    { column: "groupName", type: "text" },
    { column: "userName", type: "text" },
  ],
  status: [
    { column: "status", type: '"MembershipStatus"', values: ["INVITED", "ACTIVE", "DISABLED"] },
    { column: "userName", type: "text" },
  ],
  createdAt: [{ column: "createdAt", type: "timestamp(3)" }],
} as const satisfies SortKeys;
export type MemberSort = keyof typeof MEMBER_SORT_KEYS;

export type MemberListFilters = {
  search?: string;
  /** Members of this group and the groups below it (a group the caller has checked is in reach). */
  groupPath?: string;
  roleId?: string;
  status?: "INVITED" | "ACTIVE" | "DISABLED";
};

/** The filters as a condition on m ("Membership") alone, on its copies. */
function filtersSql(f: MemberListFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.search) {
    const q = contains(f.search);
    const lower = contains(f.search.toLowerCase());
    parts.push(P.sql`(m."userName" ILIKE ${q} OR m."userEmail" LIKE ${lower} OR m."userUsername" LIKE ${lower})`);
  }
  if (f.groupPath) parts.push(P.sql`m."groupPath" LIKE ${startsWith(f.groupPath)}`);
  if (f.roleId) parts.push(P.sql`m."roleId" = ${f.roleId}`);
  if (f.status) parts.push(P.sql`m.status = ${f.status}::"MembershipStatus"`);
  return parts.length ? P.sql`AND ${P.join(parts, " AND ")}` : P.empty;
}

/** `seeing` as a condition on m alone, without the actor: one index range (a span's, or the
 * whole organization's below a rank), never an OR with the actor's own row. */
function othersSeenSql(actor: Actor, s: NonNullable<ReturnType<typeof seeing>>): Prisma.Sql {
  return P.sql`m."organizationId" = ${actor.organizationId} AND m.id <> ${actor.membershipId}
    ${s.subtree ? P.sql`AND m."groupPath" LIKE ${startsWith(s.subtree)}` : P.empty}
    AND ${s.orEqual ? P.sql`m."roleRank" <= ${s.rank}` : P.sql`m."roleRank" < ${s.rank}`}`;
}

/**
 * One page of the members the actor sees (`membersVisibleTo`, rule 3), filtered and in the
 * sort's order, as ids with their keys: the actor's own row and everyone else they see read as
 * two index ranges merged, so that the cost follows the page, not the organization. `after` or
 * `before` is the boundary row's keys (keyset paging: `before` reads backwards, and the caller
 * reverses the rows), and `fromEnd` reads backwards from the last row; `offset` skips rows (a
 * jump to a position, which costs what it skips); `few` says the matches are few (see below). Its columns: the keys k0, k1, … and id; `orderBy`
 * is its order for a query that reads it under an alias.
 */
export function memberPageSql(
  actor: Actor,
  filters: MemberListFilters,
  order: { sort: MemberSort; direction: "asc" | "desc" },
  page: KeysetRead & { few?: boolean },
): { query: Prisma.Sql; orderBy: (alias: string) => Prisma.Sql } {
  const s = seeing(actor);
  const { select, orderBy, orderOf, boundary } = keysetOrder("m", MEMBER_SORT_KEYS[order.sort], order.direction, page);
  const where = P.sql`${filtersSql(filters)} ${boundary ? P.sql`AND ${boundary}` : P.empty}`;
  const offset = page.offset ?? 0;
  const own = P.sql`(SELECT ${select} FROM "Membership" m WHERE m.id = ${actor.membershipId} ${where})`;
  // Few matches (a small span, a narrow filter): read them all through the span's index and sort
  // them, rather than walk the whole organization in the sort's order looking for them. The
  // planner misjudges how few a deep group's path prefix matches, so the caller, who knows the
  // total, says so; OFFSET 0 keeps the reading apart from the order.
  const matching = (seen: Prisma.Sql) =>
    page.few ? P.sql`(SELECT * FROM "Membership" m WHERE ${seen} ${where} OFFSET 0) m` : P.sql`"Membership" m WHERE ${seen} ${where}`;
  const others = s ? P.sql`UNION ALL (SELECT ${select} FROM ${matching(othersSeenSql(actor, s))} ORDER BY ${orderBy} LIMIT ${page.limit + offset})` : P.empty;
  return {
    query: P.sql`${own} ${others} ORDER BY ${orderOf()} LIMIT ${page.limit} OFFSET ${offset}`,
    orderBy: orderOf,
  };
}

/**
 * How many members `memberPageSql` lists across its pages. Without a search it is a sum over the
 * database's tallies (MemberTally: members per group, role and status) of the groups in reach,
 * plus the actor's own row when the tallies leave it out; a search counts the rows, up to `cap`
 * (a count past it says "more than").
 */
export function memberTotalSql(actor: Actor, filters: MemberListFilters, cap: number): Prisma.Sql {
  const s = seeing(actor);
  const where = filtersSql(filters);
  const own = P.sql`SELECT count(*)::int FROM "Membership" m WHERE m.id = ${actor.membershipId} ${where}`;
  if (!s) return P.sql`SELECT (${own}) AS n`;
  if (filters.search) {
    return P.sql`SELECT (${own}) + (SELECT count(*)::int FROM (SELECT 1 FROM "Membership" m WHERE ${othersSeenSql(actor, s)} ${where} LIMIT ${cap + 1}) c) AS n`;
  }
  const tallied = P.sql`SELECT COALESCE(sum(t.count), 0)::int FROM "MemberTally" t
    JOIN "Role" ro ON ro.id = t."roleId"
    WHERE t."organizationId" = ${actor.organizationId}
    ${s.subtree ? P.sql`AND t."groupPath" LIKE ${startsWith(s.subtree)}` : P.empty}
    ${filters.groupPath ? P.sql`AND t."groupPath" LIKE ${startsWith(filters.groupPath)}` : P.empty}
    AND ${s.orEqual ? P.sql`ro.rank <= ${s.rank}` : P.sql`ro.rank < ${s.rank}`}
    ${filters.roleId ? P.sql`AND t."roleId" = ${filters.roleId}` : P.empty}
    ${filters.status ? P.sql`AND t.status = ${filters.status}::"MembershipStatus"` : P.empty}`;
  // The tallies count the actor too when they see their own rank (the owner): add them only otherwise.
  const ownApart = P.sql`SELECT count(*)::int FROM "Membership" m WHERE m.id = ${actor.membershipId} ${where}
    AND NOT (${s.subtree ? P.sql`m."groupPath" LIKE ${startsWith(s.subtree)} AND` : P.empty} ${s.orEqual ? P.sql`m."roleRank" <= ${s.rank}` : P.sql`m."roleRank" < ${s.rank}`})`;
  return P.sql`SELECT (${tallied}) + (${ownApart}) AS n`;
}

/** LIKE pattern of "contains", with LIKE's wildcards escaped. */
const contains = likeContains;
