// Rule 3 in SQL, beside its decisions (members.ts): the members an actor sees and the
// members in their span, as the database lists them. Pure: it builds queries, runs none.
// Not exported from index.ts, so that pages' client code never bundles Prisma.
import { Prisma as P, type Prisma } from "../db/generated/client";
import type { Actor } from "./decision";
import { ALL_PERMISSIONS } from "./permissions";

/**
 * The Prisma `where` for the memberships the actor may see (rule 3, seeing): their own, and
 * every member in their reach ranked strictly lower, whatever powers they hold. Mirrors
 * decideMemberAction(actor, target, "view"); the consistency tests hold the two together.
 */
export function membersVisibleTo(actor: Actor): Prisma.MembershipWhereInput {
  const reach = actor.role.reach === "ORGANIZATION" ? {} : actor.role.reach === "SUBTREE" ? { group: { path: { startsWith: actor.group.path } } } : null;
  const seen: Prisma.MembershipWhereInput | null =
    reach && actor.role.permissions.includes("members.view")
      ? {
          ...reach,
          id: { not: actor.membershipId },
          // The owner stands just above the other holders of their role (see decideSee).
          role: { rank: actor.isOwner ? { lte: actor.role.rank } : { lt: actor.role.rank } },
        }
      : null;
  return { organizationId: actor.organizationId, OR: seen ? [{ id: actor.membershipId }, seen] : [{ id: actor.membershipId }] };
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
