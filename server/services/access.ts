// Who reaches what: the SQL side of rules 7 and 8. `visibleResourcesSql` is the SQL
// condition of "resources this member sees", the mirror of server/authz `effectiveAccess`
// (the consistency tests hold the two together); `accessOf` computes one member's
// effective access to one resource, with every path, in two queries.
import { ALL_PERMISSIONS, effectiveAccess, SCOPED_TYPES, type EffectiveAccess, type MemberAccessFacts, type ReachingGrant, type ResourceFacts } from "../authz";
import type { Db, Prisma, Tx } from "../db";
import { Prisma as P } from "../db/generated/client";
import { memberFactsInclude, toMemberFacts, type ActorContext } from "./actor";

/** A member as far as resource access goes: facts for the pure rules, and what the SQL needs. */
export type AccessSubject = MemberAccessFacts & {
  name: string;
  /** The member as an actor, for "is the owner in their span" (custodians, seed 004). */
  asActor: ActorContext;
  /** Ids of the home group and its ancestors: a GROUP grant on any of them reaches the member. */
  groupChain: string[];
};

export async function accessSubject(
  db: Db | Tx,
  organization: Pick<ActorContext, "organizationId" | "organizationSlug" | "organizationName" | "twoFactorPolicy">,
  membershipId: string,
): Promise<AccessSubject | null> {
  const m = await db.membership.findFirst({ where: { id: membershipId, organizationId: organization.organizationId }, include: memberFactsInclude });
  if (!m) return null;
  const facts = toMemberFacts(m);
  return {
    ...facts,
    scope: m.resourceScope,
    // Only the organization's fields: spreading a whole ActorContext here would make the
    // subject act as the caller (explainAccess passes the acting member).
    asActor: {
      ...facts,
      organizationSlug: organization.organizationSlug,
      organizationName: organization.organizationName,
      twoFactorPolicy: organization.twoFactorPolicy,
      userId: m.userId,
      sessionsValidFrom: m.sessionsValidFrom,
    },
    groupChain: m.group.path.split("/").filter(Boolean),
  };
}

/** The acting member as an access subject (their scope is read from the database). */
export async function actorSubject(db: Db | Tx, actor: ActorContext): Promise<AccessSubject> {
  const subject = await accessSubject(db, actor, actor.membershipId);
  if (!subject) throw new Error("The acting membership vanished");
  return { ...subject, asActor: actor };
}

/** Grants that reach the member: directly, through a team, or through a group whose subtree holds their home group. */
export function grantsReaching(subject: AccessSubject): Prisma.GrantWhereInput {
  return {
    organizationId: subject.organizationId,
    OR: [
      { membershipId: subject.membershipId },
      { team: { members: { some: { membershipId: subject.membershipId } } } },
      { groupId: { in: subject.groupChain } },
    ],
  };
}

