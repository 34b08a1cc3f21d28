// Rules 7 and 8 in SQL, beside their decisions (resources.ts, `effectiveAccess`): the
// resources a member sees, the members on a resource's ACL who see it (seed 001's
// notifications), and the gained grants a side path must screen. Pure: it builds queries,
// runs none. Not exported from index.ts, so that client code never bundles Prisma.
import { Prisma as P, type Prisma } from "../db/generated/client";
import { CAPABILITIES } from "./capabilities";
import { holds, type Actor } from "./decision";
import { memberInSpanSql, membersInSpanSql } from "./members.sql";
import {
  ALL_TYPES,
  CUSTODIAN_CAPABILITIES,
  normalizeCapabilities,
  RESTORER_CAPABILITIES,
  SCOPED_TYPES,
  resourceCeiling,
  withImplied,
  type MemberAccessFacts,
  type ResourceFacts,
} from "./resources";
import type { TypeGrantFacts } from "./type-grants";
import { keysetOrder, type KeysetRead, type SortKeys } from "../db/keyset";
import { likeContains } from "../db/like";

/** A member as the SQL of resource access needs them: the pure facts, the member as an
 * actor (for "is the owner in their span", custodians of seed 004), the ids of the home
 * group and its ancestors (a GROUP grant on any of them reaches the member), and the
 * organization-wide grants that reach them (few, so read once and written into the SQL). */
export type ResourceSubject = MemberAccessFacts & { asActor: Actor; groupChain: string[]; typeGrants: readonly TypeGrantFacts[] };

/** The scopes of the organization-wide grants that show resources: those naming a capability. */
function typeWideScopes(subject: ResourceSubject): string[] {
  return [...new Set(subject.typeGrants.filter((g) => normalizeCapabilities(g.capabilities).length).map((g) => g.scope))];
}

/**
 * What the organization-wide grants give the member on the resource row `r`, as a text[]
 * expression: nothing on a private resource; else, for its type, the union of the grants
 * covering it ("*" covers all), admin expanded, cut to the role's ceiling, as
 * `effectiveAccess` counts them. Null when no such grant reaches the member.
 */
export function typeWideHeldSql(subject: ResourceSubject): Prisma.Sql | null {
  const scopes = typeWideScopes(subject);
  if (!scopes.length) return null;
  const ceiling = resourceCeiling(subject.role);
  const giving = (scope: string) =>
    withImplied(subject.typeGrants.filter((g) => g.scope === ALL_TYPES || g.scope === scope).flatMap((g) => g.capabilities)).filter((c) => ceiling.includes(c));
  const byType = scopes.filter((s) => s !== ALL_TYPES).map((t) => P.sql`WHEN r.type = ${t} THEN ${giving(t)}::text[]`);
  return P.sql`(CASE WHEN r.private THEN ARRAY[]::text[] ${byType.length ? P.join(byType, " ") : P.empty} ELSE ${giving(ALL_TYPES)}::text[] END)`;
}

/**
 * The organization-wide grants (TypeGrant) that reach a member, the three ways a grant on a
 * resource does (`visibleResourcesSql`'s reach): to them, to a team they are in, to a group
 * on their home group's chain; each with its team's or group's name (for "Explain access"),
 * oldest first.
 */
export function typeGrantsReachingSql(member: { organizationId: string; membershipId: string }, groupChain: string[]): Prisma.Sql {
  return P.sql`
    SELECT tg.id, tg."resourceType", tg.capabilities, tg."mayCreate", tg.kind::text AS kind, t.name AS "teamName", g.name AS "groupName"
      FROM "TypeGrant" tg
      LEFT JOIN "Team" t ON t.id = tg."teamId"
      LEFT JOIN "Group" g ON g.id = tg."groupId"
     WHERE tg."organizationId" = ${member.organizationId}
       AND (tg."membershipId" = ${member.membershipId}
            OR tg."teamId" IN (SELECT tm."teamId" FROM "TeamMember" tm WHERE tm."membershipId" = ${member.membershipId})
            OR tg."groupId" = ANY (${groupChain}::text[]))
     ORDER BY tg."createdAt", tg.id`;
}

