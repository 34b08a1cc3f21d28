// Who reaches what: the SQL side of rules 7 and 8. `visibleResources` is the Prisma
// `where` of "resources this member sees", the mirror of server/authz `effectiveAccess`
// (the consistency tests hold the two together); `accessOf` computes one member's
// effective access to one resource, with every path, in two queries.
import { effectiveAccess, SCOPED_TYPES, type EffectiveAccess, type MemberAccessFacts, type ReachingGrant, type ResourceFacts } from "../authz";
import type { Db, Prisma, Tx } from "../db";
import { memberFactsInclude, toMemberFacts, type ActorContext } from "./actor";
import { membersVisibleTo } from "./members";

/** A member as far as resource access goes: facts for the pure rules, and what the SQL needs. */
export type AccessSubject = MemberAccessFacts & {
  name: string;
  /** The member as an actor, for "is the owner in their span" (custodians, seed 004). */
  asActor: ActorContext;
  /** Ids of the home group and its ancestors: a GROUP grant on any of them reaches the member. */
  groupChain: string[];
};

export async function accessSubject(db: Db | Tx, organization: Pick<ActorContext, "organizationId" | "organizationSlug" | "organizationName" | "twoFactorPolicy">, membershipId: string): Promise<AccessSubject | null> {
  const m = await db.membership.findFirst({ where: { id: membershipId, organizationId: organization.organizationId }, include: memberFactsInclude });
  if (!m) return null;
  const facts = toMemberFacts(m);
  return {
    ...facts,
    scope: m.resourceScope,
    // Only the organization's fields: spreading a whole ActorContext here would make the
    // subject act as the caller (explainAccess passes the acting member).
    asActor: { ...facts, organizationSlug: organization.organizationSlug, organizationName: organization.organizationName, twoFactorPolicy: organization.twoFactorPolicy, userId: m.userId },
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
    OR: [{ membershipId: subject.membershipId }, { team: { members: { some: { membershipId: subject.membershipId } } } }, { groupId: { in: subject.groupChain } }],
  };
}

/** Rule 7 in SQL: the resources the member sees. */
export function visibleResources(subject: AccessSubject): Prisma.ResourceWhereInput {
  const reach = grantsReaching(subject);
  const paths: Prisma.ResourceWhereInput[] = [
    { ownerId: subject.membershipId },
    { private: false, grants: { some: reach } },
    // A private resource needs "view" (or "admin", which holds it) from some grant.
    { private: true, grants: { some: { AND: [reach, { capabilities: { hasSome: ["view", "admin"] } }] } } },
  ];
  if (subject.role.permissions.includes("resources.viewAll")) paths.push({ private: false });
  if (subject.role.permissions.includes("data.access")) paths.push({ owner: membersVisibleTo(subject.asActor) });
  return {
    organizationId: subject.organizationId,
    OR: paths,
    ...(subject.scope.length ? { NOT: { type: { in: SCOPED_TYPES }, id: { notIn: [...subject.scope] } } } : {}),
  };
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

/** One member's effective access to one resource, with every path that produces it. */
export async function accessOf(db: Db | Tx, subject: AccessSubject, resource: ResourceRow): Promise<EffectiveAccess> {
  const [grants, ownerInSpan] = await Promise.all([
    db.grant.findMany({
      where: { AND: [grantsReaching(subject), { resourceId: resource.id }] },
      include: { team: { select: { name: true } }, group: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    subject.role.permissions.includes("data.access") && resource.ownerId !== subject.membershipId
      ? db.membership.count({ where: { AND: [membersVisibleTo(subject.asActor), { id: resource.ownerId }] } }).then((n) => n > 0)
      : Promise.resolve(false),
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
  return effectiveAccess(subject, toResourceFacts(resource), reaching, { name: resource.owner.user.name, inMemberSpan: ownerInSpan });
}
