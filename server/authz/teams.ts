// Teams (seed 000's user groups) and who manages them. An organization-wide team belongs to
// the roles of organization reach; a team anchored at a group belongs to that group's
// subtree: subtree admins ("as Admin, inside the subtree") manage the teams anchored in
// their reach, whose members all have their home group in the anchor's subtree. Adding a
// member is also a grant (rule 4), which services/side-paths.ts checks.
import { decidePermission, type Actor, type Decision, type GroupFacts } from "./decision";

export type TeamFacts = { name: string; anchor: Pick<GroupFacts, "name" | "path"> | null };

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string): Decision => ({ allowed: false, reason, code: "FORBIDDEN" });
const inReach = (actor: Actor, path: string) => path.startsWith(actor.group.path);

/** Where a new or moved team may be anchored: anywhere (or nowhere) with organization reach, inside one's subtree otherwise. */
export function decideTeamAnchor(actor: Actor, anchor: TeamFacts["anchor"]): Decision {
  const permission = decidePermission(actor, "teams.manage");
  if (!permission.allowed) return permission;
  if (actor.role.reach === "ORGANIZATION") return allow(permission.reason);
  if (actor.role.reach === "SELF") return deny(`Your role ${actor.role.name} reaches only your own account, so it manages no team.`);
  if (!anchor) return deny(`Your role ${actor.role.name} manages teams inside ${actor.group.name} only: choose a group there for the team.`);
  return inReach(actor, anchor.path)
    ? allow(`${anchor.name} is inside ${actor.group.name}, where your role ${actor.role.name} manages teams.`)
    : deny(`${anchor.name} is outside ${actor.group.name}, where your role ${actor.role.name} manages teams.`);
}

/** Renaming, deleting, adding and removing members: the team must be one the actor may anchor where it is. */
export function decideManageTeam(actor: Actor, team: TeamFacts): Decision {
  const anchor = decideTeamAnchor(actor, team.anchor);
  if (anchor.allowed || !decidePermission(actor, "teams.manage").allowed) return anchor;
  return deny(
    team.anchor
      ? `${team.name} belongs to ${team.anchor.name}, outside ${actor.group.name}, where your role ${actor.role.name} manages teams.`
      : `${team.name} is an organization-wide team; only roles of organization reach manage it.`,
  );
}

/** A team anchored at a group holds only members whose home group is in that group's subtree. */
export function decideTeamMembership(team: TeamFacts, member: { name: string; group: Pick<GroupFacts, "name" | "path"> }): Decision {
  if (!team.anchor || member.group.path.startsWith(team.anchor.path)) return allow("");
  return deny(`${member.name} is in ${member.group.name}, outside ${team.anchor.name}, the group ${team.name} belongs to.`);
}

/** Deleting takes away what the team gives, so a subtree admin deletes only teams whose members are all in their span. */
export function decideDeleteTeam(actor: Actor, team: TeamFacts, membersOutsideSpan: number): Decision {
  const manage = decideManageTeam(actor, team);
  if (!manage.allowed || actor.role.reach === "ORGANIZATION" || membersOutsideSpan === 0) return manage;
  return deny(
    `${membersOutsideSpan} member${membersOutsideSpan === 1 ? " is" : "s are"} of ${team.name} outside your span; deleting it would take their access.`,
  );
}

/** Putting one member into several teams at once (an invitation's teams): each must be the actor's to manage and fit the member. */
export function decideJoinTeams(actor: Actor, teams: TeamFacts[], member: { name: string; group: Pick<GroupFacts, "name" | "path"> }): Decision {
  for (const team of teams) {
    const manage = decideManageTeam(actor, team);
    if (!manage.allowed) return manage;
    const fits = decideTeamMembership(team, member);
    if (!fits.allowed) return fits;
  }
  return allow("");
}

/** Moving a team to another group (or to the whole organization): the actor may anchor it there, and every member fits. */
export function decideMoveTeam(actor: Actor, team: TeamFacts, to: TeamFacts["anchor"], membersOutside: number): Decision {
  const anchor = decideTeamAnchor(actor, to);
  if (!anchor.allowed || !to || membersOutside === 0) return anchor;
  return deny(`${membersOutside} member${membersOutside === 1 ? " is" : "s are"} of ${team.name} outside ${to.name}; remove them first.`);
}