/**
 * Rule 7 in SQL: a condition on the resource row `r` that holds for the resources the
 * member sees. Every path is an uncorrelated subquery, so PostgreSQL computes each reach
 * set once (hashed) instead of probing grants row by row (scripts/bench-resources.ts).
 */
export function visibleResourcesSql(subject: ResourceSubject): Prisma.Sql {
  const m = subject.membershipId;
  // One index scan per path (membershipId, teamId, groupId), so the planner estimates the
  // reach set as small and hashes it; an OR across the three would scan every grant.
  const reach = (extra: Prisma.Sql) => P.sql`
    SELECT g."resourceId" FROM "Grant" g WHERE g."membershipId" = ${m} ${extra}
    UNION ALL SELECT g."resourceId" FROM "Grant" g JOIN "TeamMember" tm ON tm."teamId" = g."teamId" WHERE tm."membershipId" = ${m} ${extra}
    UNION ALL SELECT g."resourceId" FROM "Grant" g WHERE g."groupId" = ANY(${subject.groupChain}::text[]) ${extra}`;
  // The broad paths first: PostgreSQL tries an OR's terms in order, so a row they settle
  // (most rows, for those who see everything) costs no other path.
  const paths: Prisma.Sql[] = [];
  if (subject.role.permissions.includes("resources.viewAll")) paths.push(P.sql`NOT r.private`);
  // Organization-wide access (type-grants.ts) shows what is not private, of the types it covers.
  const scopes = typeWideScopes(subject);
  if (scopes.includes(ALL_TYPES)) paths.push(P.sql`NOT r.private`);
  else if (scopes.length) paths.push(P.sql`(NOT r.private AND r.type = ANY(${scopes}::text[]))`);
  paths.push(
    P.sql`r."ownerId" = ${m}`,
    P.sql`(NOT r.private AND r.id IN (${reach(P.empty)}))`,
    // A private resource needs "view" (or "admin", which holds it) from some grant.
    P.sql`(r.private AND r.id IN (${reach(P.sql`AND g.capabilities && ARRAY['view','admin']::text[]`)}))`,
  );
  // Custody: the owner probed by primary key, rather than the whole span hashed first.
  const custody = subject.role.permissions.includes("data.access") ? memberInSpanSql(subject.asActor, P.sql`r."ownerId"`) : null;
  if (custody) paths.push(custody);
  const restores = restorerSql(subject);
  if (restores) paths.push(restores.visible);
  const scope = subject.scope.length
    ? P.sql`AND NOT (r.type = ANY(${[...SCOPED_TYPES]}::text[]) AND NOT (r.id = ANY(${[...subject.scope]}::text[])))`
    : P.empty;
  return P.sql`(r."organizationId" = ${subject.organizationId} AND (${P.join(paths, " OR ")}) ${scope})`;
}

/**
 * The resources the member reaches by their own paths (owning, grants, custody and restores
 * over owners in their span), as a subquery of ids: a superset of what `visibleResourcesSql`
 * shows them, read from the grants and owners first, so that a list costs what the member
 * reaches, not what the organization holds. Null when a broad path (the role's "See all
 * resources", organization-wide grants) shows resources no such path names: the list then
 * walks the organization's resources in order instead.
 */
export function reachedResourcesSql(subject: ResourceSubject): Prisma.Sql | null {
  if (subject.role.permissions.includes("resources.viewAll") || typeWideScopes(subject).length) return null;
  const m = subject.membershipId;
  const o = subject.organizationId;
  const owners: Prisma.Sql[] = [];
  const custody = subject.role.permissions.includes("data.access") ? membersInSpanSql(subject.asActor) : null;
  if (custody) owners.push(custody);
  const restores = restorerSql(subject);
  if (restores) owners.push(restores.span);
  return P.sql`
    SELECT r.id FROM "Resource" r WHERE r."ownerId" = ${m} AND r."organizationId" = ${o}
    UNION SELECT g."resourceId" FROM "Grant" g WHERE g."membershipId" = ${m}
    UNION SELECT g."resourceId" FROM "Grant" g JOIN "TeamMember" tm ON tm."teamId" = g."teamId" WHERE tm."membershipId" = ${m}
    UNION SELECT g."resourceId" FROM "Grant" g WHERE g."groupId" = ANY(${subject.groupChain}::text[])
    ${owners.length ? P.sql`UNION SELECT r.id FROM "Resource" r WHERE r."ownerId" IN (${P.join(owners, " UNION ")})` : P.empty}`;
}

