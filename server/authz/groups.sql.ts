// Reach over groups in SQL, beside `decideReach` (decision.ts): the groups an actor's role
// reaches, as the database lists them. Pure: it builds a query, runs none.
import type { Prisma } from "../db/generated/client";
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
