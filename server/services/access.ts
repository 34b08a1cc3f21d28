// Who reaches what, from the database: the access subject of a member (the facts of
// server/authz and what its SQL twin, server/authz/resources.sql.ts, needs), and `accessOf`,
// one member's effective access to one resource with every path, in two queries (the
// organization-wide grants that reach the member come with the subject).
import { effectiveAccess, type EffectiveAccess, type MemberFacts, type ReachingGrant, type ResourceFacts, chainIds } from "../authz";
import type { Db, Prisma, Tx } from "../db";
import { memberFactsInclude, toMemberFacts, type ActorContext } from "./actor";
import { membersInSpanSql } from "../authz/members.sql";
import { typeGrantsReachingSql, type ResourceSubject } from "../authz/resources.sql";

/** A member as far as resource access goes: facts for the pure rules, and what the SQL needs. */
export type AccessSubject = ResourceSubject & {
  name: string;
  /** The member as an actor, with what audits need too. */
  asActor: ActorContext;
};

export async function accessSubject(
  db: Db | Tx,
  organization: Pick<ActorContext, "organizationId" | "organizationSlug" | "organizationName">,
  membershipId: string,
): Promise<AccessSubject | null> {
  const m = await db.membership.findFirst({ where: { id: membershipId, organizationId: organization.organizationId }, include: memberFactsInclude });
  return m && subjectOfMember(db, organization, m);
}

/** The access subject of a membership already loaded (with `memberFactsInclude`): only the
 * organization-wide grants that reach it are read, in one statement. */
export async function subjectOfMember(
  db: Db | Tx,
  organization: Pick<ActorContext, "organizationId" | "organizationSlug" | "organizationName">,
  m: Parameters<typeof toMemberFacts>[0] & { userId: string; resourceScope: string[]; sessionsValidFrom: Date | null },
): Promise<AccessSubject> {
  const facts = toMemberFacts(m);
  return subjectOf(db, facts, m.resourceScope, {
    ...facts,
    organizationSlug: organization.organizationSlug,
    organizationName: organization.organizationName,
    userId: m.userId,
    sessionsValidFrom: m.sessionsValidFrom,
  });
}

/**
 * `asActor` carries only the organization's fields of the caller: spreading a whole
 * ActorContext into another member's subject would make the subject act as the caller
 * (explainAccess passes the acting member).
 */
async function subjectOf(db: Db | Tx, facts: MemberFacts, scope: string[], asActor: ActorContext): Promise<AccessSubject> {
  const groupChain = chainIds(facts.group.path);
  const typeGrants = await db.$queryRaw<
    Array<{ id: string; resourceType: string; capabilities: string[]; mayCreate: boolean; kind: string; teamName: string | null; groupName: string | null }>
  >(typeGrantsReachingSql(facts, groupChain));
  return {
    ...facts,
    scope,
    asActor,
    groupChain,
    typeGrants: typeGrants.map((g) => ({
      grantId: g.id,
      scope: g.resourceType,
      capabilities: g.capabilities,
      mayCreate: g.mayCreate,
      via: viaOf(
        { kind: g.kind, team: g.teamName === null ? null : { name: g.teamName }, group: g.groupName === null ? null : { name: g.groupName } },
        facts.group.name,
      ),
    })),
  };
}

/** The three ways a grant reaches a member: to them, to a team they are in, to a group on their home group's chain. */
function reachingMember(membershipId: string, groupChain: string[]) {
  return [{ membershipId }, { team: { members: { some: { membershipId } } } }, { groupId: { in: groupChain } }];
}

/** How a grant (on a resource or organization-wide) reaches the member, for "Explain access". */
function viaOf(g: { kind: string; team: { name: string } | null; group: { name: string } | null }, memberGroupName: string): ReachingGrant["via"] {
  if (g.kind === "TEAM") return { kind: "team", teamName: g.team?.name ?? "a team" };
  if (g.kind === "GROUP") return { kind: "group", groupName: g.group?.name ?? "a group", memberGroupName };
  return { kind: "member" };
}

/** The acting member as an access subject (their scope is read from the database). */
export async function actorSubject(db: Db | Tx, actor: ActorContext): Promise<AccessSubject> {
  // The request's gate loaded the actor with their scope: only their organization-wide
  // grants are left to read. Actors made elsewhere (the import worker) are read again.
  if (actor.resourceScope) return subjectOf(db, actor, actor.resourceScope, actor);
  const subject = await accessSubject(db, actor, actor.membershipId);
  if (!subject) throw new Error("The acting membership vanished");
  return { ...subject, asActor: actor };
}

/** Grants that reach the member: directly, through a team, or through a group whose subtree holds their home group. */
export function grantsReaching(subject: AccessSubject): Prisma.GrantWhereInput {
  return { organizationId: subject.organizationId, OR: reachingMember(subject.membershipId, subject.groupChain) };
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

/** Whether a custodian (data.access) or a restorer (restores.manage) holds this owner in
 * their span: the list's own subquery. */
async function ownerInSpan(db: Db | Tx, subject: AccessSubject, ownerId: string): Promise<boolean> {
  const holdsOwners = subject.role.permissions.includes("data.access") || subject.role.permissions.includes("restores.manage");
  if (!holdsOwners || ownerId === subject.membershipId) return false;
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
  const reaching: ReachingGrant[] = [
    ...grants.map((g) => ({ grantId: g.id, capabilities: g.capabilities, via: viaOf(g, subject.asActor.group.name) })),
    // Organization-wide grants: `effectiveAccess` keeps those covering this resource.
    ...subject.typeGrants.map((g) => ({ grantId: g.grantId, capabilities: g.capabilities, via: g.via, typeWide: g.scope })),
  ];
  return effectiveAccess(subject, toResourceFacts(resource), reaching, { name: resource.owner.user.name, inMemberSpan: custodian });
}
