// Rule 4's side paths: membership is a grant. Putting a member into a team or a group (by
// adding, moving, creating or inviting them, oneself included) gives them what is granted
// there, so the actor must be able to grant each of those directly.
import { decideGrantChange, describeCapabilities, type Decision } from "../authz";
import type { Prisma, Tx } from "../db";
import { accessOf, actorSubject, resourceInclude, toResourceFacts } from "./access";
import type { ActorContext } from "./actor";

/**
 * Side paths (rule 4): the grants a member would gain must each be grantable by the actor
 * directly (share on the resource, and every capability). Refuses with the first that is not.
 */
export async function decideGainedGrants(tx: Tx, actor: ActorContext, gained: Prisma.GrantWhereInput, how: string): Promise<Decision> {
  const grants = await tx.grant.findMany({
    where: { AND: [{ organizationId: actor.organizationId }, gained] },
    include: { resource: { include: resourceInclude } },
  });
  if (!grants.length) return { allowed: true, reason: "" };
  const subject = await actorSubject(tx, actor);
  // Several gained grants often sit on one resource (a group and a team, say): one access check each.
  const accessByResource = new Map<string, Awaited<ReturnType<typeof accessOf>>>();
  for (const g of grants) {
    const access = accessByResource.get(g.resourceId) ?? (await accessOf(tx, subject, g.resource));
    accessByResource.set(g.resourceId, access);
    const decision = decideGrantChange(access, toResourceFacts(g.resource), { after: g.capabilities });
    if (!decision.allowed) {
      return {
        allowed: false,
        code: "FORBIDDEN",
        reason: `${how} would give ${describeCapabilities(g.capabilities)} on ${access.visible ? g.resource.name : "a resource you cannot see"}, which you could not grant directly: ${decision.code === "NOT_FOUND" ? "you have no access to it" : decision.reason}`,
      };
    }
  }
  return { allowed: true, reason: "" };
}

/** The GROUP grants a member gains by having their home group at `toPath` instead of `fromPath` (null: a new member). */
export function groupGrantsGained(fromPath: string | null, toPath: string): Prisma.GrantWhereInput {
  const before = new Set((fromPath ?? "").split("/").filter(Boolean));
  return { groupId: { in: toPath.split("/").filter((id) => id && !before.has(id)) } };
}
