// The core of the rules of authority: the facts decisions take (roles, groups, members), the
// shape of a decision, rule 2 (permission), reach over groups and rank. Pure: plain facts in,
// a decision with its reason out. The rules themselves live by concept beside this file:
// members.ts (rules 3, 4, 6), groups.ts (rule 5), policies.ts, resources.ts, teams.ts.
import { isPermission, PERMISSIONS, type Permission } from "./permissions";
import type { Reach } from "./roles";

export type RoleFacts = {
  id: string;
  name: string;
  rank: number;
  reach: Reach;
  permissions: readonly string[];
  /** The most that grants give the role's holders (custom-roles.ts); absent: everything (built-in roles). */
  ceiling?: readonly string[];
  /** Set for the built-in roles of roles.ts. */
  builtInKey?: string | null;
};

/** `path` is the chain of ids from the root, "/rootId/.../thisId/". */
export type GroupFacts = { id: string; organizationId: string; name: string; path: string; parentId: string | null };

export type MemberFacts = {
  membershipId: string;
  organizationId: string;
  name: string;
  role: RoleFacts;
  group: GroupFacts;
  isOwner: boolean;
};

/** The member acting: their membership in the organization the request is about. */
export type Actor = MemberFacts;

export type DenialCode = "FORBIDDEN" | "NOT_FOUND";
export type Decision = { allowed: true; reason: string } | { allowed: false; reason: string; code: DenialCode };

export const allow = (reason: string): Decision => ({ allowed: true, reason });
export const deny = (reason: string, code: DenialCode = "FORBIDDEN"): Decision => ({ allowed: false, reason, code });

/** Runs decisions in order and returns the first refusal, or else the last approval that
 * gives a reason (steps that only guard return an empty one). */
export function all(...steps: Array<() => Decision>): Decision {
  let last: Decision = allow("");
  for (const step of steps) {
    const decision = step();
    if (!decision.allowed) return decision;
    if (decision.reason) last = decision;
  }
  return last;
}

export const NOT_FOUND_REASON = "It does not exist in this organization or is outside your span.";

// ---- Rule 2: permission -------------------------------------------------------------

export function holds(role: Pick<RoleFacts, "permissions">, permission: Permission): boolean {
  return role.permissions.includes(permission);
}

export function decidePermission(actor: Actor, permission: Permission): Decision {
  return holds(actor.role, permission)
    ? allow(`Your role ${actor.role.name} has “${PERMISSIONS[permission].label}”.`)
    : deny(`Your role ${actor.role.name} does not have “${PERMISSIONS[permission].label}”.`);
}

/** Permissions the role holds that the other does not. */
export function permissionsBeyond(role: Pick<RoleFacts, "permissions">, bound: Pick<RoleFacts, "permissions">): string[] {
  return role.permissions.filter((p) => !bound.permissions.includes(p));
}

export function labels(permissions: string[]): string {
  return permissions.map((p) => (isPermission(p) ? `“${PERMISSIONS[p].label}”` : p)).join(", ");
}

// ---- Reach: which groups an actor's role covers --------------------------------------

/** The ids along a group's path, the root first and the group itself last. */
export const chainIds = (path: string): string[] => path.split("/").filter(Boolean);

export function isInSubtree(group: Pick<GroupFacts, "path">, root: Pick<GroupFacts, "path">): boolean {
  return group.path.startsWith(root.path);
}

export function decideReach(actor: Actor, group: GroupFacts): Decision {
  if (group.organizationId !== actor.organizationId) return deny(NOT_FOUND_REASON, "NOT_FOUND");
  switch (actor.role.reach) {
    case "ORGANIZATION":
      return allow(`Your role ${actor.role.name} reaches the whole organization.`);
    case "SUBTREE":
      return isInSubtree(group, actor.group)
        ? allow(`${group.name} is inside your home group ${actor.group.name}'s subtree.`)
        : deny(`${group.name} is outside your home group ${actor.group.name}'s subtree.`, "NOT_FOUND");
    case "SELF":
      return deny(`Your role ${actor.role.name} reaches only your own account.`, "NOT_FOUND");
  }
}

// ---- Rank ---------------------------------------------------------------------------

/**
 * Rank comparison: strictly lower, except that the owner stands just above the other
 * holders of their own role. Without that nobody could ever appoint, manage or hand
 * ownership to a second holder of the top role (seed 002: "create other administrators").
 */
export function outranks(actor: Actor, rank: number): boolean {
  return rank < actor.role.rank || (actor.isOwner && rank === actor.role.rank);
}
