// Groups under rule 5: subtree-reach actors create, rename, move and delete groups only
// inside their subtree, never pulling an outside group in, never their own home group. Pure.
import { all, allow, decidePermission, decideReach, deny, isInSubtree, type Actor, type Decision, type GroupFacts } from "./decision";

// ---- Rule 5: groups -----------------------------------------------------------------

export function decideViewGroup(actor: Actor, group: GroupFacts): Decision {
  return all(
    () => decideReach(actor, group),
    () => decidePermission(actor, "groups.view"),
  );
}

export function decideCreateGroup(actor: Actor, parent: GroupFacts): Decision {
  return all(
    () => decideReach(actor, parent),
    () => decidePermission(actor, "groups.create"),
    () => allow(`You may create groups under ${parent.name}, which is within your reach.`),
  );
}

export function decideRenameGroup(actor: Actor, group: GroupFacts): Decision {
  return all(
    () => decideReach(actor, group),
    () => decidePermission(actor, "groups.edit"),
    () => allow(`You may rename ${group.name}, which is within your reach.`),
  );
}

function homeGroupRail(actor: Actor, group: GroupFacts, verb: string): Decision {
  return actor.role.reach !== "ORGANIZATION" && group.id === actor.group.id
    ? deny(`${group.name} is your home group: your role ${actor.role.name} cannot ${verb} it.`)
    : allow("");
}

/** Whether the group may be moved at all, wherever to. */
export function decideMoveGroupSource(actor: Actor, group: GroupFacts): Decision {
  return all(
    () => decideReach(actor, group),
    () => decidePermission(actor, "groups.edit"),
    () => (group.parentId === null ? deny(`${group.name} is the root group and cannot be moved.`) : allow("")),
    () => homeGroupRail(actor, group, "move"),
    () => allow(`You may move ${group.name}, which is within your reach.`),
  );
}

export function decideMoveGroup(actor: Actor, group: GroupFacts, newParent: GroupFacts): Decision {
  return all(
    () => decideReach(actor, group),
    () => decideReach(actor, newParent),
    () => decideMoveGroupSource(actor, group),
    () => (isInSubtree(newParent, group) ? deny(`${newParent.name} is inside ${group.name}'s own subtree: a group cannot move under itself.`) : allow("")),
    () => allow(`You may move ${group.name} under ${newParent.name}; both are within your reach.`),
  );
}

export function decideDeleteGroup(actor: Actor, group: GroupFacts, contents: { subgroups: number; members: number }): Decision {
  return all(
    () => decideReach(actor, group),
    () => decidePermission(actor, "groups.delete"),
    () => (group.parentId === null ? deny(`${group.name} is the root group and cannot be deleted.`) : allow("")),
    () => homeGroupRail(actor, group, "delete"),
    () =>
      contents.subgroups || contents.members
        ? deny(`${group.name} still has ${contents.subgroups} subgroup(s) and ${contents.members} member(s); move or delete them first.`)
        : allow(`You may delete ${group.name}: it is empty and within your reach.`),
  );
}