/**
 * Whether rule 7 shows `subject` every resource of its organization that is not private: the
 * role's "See all resources" or organization-wide access over all types, and no resource
 * scope (which hides servers and storages outside it). `visibleResourcesSql` then holds
 * `NOT r.private` as one of its paths, unconditionally.
 */
function seesEveryPublicResource(subject: ResourceSubject): boolean {
  return (subject.role.permissions.includes("resources.viewAll") || typeWideScopes(subject).includes(ALL_TYPES)) && subject.scope.length === 0;
}

/** The orders the resources list offers, each read from one index of Resource (the schema's
 * indexes follow this table): the keys after the organization, the id last to break ties. */
export const RESOURCE_SORT_KEYS = {
  name: [{ column: "name", type: "text" }],
  updatedAt: [{ column: "updatedAt", type: "timestamp(3)" }],
} as const satisfies SortKeys;
export type ResourceSort = keyof typeof RESOURCE_SORT_KEYS;

export type ResourceListFilters = { type?: string; search?: string };

/**
 * The resources list (rule 7): one page of what `subject` sees, in an order, read as `read`
 * says (keyset paging, server/db/keyset.ts), with its total. `alsoSeenBy`: a "view as"
 * preview lists only what the previewing admin sees too. Each row: the resource, its owner's
 * name (the membership's copy: no join to User), its keys k0 and id, and `n`, the total, when
 * `total` is null.
 *
 * A subject who reaches few resources by their own paths (`reachedResourcesSql`) has those ids
 * gathered first, as an array computed once, and their rows read by primary key, counted,
 * sorted and paged in one statement (as a join or an IN, the planner scans every resource and
 * tests each against the reach). One who sees broadly walks the order's index through
 * `visibleResourcesSql` from the boundary on, and `total` counts up to `cap` (a count past it
 * says "more than"). When the subject sees every resource that is not private, the total first
 * counts those alone (no reach to test row by row, no custody probe per private resource):
 * past `cap`, that already says "more than", and the full count is never run.
 */
export function resourceListSql(
  subject: ResourceSubject,
  alsoSeenBy: ResourceSubject | null,
  filters: ResourceListFilters,
  order: { sort: ResourceSort; direction: "asc" | "desc" },
  cap: number,
): { page: (read: KeysetRead) => Prisma.Sql; total: Prisma.Sql | null } {
  const filtered: Prisma.Sql[] = [];
  if (filters.type) filtered.push(P.sql`r.type = ${filters.type}`);
  if (filters.search) filtered.push(P.sql`(r.name ILIKE ${likeContains(filters.search)} OR r.description ILIKE ${likeContains(filters.search)})`);
  const conditions = [visibleResourcesSql(subject), ...(alsoSeenBy ? [visibleResourcesSql(alsoSeenBy)] : []), ...filtered];
  const where = P.join(conditions, " AND ");
  const keyset = (read: KeysetRead) => keysetOrder("r", RESOURCE_SORT_KEYS[order.sort], order.direction, read);
  const page = (read: KeysetRead, from: Prisma.Sql, ...conditions: Prisma.Sql[]) => {
    const { select, orderBy, orderOf, boundary } = keyset(read);
    const all = boundary ? [...conditions, boundary] : conditions;
    // The owner's name is read for the page's rows alone, once they are chosen (no order sorts by it).
    return P.sql`
      SELECT p.*, o."userName" AS "ownerName" FROM (
        SELECT r.type, r.name, r.description, r.private, r."ownerId", r."updatedAt", ${select}
        FROM ${from} ${all.length ? P.sql`WHERE ${P.join(all, " AND ")}` : P.empty}
        ORDER BY ${orderBy} LIMIT ${read.limit} OFFSET ${read.offset ?? 0}
      ) p JOIN "Membership" o ON o.id = p."ownerId"
      ORDER BY ${orderOf("p")}`;
  };
  const reached = reachedResourcesSql(subject);
  if (reached) {
    return {
      page: (read) => P.sql`WITH matched AS MATERIALIZED (SELECT r.* FROM "Resource" r WHERE r.id = ANY (ARRAY (${reached})) AND ${where})
        SELECT t.n, p.* FROM (SELECT count(*)::int AS n FROM matched) t LEFT JOIN (${page(read, P.sql`matched r`)}) p ON TRUE
        ORDER BY ${keyset(read).orderOf("p")}`,
      total: null,
    };
  }
  const counted = (condition: Prisma.Sql) => P.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Resource" r WHERE ${condition} LIMIT ${cap + 1}) c)`;
  const full = counted(where);
  const broad = seesEveryPublicResource(subject) && (!alsoSeenBy || seesEveryPublicResource(alsoSeenBy));
  const publicOnes = P.join([P.sql`r."organizationId" = ${subject.organizationId} AND NOT r.private`, ...filtered], " AND ");
  return {
    page: (read) => page(read, P.sql`"Resource" r`, where),
    total: broad ? P.sql`SELECT CASE WHEN ${counted(publicOnes)} > ${cap} THEN ${cap + 1} ELSE ${full} END AS n` : P.sql`SELECT ${full} AS n`,
  };
}

