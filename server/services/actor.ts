// Turns database rows into the plain facts server/authz decides on, and loads the acting
// member of a request.
import { decideOrganizationOpen, type Actor, type GroupFacts, type MemberFacts, type RoleFacts } from "../authz";
import type { Db, Tx } from "../db";
import { Prisma } from "../db/generated/client";
import { notFound, StewardError } from "./errors";

type RoleRow = { id: string; name: string; rank: number; reach: RoleFacts["reach"]; permissions: string[]; ceiling: string[]; builtInKey: string | null };
type GroupRow = { id: string; organizationId: string; name: string; path: string; parentId: string | null };
type MembershipRow = {
  id: string;
  organizationId: string;
  isOwner: boolean;
  user: { name: string };
  role: RoleRow;
  group: GroupRow;
};

export const memberFactsInclude = { user: { select: { name: true } }, role: true, group: true } as const;

export const toRoleFacts = (r: RoleRow): RoleFacts => ({
  id: r.id,
  name: r.name,
  rank: r.rank,
  reach: r.reach,
  permissions: r.permissions,
  ceiling: r.ceiling,
  builtInKey: r.builtInKey,
});
/** A role row of alias `ro` as `RoleFacts` in JSON, for statements that read roles beside
 * other things (json_build_object; the enum comes as its name). */
export const roleFactsJsonSql = (ro: string) =>
  Prisma.raw(`json_build_object('id', ${ro}.id, 'name', ${ro}.name, 'rank', ${ro}.rank, 'reach', ${ro}.reach,
    'permissions', ${ro}.permissions, 'ceiling', ${ro}.ceiling, 'builtInKey', ${ro}."builtInKey")`);

export const toGroupFacts = (g: GroupRow): GroupFacts => ({ id: g.id, organizationId: g.organizationId, name: g.name, path: g.path, parentId: g.parentId });

export function toMemberFacts(m: MembershipRow): MemberFacts {
  return {
    membershipId: m.id,
    organizationId: m.organizationId,
    name: m.user.name,
    role: toRoleFacts(m.role),
    group: toGroupFacts(m.group),
    isOwner: m.isOwner,
  };
}

/** The acting member, plus who and where they are for the audit log. */
export type ActorContext = Actor & {
  userId: string;
  organizationSlug: string;
  organizationName: string;
  /** Sessions begun before this moment are refused here (rule 9; set on disabling). */
  sessionsValidFrom: Date | null;
  ip?: string | null;
  /** Set when the request came with an API token rather than a session: audits name it. */
  tokenId?: string;
  /** The member's resource scope (seed 002), when the loader read it with the rest: resource
   * decisions then need not read the membership again. */
  resourceScope?: string[];
};

/** The viewer's active membership in the organization with this slug, or NOT_FOUND. */
export async function loadActor(db: Db | Tx, userId: string, organizationSlug: string): Promise<ActorContext> {
  const membership = await db.membership.findFirst({
    where: { userId, status: "ACTIVE", organization: { slug: organizationSlug, deletedAt: null } },
    include: {
      ...memberFactsInclude,
      organization: { select: { slug: true, name: true, suspendedAt: true, suspendedReason: true, deletedAt: true } },
    },
  });
  if (!membership) throw new StewardError("NOT_FOUND", "Organization not found.");
  const open = decideOrganizationOpen(membership.organization);
  if (!open.allowed) throw new StewardError(open.code, open.reason);
  return {
    ...toMemberFacts(membership),
    userId,
    organizationSlug: membership.organization.slug,
    organizationName: membership.organization.name,
    sessionsValidFrom: membership.sessionsValidFrom,
    // Read with the membership already, as the request's gate does: resource decisions then read no membership again.
    resourceScope: membership.resourceScope,
  };
}

/** A membership of the actor's organization with what decisions and audits need, or
 * NOT_FOUND. Callers then ask the decision for their action. */
export async function loadMember(db: Db | Tx, actor: ActorContext, membershipId: string) {
  const target = await db.membership.findFirst({
    where: { id: membershipId, organizationId: actor.organizationId },
    include: { ...memberFactsInclude, user: { select: { name: true, email: true, username: true, company: true } } },
  });
  if (!target) throw notFound("Member", actor);
  return target;
}
