// Whom a member may find when picking a principal (the Access tab's picker, the transfer
// dialog): DESIGN.md rule 5, lists of people show only members in the viewer's span. Holding
// "share" on one resource opens no directory; anyone may still name a colleague by their
// full email address, as one shares a document with an address. Pure: the service turns
// the answer into its `where`.
import { holds, type Actor, type Decision } from "./decision";
import { PERMISSIONS, type Permission } from "./permissions";

export type PrincipalDirectory = {
  /** "span": themselves and the members in their span, by part of a name or email.
   * "address": themselves only; in both, any active member by their exact email address. */
  members: "span" | "address";
  /** "organization": every team; "own": the teams the actor belongs to. */
  teams: "organization" | "own";
  /** "reach": the groups in the actor's reach; in both, the actor's home group and its ancestors. */
  groups: "reach" | "own";
  reason: string;
};

export function decidePrincipalDirectory(actor: Actor): PrincipalDirectory {
  const role = actor.role;
  const has = (p: Permission) => `Your role ${role.name} has “${PERMISSIONS[p].label}”`;
  const lacks = (p: Permission) => `Your role ${role.name} does not have “${PERMISSIONS[p].label}”`;
  const reachesGroups = role.reach !== "SELF";
  const members = holds(role, "members.view") && reachesGroups ? "span" : "address";
  const teams = holds(role, "teams.manage") ? "organization" : "own";
  const groups = holds(role, "groups.view") && reachesGroups ? "reach" : "own";
  const reasons = [
    members === "span"
      ? `${has("members.view")}: you find yourself and the members in your span, or anyone by their full email address.`
      : `${holds(role, "members.view") ? `Your role ${role.name} reaches only your own account` : lacks("members.view")}: you find others by their full email address only.`,
    teams === "organization" ? `${has("teams.manage")}: every team is listed.` : `${lacks("teams.manage")}: only your own teams are listed.`,
    groups === "reach"
      ? `${has("groups.view")}: the groups in your reach are listed, and those you are in.`
      : `${holds(role, "groups.view") ? `Your role ${role.name} reaches no group` : lacks("groups.view")}: only your home group and the groups above it are listed.`,
  ];
  return { members, teams, groups, reason: reasons.join(" ") };
}

/**
 * Explaining another member's access shows their role, groups and scope, so it is open only
 * for members the actor could find anyway (rule 5): themselves, members on this resource's
 * access list (owner or reached by a grant), and members in their span. Anyone else is
 * NOT_FOUND, as if the id did not exist.
 */
export function decideExplainAccessOf(target: { isActor: boolean; onAccessList: boolean; inActorSpan: boolean }): Decision {
  if (target.isActor) return { allowed: true, reason: "You may always see your own access." };
  if (target.onAccessList) return { allowed: true, reason: "The member is on this resource's access list." };
  if (target.inActorSpan) return { allowed: true, reason: "The member is in your span." };
  return { allowed: false, code: "NOT_FOUND", reason: "The member is neither on this resource's access list nor in your span." };
}