/**
 * Rule 7 from the resource's side, for seed 001's notifications ("sent to all users within
 * the ACL list"): a subquery of the ids of the members on the resource's ACL whom rule 7
 * still shows it to. On the ACL: its owner, and whoever a grant on it reaches (directly,
 * through a team, or through a group whose subtree holds their home group) or, when it is not
 * private, an organization-wide grant over its type that names a capability (type-grants.ts).
 * Rule 7 then: on a private resource a grant counts only when it gives "view" ("admin" holds
 * it, and a role's ceiling always keeps View), and a resource scope that leaves the resource
 * out removes the member, owner included. So a member is listed exactly when they are on the
 * ACL and `effectiveAccess(...).visible`, where a private resource's grant must itself give
 * View (tests/integration/consistency.test.ts holds the two together). Members who see the
 * resource only through their role ("See all resources"), custody or restores are not on
 * its ACL. Status, preferences and the actor are the notification service's business.
 */
export function membersOnAclSql(resource: Pick<ResourceFacts, "id" | "organizationId" | "type" | "private">): Prisma.Sql {
  const o = resource.organizationId;
  const seeing = resource.private ? P.sql`AND g.capabilities && ARRAY['view','admin']::text[]` : P.empty;
  const covers = P.sql`tg."organizationId" = ${o} AND tg."resourceType" IN (${resource.type}, ${ALL_TYPES}) AND tg.capabilities && ${[...CAPABILITIES]}::text[]`;
  // Each principal kind, for grants on the resource (g) or organization-wide ones (tg).
  const reached = (table: Prisma.Sql, alias: Prisma.Sql, where: Prisma.Sql) => P.sql`
    SELECT ${alias}."membershipId" FROM ${table} ${alias} WHERE ${where} AND ${alias}.kind = 'MEMBER'
    UNION SELECT tm."membershipId" FROM ${table} ${alias} JOIN "TeamMember" tm ON tm."teamId" = ${alias}."teamId" WHERE ${where}
    UNION SELECT hm.id FROM ${table} ${alias}
      JOIN "Group" granted ON granted.id = ${alias}."groupId"
      JOIN "Group" home ON home."organizationId" = granted."organizationId" AND home.path LIKE granted.path || '%'
      JOIN "Membership" hm ON hm."groupId" = home.id
     WHERE ${where}`;
  const grants = reached(P.sql`"Grant"`, P.sql`g`, P.sql`g."resourceId" = ${resource.id} AND g."organizationId" = ${o} ${seeing}`);
  const typeWide = resource.private ? P.empty : P.sql`UNION ${reached(P.sql`"TypeGrant"`, P.sql`tg`, covers)}`;
  const scoped = (SCOPED_TYPES as readonly string[]).includes(resource.type);
  return P.sql`SELECT acl.id FROM "Membership" acl
    WHERE acl."organizationId" = ${o} AND acl.id IN (
      SELECT r."ownerId" FROM "Resource" r WHERE r.id = ${resource.id} AND r."organizationId" = ${o}
      UNION ${grants}
      ${typeWide})
    ${scoped ? P.sql`AND (cardinality(acl."resourceScope") = 0 OR ${resource.id} = ANY(acl."resourceScope"))` : P.empty}`;
}

