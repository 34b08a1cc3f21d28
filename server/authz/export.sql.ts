// The export tool's rows in SQL, beside its decisions (export.ts). Pure: it builds `where`s,
// runs none. Resources and grants follow `visibleResourcesSql` (resources.sql.ts) as they are.
import type { Prisma } from "../db/generated/client";
import type { Actor } from "./decision";
import { groupsInReach } from "./groups.sql";

/** Memberships in the export: the actor's reach, any rank (decideExportMember). */
export function exportMembersWhere(actor: Actor): Prisma.MembershipWhereInput {
  const o = actor.organizationId;
  if (actor.role.reach === "ORGANIZATION") return { organizationId: o };
  if (actor.role.reach === "SUBTREE") return { organizationId: o, OR: [{ id: actor.membershipId }, { group: { path: { startsWith: actor.group.path } } }] };
  return { organizationId: o, id: actor.membershipId };
}

/** Groups in the export (decideExportGroup). */
export const exportGroupsWhere = groupsInReach;

/** Teams in the export (decideExportTeam). */
export function exportTeamsWhere(actor: Actor): Prisma.TeamWhereInput {
  const o = actor.organizationId;
  if (actor.role.reach === "ORGANIZATION") return { organizationId: o };
  if (actor.role.reach === "SUBTREE") return { organizationId: o, group: { path: { startsWith: actor.group.path } } };
  return { organizationId: o, id: { in: [] } };
}
