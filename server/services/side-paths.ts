// Rule 4's side paths: membership is a grant. Putting a member into a team or a group (by
// adding, moving, creating or inviting them, oneself included) gives them what is granted
// there, so the actor must be able to grant each of those directly.
//
// Only grants are screened here. The paths that come with the role and the span ("See all
// resources", custody, restores) are given by assigning a role or a group, which rule 4
// already bounds: the actor holds every permission of the member's role and ranks above
// them, and the new group is in the actor's reach, so the member's span after the change lies
// inside the actor's own (lower-ranked, no power the actor lacks, in reach), and with it
// what custody or restores give there. `suspectsSql` counts those paths only as what the
// actor holds, as `effectiveAccess` does. One bound is not compared: role ceilings. A
// restorer's Data is cut by their own role's ceiling, and assigning or moving does not check
// that ceiling against the actor's, so an actor whose ceiling lacks Data may still place a
// restorer whose role keeps it (as for grants, which the member's ceiling caps, not the actor's).
import { decideGrantChange, decideTypeGrantChange, describeCapabilities, describeTypeGrant, type Decision, chainIds } from "../authz";
import type { Tx } from "../db";
import { accessOf, actorSubject, resourceInclude, toResourceFacts } from "./access";
import type { ActorContext } from "./actor";
import { suspectsSql } from "../authz/resources.sql";

/** The grants a member gains: those held by these teams, and the GROUP grants of these groups. */
export type GainedGrants = { teamIds?: readonly string[]; groupIds?: readonly string[] };

/** Suspects checked exactly per round; the first is nearly always truly refused. */
const SUSPECTS_PER_ROUND = 20;

/**
 * Side paths (rule 4): the grants a member would gain must each be grantable by the actor
 * directly (share on the resource, and every capability; for organization-wide access,
 * `decideTypeGrantChange`). Refuses with the first that is not.
 *
 * However many grants are gained, one SQL query (`suspectsSql`) sets aside those the actor
 * provably may pass on; only the few others get the exact check, in grant id order. None of
 * the gained grants is loaded unless it is a suspect.
 */
export async function decideGainedGrants(tx: Tx, actor: ActorContext, gained: GainedGrants, how: string): Promise<Decision> {
  const teamIds = [...new Set(gained.teamIds ?? [])];
  const groupIds = [...new Set(gained.groupIds ?? [])];
  if (!teamIds.length && !groupIds.length) return { allowed: true, reason: "" };
  const subject = await actorSubject(tx, actor);
  // Organization-wide access held by these teams and groups: few rows, each decided exactly.
  const typeWide = await tx.typeGrant.findMany({
    where: { organizationId: actor.organizationId, OR: [{ teamId: { in: teamIds } }, { groupId: { in: groupIds } }] },
    orderBy: { id: "asc" },
  });
  for (const g of typeWide) {
    const decision = decideTypeGrantChange(actor, subject, g.resourceType, { after: g });
    if (!decision.allowed) {
      return {
        allowed: false,
        code: "FORBIDDEN",
        reason: `${how} would give ${describeTypeGrant(g, g.resourceType)}, which you could not grant directly: ${decision.reason}`,
      };
    }
  }
  // Several suspects often sit on one resource (a group and a team, say): one access check each.
  const accessByResource = new Map<string, Awaited<ReturnType<typeof accessOf>>>();
  let after: string | null = null;
  for (;;) {
    const ids: string[] = (await tx.$queryRaw<Array<{ id: string }>>(suspectsSql(subject, teamIds, groupIds, after, SUSPECTS_PER_ROUND))).map((row) => row.id);
    if (!ids.length) return { allowed: true, reason: "" };
    const rows = await tx.grant.findMany({
      where: { organizationId: actor.organizationId, id: { in: ids } },
      include: { resource: { include: resourceInclude } },
    });
    const byId = new Map(rows.map((g) => [g.id, g]));
    for (const id of ids) {
      const g = byId.get(id);
      if (!g) continue; // revoked meanwhile: nothing to pass on
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
    if (ids.length < SUSPECTS_PER_ROUND) return { allowed: true, reason: "" };
    after = ids[ids.length - 1]!;
  }
}

/** The GROUP grants a member gains by having their home group at `toPath` instead of `fromPath` (null: a new member). */
export function groupGrantsGained(fromPath: string | null, toPath: string): GainedGrants {
  const before = new Set(chainIds(fromPath ?? ""));
  return { groupIds: toPath.split("/").filter((id) => id && !before.has(id)) };
}
