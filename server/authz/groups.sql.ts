// Reach over groups in SQL, beside `decideReach` (decision.ts): the groups an actor's role
// reaches, as the database lists them. Pure: it builds a query, runs none.
import { Prisma as P, type Prisma } from "../db/generated/client";
import { likeStartsWith } from "../db/like";
import type { Actor } from "./decision";

/** The Prisma `where` for groups the actor's role reaches. */
export function groupsInReach(actor: Actor): Prisma.GroupWhereInput {
  return {
    organizationId: actor.organizationId,
    ...(actor.role.reach === "SUBTREE" ? { path: { startsWith: actor.group.path } } : {}),
    // A role reaching only its own account reaches no group (decideReach agrees).
    ...(actor.role.reach === "SELF" ? { id: { in: [] } } : {}),
  };
}

/** `groupsInReach` as a SQL condition on g ("Group"), for statements that read groups with
 * other things; tests/integration/consistency.test.ts holds the two renderings equal. */
export function groupsInReachSql(actor: Actor): Prisma.Sql {
  if (actor.role.reach === "SELF") return P.sql`FALSE`;
  return P.sql`(g."organizationId" = ${actor.organizationId} ${actor.role.reach === "SUBTREE" ? P.sql`AND g.path LIKE ${likeStartsWith(actor.group.path)}` : P.empty})`;
}
