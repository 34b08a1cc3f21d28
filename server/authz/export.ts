// The export tool (seed 004's ExportData): with "Bulk export", a role exports the data of
// the members its reach covers. Like the import tool, it is an exception to rank ("export the
// Connected data of any user in your company"), never to tenant isolation or reach; and it
// opens no resource rule 7 hides: resources and their grants come as their holder sees them.
import { allow, decidePermission, decideReach, deny, NOT_FOUND_REASON, type Actor, type Decision, type GroupFacts } from "./decision";

export const EXPORT_KINDS = ["members", "groups", "teams", "resources", "grants"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const WHAT: Record<ExportKind, string> = {
  members: "the members of its reach, whatever their rank",
  groups: "the groups of its reach",
  teams: "the teams of its reach",
  resources: "the resources it sees",
  grants: "the grants of the resources it sees",
};

/** May the actor export this kind (rule 2), with what the export holds as the reason. */
export function decideExport(actor: Actor, kind: ExportKind): Decision {
  const permission = decidePermission(actor, "data.export");
  if (!permission.allowed) return permission;
  return allow(`${permission.reason} The export holds ${WHAT[kind]}.`);
}

/** One row of the members export: "Bulk export" and the member's home group in reach, of
 * any rank (seed 004); a role reaching its own account exports only that account. Mirrors
 * `exportMembersWhere` (export.sql.ts). */
export function decideExportMember(actor: Actor, target: { membershipId: string; organizationId: string; group: GroupFacts }): Decision {
  const permission = decidePermission(actor, "data.export");
  if (!permission.allowed) return permission;
  if (target.organizationId !== actor.organizationId) return deny(NOT_FOUND_REASON, "NOT_FOUND");
  if (target.membershipId === actor.membershipId) return allow("Your own account is always in your export.");
  const reach = decideReach(actor, target.group);
  return reach.allowed ? allow(`${reach.reason} The export tool covers every rank there.`) : reach;
}

/** One row of the groups export: "Bulk export" and the group in reach. */
export function decideExportGroup(actor: Actor, group: GroupFacts): Decision {
  const permission = decidePermission(actor, "data.export");
  return permission.allowed ? decideReach(actor, group) : permission;
}

/** One row of the teams export: "Bulk export", and the team belongs to a group in reach; an
 * organization-wide team (no group) only for a role reaching the whole organization, as
 * with managing teams (teams.ts). */
export function decideExportTeam(actor: Actor, team: { organizationId: string; group: GroupFacts | null }): Decision {
  const permission = decidePermission(actor, "data.export");
  if (!permission.allowed) return permission;
  if (team.organizationId !== actor.organizationId) return deny(NOT_FOUND_REASON, "NOT_FOUND");
  if (team.group) return decideReach(actor, team.group);
  return actor.role.reach === "ORGANIZATION"
    ? allow(`Your role ${actor.role.name} reaches the whole organization and its organization-wide teams.`)
    : deny(`An organization-wide team is outside your role ${actor.role.name}'s reach.`, "NOT_FOUND");
}