/** LIKE pattern of "starts with", with LIKE's wildcards escaped. */
const startsWith = (prefix: string) => `${prefix.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * The members in an actor's span, as a SQL subquery: the mirror of `membersVisibleTo`
 * (services/members.ts) for custodians (seed 004); the consistency tests compare the two.
 */
export function membersInSpanSql(a: ActorContext): Prisma.Sql | null {
  if (!a.role.permissions.includes("members.view") || a.role.reach === "SELF") return null;
  const lacking = ALL_PERMISSIONS.filter((p) => !a.role.permissions.includes(p));
  return P.sql`SELECT m.id FROM "Membership" m JOIN "Role" ro ON ro.id = m."roleId" JOIN "Group" g ON g.id = m."groupId"
    WHERE m."organizationId" = ${a.organizationId} AND m.id <> ${a.membershipId}
    ${a.role.reach === "SUBTREE" ? P.sql`AND g.path LIKE ${startsWith(a.group.path)}` : P.empty}
    AND ${a.isOwner ? P.sql`ro.rank <= ${a.role.rank}` : P.sql`ro.rank < ${a.role.rank}`}
    ${lacking.length ? P.sql`AND NOT (ro.permissions && ${lacking}::text[])` : P.empty}`;
}

/**
 * Rule 7 in SQL: a condition on the resource row `r` that holds for the resources the
 * member sees. Every path is an uncorrelated subquery, so PostgreSQL computes each reach
 * set once (hashed) instead of probing grants row by row (scripts/bench-resources.ts).
 */
export function visibleResourcesSql(subject: AccessSubject): Prisma.Sql {
  const m = subject.membershipId;
  // One index scan per path (membershipId, teamId, groupId), so the planner estimates the
  // reach set as small and hashes it; an OR across the three would scan every grant.
  const reach = (extra: Prisma.Sql) => P.sql`
    SELECT g."resourceId" FROM "Grant" g WHERE g."membershipId" = ${m} ${extra}
    UNION ALL SELECT g."resourceId" FROM "Grant" g JOIN "TeamMember" tm ON tm."teamId" = g."teamId" WHERE tm."membershipId" = ${m} ${extra}
    UNION ALL SELECT g."resourceId" FROM "Grant" g WHERE g."groupId" = ANY(${subject.groupChain}::text[]) ${extra}`;
  const paths: Prisma.Sql[] = [
    P.sql`r."ownerId" = ${m}`,
    P.sql`(NOT r.private AND r.id IN (${reach(P.empty)}))`,
    // A private resource needs "view" (or "admin", which holds it) from some grant.
    P.sql`(r.private AND r.id IN (${reach(P.sql`AND g.capabilities && ARRAY['view','admin']::text[]`)}))`,
  ];
  if (subject.role.permissions.includes("resources.viewAll")) paths.push(P.sql`NOT r.private`);
  const span = subject.role.permissions.includes("data.access") ? membersInSpanSql(subject.asActor) : null;
  if (span) paths.push(P.sql`r."ownerId" IN (${span})`);
  const scope = subject.scope.length
    ? P.sql`AND NOT (r.type = ANY(${[...SCOPED_TYPES]}::text[]) AND NOT (r.id = ANY(${[...subject.scope]}::text[])))`
    : P.empty;
  return P.sql`(r."organizationId" = ${subject.organizationId} AND (${P.join(paths, " OR ")}) ${scope})`;
}

export const resourceInclude = { owner: { include: { user: { select: { name: true, email: true } } } } } as const;
type ResourceRow = Prisma.ResourceGetPayload<{ include: typeof resourceInclude }>;

export const toResourceFacts = (r: Pick<ResourceRow, "id" | "organizationId" | "type" | "name" | "private" | "ownerId">): ResourceFacts => ({
  id: r.id,
  organizationId: r.organizationId,
  type: r.type,
  name: r.name,
  private: r.private,
  ownerMembershipId: r.ownerId,
});

/** Whether a custodian (data.access) holds this owner in their span: the list's own subquery. */
async function ownerInSpan(db: Db | Tx, subject: AccessSubject, ownerId: string): Promise<boolean> {
  if (!subject.role.permissions.includes("data.access") || ownerId === subject.membershipId) return false;
  const span = membersInSpanSql(subject.asActor);
  if (!span) return false;
  const rows = await db.$queryRaw<Array<{ found: boolean }>>`SELECT ${ownerId} IN (${span}) AS found`;
  return rows[0]?.found === true;
}

/** One member's effective access to one resource, with every path that produces it. */
export async function accessOf(db: Db | Tx, subject: AccessSubject, resource: ResourceRow): Promise<EffectiveAccess> {
  const [grants, custodian] = await Promise.all([
    db.grant.findMany({
      where: { AND: [grantsReaching(subject), { resourceId: resource.id }] },
      include: { team: { select: { name: true } }, group: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    ownerInSpan(db, subject, resource.ownerId),
  ]);
  const reaching: ReachingGrant[] = grants.map((g) => ({
    grantId: g.id,
    capabilities: g.capabilities,
    via:
      g.kind === "TEAM"
        ? { kind: "team", teamName: g.team?.name ?? "a team" }
        : g.kind === "GROUP"
          ? { kind: "group", groupName: g.group?.name ?? "a group", memberGroupName: subject.asActor.group.name }
          : { kind: "member" },
  }));
  return effectiveAccess(subject, toResourceFacts(resource), reaching, { name: resource.owner.user.name, inMemberSpan: custodian });
}
