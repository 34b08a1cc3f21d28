// Rule 3 in SQL, beside its decisions (members.ts): the members an actor sees, the members in
// their span and the invitations in their reach, as the database lists them. Pure: it builds
// queries, runs none.
// Not exported from index.ts, so that pages' client code never bundles Prisma.
import { Prisma as P, type Prisma } from "../db/generated/client";
import type { Actor } from "./decision";
import { groupsInReach } from "./groups.sql";
import { ALL_PERMISSIONS } from "./permissions";

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
        ...(s.subtree ? { group: { path: { startsWith: s.subtree } } } : {}),
        id: { not: actor.membershipId },
        role: { rank: s.orEqual ? { lte: s.rank } : { lt: s.rank } },
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
export const startsWith = (prefix: string) => `${prefix.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * The members in an actor's span (rule 3, managing), as a SQL subquery: the mirror of
 * "View members" and `decideSpan`, for custodians (seed 004); the consistency tests
 * compare the two.
 */
export function membersInSpanSql(a: Actor): Prisma.Sql | null {
  if (!a.role.permissions.includes("members.view") || a.role.reach === "SELF") return null;
  const lacking = ALL_PERMISSIONS.filter((p) => !a.role.permissions.includes(p));
  return P.sql`SELECT m.id FROM "Membership" m JOIN "Role" ro ON ro.id = m."roleId" JOIN "Group" g ON g.id = m."groupId"
    WHERE m."organizationId" = ${a.organizationId} AND m.id <> ${a.membershipId}
    ${a.role.reach === "SUBTREE" ? P.sql`AND g.path LIKE ${startsWith(a.group.path)}` : P.empty}
    AND ${a.isOwner ? P.sql`ro.rank <= ${a.role.rank}` : P.sql`ro.rank < ${a.role.rank}`}
    ${lacking.length ? P.sql`AND NOT (ro.permissions && ${lacking}::text[])` : P.empty}`;
}