/**
 * The restorer path of `effectiveAccess` (seed 004: "manage restores for lower-ranked
 * members"): "Manage restores" without "Access members' data" (a custodian holds it all
 * already), over owners in the same span as the custodian's, giving View and Data cut to
 * the role's ceiling. `visible` holds where the path shows the resource: something left by
 * the ceiling, and View when the resource is private; `capabilities` is what it gives.
 */
export function restorerSql(subject: ResourceSubject): { visible: Prisma.Sql; span: Prisma.Sql; capabilities: string[] } | null {
  if (!holds(subject.role, "restores.manage") || holds(subject.role, "data.access")) return null;
  const ceiling = resourceCeiling(subject.role);
  const capabilities = RESTORER_CAPABILITIES.filter((c) => ceiling.includes(c));
  const span = membersInSpanSql(subject.asActor);
  const ownerInSpan = memberInSpanSql(subject.asActor, P.sql`r."ownerId"`);
  if (!span || !ownerInSpan || !capabilities.length) return null;
  const visible = capabilities.includes("view") ? ownerInSpan : P.sql`(NOT r.private AND ${ownerInSpan})`;
  return { visible, span, capabilities };
}

/**
 * The gained grants (after `after`, in id order) that the actor is NOT provably allowed to
 * pass on, at most `limit` of them (rule 4 for side paths; the exact check decides each).
 *
 * Why this is sound: a grant g is left out only when `decideGrantChange(accessOf(...), ...,
 * { after: g.capabilities })` must allow it, that is when all of these hold:
 * - g names at least one capability of the catalog (else "Choose at least one capability");
 * - `visibleResourcesSql` holds and the actor owns the resource or a reaching grant holds
 *   admin or share, so the union is not empty and `effectiveAccess` finds it visible too:
 *   the scope test is the same, and a private resource passes the SQL only through a path
 *   that gives view (ownership, custody, a grant with view or admin);
 * - the actor owns it (everything), or a grant reaching them (on the resource, or
 *   organization-wide over its type when it is not private: `typeWideHeldSql`) holds admin (`withImplied`:
 *   everything) and the role's ceiling keeps it (a ceiling with admin is everything), or
 *   such grants hold share and g's capabilities all lie in their union plus what the role
 *   ("See all resources": view on what is not private), custody (view and data over an
 *   owner in span) and restores (view and data over an owner in span, cut to the ceiling,
 *   `restorerSql`) add, under exactly `effectiveAccess`'s conditions. "What such grants
 *   hold" is each grant's capabilities, admin expanded, cut to the role's ceiling, as
 *   `effectiveAccess` caps them: a Viewer's reaching Share gives them nothing to pass on.
 * "Reaching" is `grantsReaching`'s three paths in the actor's organization (a grant's
 * organization is always its resource's). Anything uncertain, a NULL or a capability name
 * outside the catalog, leaves g a suspect, and the exact check decides.
 */
export function suspectsSql(subject: ResourceSubject, teamIds: string[], groupIds: string[], after: string | null, limit: number): Prisma.Sql {
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
  const restores = restorerSql(subject);
  if (restores) extra.push(P.sql`CASE WHEN r."ownerId" IN (${restores.span}) THEN ${restores.capabilities}::text[] ELSE ARRAY[]::text[] END`);
  // Organization-wide grants reaching the actor count like grants on the resource.
  const typeWide = typeWideHeldSql(subject);
  if (typeWide) extra.push(typeWide);
  const granted = typeWide ? P.sql`(h.caps || ${typeWide})` : P.sql`h.caps`;
  const held = P.join([P.sql`h.caps`, ...extra], " || ");
  const ceiling = [...resourceCeiling(subject.role)];
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
      AND (r."ownerId" = ${m} OR ${granted} && ARRAY['admin']::text[] OR (${granted} && ARRAY['share']::text[] AND gg.capabilities <@ (${held}))),
      false)
    ORDER BY gg.id
    LIMIT ${limit}`;
}
