// Rule 4's side paths: membership is a grant. Putting a member into a team or a group (by
// adding, moving, creating or inviting them, oneself included) gives them what is granted
// there, so the actor must be able to grant each of those directly.
import { CAPABILITIES, CUSTODIAN_CAPABILITIES, decideGrantChange, describeCapabilities, holds, withImplied, type Decision } from "../authz";
import type { Prisma, Tx } from "../db";
import { Prisma as P } from "../db/generated/client";
import { accessOf, actorSubject, membersInSpanSql, resourceInclude, toResourceFacts, visibleResourcesSql, type AccessSubject } from "./access";
import type { ActorContext } from "./actor";

/** The grants a member gains: those held by these teams, and the GROUP grants of these groups. */
export type GainedGrants = { teamIds?: readonly string[]; groupIds?: readonly string[] };

/** Suspects checked exactly per round; the first is nearly always truly refused. */
const SUSPECTS_PER_ROUND = 20;

/**
 * Side paths (rule 4): the grants a member would gain must each be grantable by the actor
 * directly (share on the resource, and every capability). Refuses with the first that is not.
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
  // Several suspects often sit on one resource (a group and a team, say): one access check each.
  const accessByResource = new Map<string, Awaited<ReturnType<typeof accessOf>>>();
  let after: string | null = null;
  for (;;) {
    const ids: string[] = (await tx.$queryRaw<Array<{ id: string }>>(suspectsSql(subject, teamIds, groupIds, after))).map((row) => row.id);
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

/**
 * The gained grants (after `after`, in id order) that the actor is NOT provably allowed to
 * pass on, at most SUSPECTS_PER_ROUND of them.
 *
 * Why this is sound: a grant g is left out only when `decideGrantChange(accessOf(...), ...,
 * { after: g.capabilities })` must allow it, that is when all of these hold:
 * - g names at least one capability of the catalog (else "Choose at least one capability");
 * - `visibleResourcesSql` holds and the actor owns the resource or a reaching grant holds
 *   admin or share, so the union is not empty and `effectiveAccess` finds it visible too:
 *   the scope test is the same, and a private resource passes the SQL only through a path
 *   that gives view (ownership, custody, a grant with view or admin);
 * - the actor owns it (everything), or a grant reaching them holds admin (`withImplied`:
 *   everything) and the role's ceiling keeps it (a ceiling with admin is everything), or
 *   such grants hold share and g's capabilities all lie in their union plus what the role
 *   ("See all resources": view on what is not private) and custody (view and data over an
 *   owner in span) add, under exactly `effectiveAccess`'s conditions. "What such grants
 *   hold" is each grant's capabilities, admin expanded, cut to the role's ceiling, as
 *   `effectiveAccess` caps them: a Viewer's reaching Share gives them nothing to pass on.
 * "Reaching" is `grantsReaching`'s three paths in the actor's organization (a grant's
 * organization is always its resource's). Anything uncertain, a NULL or a capability name
 * outside the catalog, leaves g a suspect, and the exact check decides.
 */
function suspectsSql(subject: AccessSubject, teamIds: string[], groupIds: string[], after: string | null): Prisma.Sql {
  const m = subject.membershipId;
  const o = subject.organizationId;
  // The grants reaching the actor, by the three index scans of `visibleResourcesSql`.
  const reaching = P.sql`
    SELECT g."resourceId", g.capabilities FROM "Grant" g WHERE g."membershipId" = ${m} AND g."organizationId" = ${o}
    UNION ALL SELECT g."resourceId", g.capabilities FROM "Grant" g JOIN "TeamMember" tm ON tm."teamId" = g."teamId"
      WHERE tm."membershipId" = ${m} AND g."organizationId" = ${o}
    UNION ALL SELECT g."resourceId", g.capabilities FROM "Grant" g WHERE g."groupId" = ANY(${subject.groupChain}::text[]) AND g."organizationId" = ${o}`;
  const extra: Prisma.Sql[] = [];
  if (holds(subject.role, "resources.viewAll")) extra.push(P.sql`CASE WHEN NOT r.private THEN ARRAY['view']::text[] ELSE ARRAY[]::text[] END`);
  const span = holds(subject.role, "data.access") ? membersInSpanSql(subject.asActor) : null;
  if (span) extra.push(P.sql`CASE WHEN r."ownerId" IN (${span}) THEN ${[...CUSTODIAN_CAPABILITIES]}::text[] ELSE ARRAY[]::text[] END`);
  const held = P.join([P.sql`h.caps`, ...extra], " || ");
  const ceiling = withImplied(subject.role.ceiling ?? CAPABILITIES);
  // MATERIALIZED: the gained set comes from the teamId/groupId indexes first; otherwise the
  // planner may walk the primary key in id order through every grant looking for a few rows.
  return P.sql`
    WITH gained AS MATERIALIZED (
      SELECT gg.id, gg."resourceId", gg.capabilities FROM "Grant" gg
      WHERE gg."organizationId" = ${o} AND (gg."teamId" = ANY(${teamIds}::text[]) OR gg."groupId" = ANY(${groupIds}::text[]))
      ${after === null ? P.empty : P.sql`AND gg.id > ${after}`}
    ), held AS (
      SELECT x."resourceId", array_agg(c) AS caps FROM (${reaching}) x
      CROSS JOIN LATERAL unnest(CASE WHEN x.capabilities && ARRAY['admin']::text[] THEN ${[...CAPABILITIES]}::text[] ELSE x.capabilities END) c
      WHERE x."resourceId" IN (SELECT "resourceId" FROM gained) AND c = ANY(${ceiling}::text[])
      GROUP BY x."resourceId"
    )
    SELECT gg.id FROM gained gg JOIN "Resource" r ON r.id = gg."resourceId" LEFT JOIN held h ON h."resourceId" = gg."resourceId"
    WHERE NOT COALESCE(
      gg.capabilities && ${[...CAPABILITIES]}::text[]
      AND ${visibleResourcesSql(subject)}
      AND (r."ownerId" = ${m} OR h.caps && ARRAY['admin']::text[] OR (h.caps && ARRAY['share']::text[] AND gg.capabilities <@ (${held}))),
      false)
    ORDER BY gg.id
    LIMIT ${SUSPECTS_PER_ROUND}`;
}

/** The GROUP grants a member gains by having their home group at `toPath` instead of `fromPath` (null: a new member). */
export function groupGrantsGained(fromPath: string | null, toPath: string): GainedGrants {
  const before = new Set((fromPath ?? "").split("/").filter(Boolean));
  return { groupIds: toPath.split("/").filter((id) => id && !before.has(id)) };
}
