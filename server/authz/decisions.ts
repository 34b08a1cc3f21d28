// The rules of authority (DESIGN.md, rules 1 to 6) for members and groups. Pure: plain
// facts in, a decision with its reason out. Every procedure, page and the CLI asks here.
import { CAPABILITIES } from "./capabilities";
import { isPermission, PERMISSIONS, type Permission } from "./permissions";
import { END_USER_ROLE_KEY, type Reach } from "./roles";

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

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string, code: DenialCode = "FORBIDDEN"): Decision => ({ allowed: false, reason, code });

/** Runs decisions in order and returns the first refusal, or else the last approval that
 * gives a reason (steps that only guard return an empty one). */
function all(...steps: Array<() => Decision>): Decision {
  let last: Decision = allow("");
  for (const step of steps) {
    const decision = step();
    if (!decision.allowed) return decision;
    if (decision.reason) last = decision;
  }
  return last;
}

const NOT_FOUND_REASON = "It does not exist in this organization or is outside your span.";

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

function labels(permissions: string[]): string {
  return permissions.map((p) => (isPermission(p) ? `“${PERMISSIONS[p].label}”` : p)).join(", ");
}

// ---- Reach: which groups an actor's role covers --------------------------------------

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

// ---- Rule 3: span of control over members ------------------------------------------

/**
 * Rank comparison: strictly lower, except that the owner stands just above the other
 * holders of their own role. Without that nobody could ever appoint, manage or hand
 * ownership to a second holder of the top role (seed 002: "create other administrators").
 */
function outranks(actor: Actor, rank: number): boolean {
  return rank < actor.role.rank || (actor.isOwner && rank === actor.role.rank);
}

/**
 * Rule 3, seeing: another member whose home group is in the actor's reach and whose role
 * ranks strictly lower. Seeing is wider than managing: such a member is visible even when
 * they hold a power the actor lacks (read-only, with the reason). Outside is NOT_FOUND.
 */
export function decideSee(actor: Actor, target: MemberFacts): Decision {
  if (target.organizationId !== actor.organizationId) return deny(NOT_FOUND_REASON, "NOT_FOUND");
  if (target.membershipId === actor.membershipId) return allow("This is your own account.");
  const reach = decideReach(actor, target.group);
  if (!reach.allowed) return deny(`${target.name}'s home group ${target.group.name} is outside your reach: ${reach.reason}`, "NOT_FOUND");
  if (!outranks(actor, target.role.rank) || (target.isOwner && target.role.rank >= actor.role.rank)) {
    return deny(`${target.name}'s role ${target.role.name} is not ranked below your role ${actor.role.name}.`, "NOT_FOUND");
  }
  return allow(`${target.name} (${target.role.name}, in ${target.group.name}) is in your reach and ranked below your role ${actor.role.name}.`);
}

/** Rule 3, managing: another member the actor sees who holds no permission the actor
 * lacks. Someone seen but holding such a power is FORBIDDEN, with the power named. */
export function decideSpan(actor: Actor, target: MemberFacts): Decision {
  if (target.organizationId !== actor.organizationId) return deny(NOT_FOUND_REASON, "NOT_FOUND");
  if (target.membershipId === actor.membershipId) return deny("This is your own account.", "FORBIDDEN");
  const seen = decideSee(actor, target);
  if (!seen.allowed) return seen;
  const beyond = permissionsBeyond(target.role, actor.role);
  if (beyond.length) {
    return deny(`${target.name} holds ${labels(beyond)}, which your role ${actor.role.name} lacks, so you see them but cannot manage them.`);
  }
  return allow(`${target.name} (${target.role.name}, in ${target.group.name}) is in your span as ${actor.role.name}.`);
}

export type MemberAction = "view" | "edit" | "changeRole" | "changeGroup" | "setStatus" | "resetCredentials" | "delete";

export const MEMBER_ACTION_PERMISSION: Record<MemberAction, Permission> = {
  view: "members.view",
  edit: "members.edit",
  changeRole: "members.assignRole",
  changeGroup: "members.assignGroup",
  setStatus: "members.setStatus",
  resetCredentials: "members.resetCredentials",
  delete: "members.delete",
};

const ACTION_WORDS: Record<MemberAction, string> = {
  view: "view",
  edit: "edit",
  changeRole: "change the role of",
  changeGroup: "move",
  setStatus: "disable or enable",
  resetCredentials: "reset the credentials of",
  delete: "delete",
};

// Seed 004: the Bulk Importer manages the group, status and personal information of any
// member regardless of rank, and creates and deletes end users, through the import tool.
const IMPORTER_ACTIONS: ReadonlySet<MemberAction> = new Set(["edit", "changeGroup", "setStatus", "delete"]);

function decideImporterException(actor: Actor, target: MemberFacts, action: MemberAction): Decision {
  if (target.organizationId !== actor.organizationId) return deny(NOT_FOUND_REASON, "NOT_FOUND");
  if (target.membershipId === actor.membershipId) return deny("The import tool does not change your own account.");
  if (!IMPORTER_ACTIONS.has(action)) return deny(`The import tool cannot ${ACTION_WORDS[action]} members.`);
  if (action === "delete" && target.role.reach !== "SELF") {
    return deny(`The import tool deletes only end users; ${target.name} is ${target.role.name}.`);
  }
  return allow(`Your role ${actor.role.name} may ${ACTION_WORDS[action]} any member through the import tool, regardless of rank.`);
}

/**
 * May the actor perform `action` on the target member? `via: "import"` is the Bulk
 * Importer's tool, the one documented exception to rank (seed 004).
 */
export function decideMemberAction(actor: Actor, target: MemberFacts, action: MemberAction, via: "console" | "import" = "console"): Decision {
  if (target.organizationId !== actor.organizationId) return deny(NOT_FOUND_REASON, "NOT_FOUND");
  if (via === "import") {
    const permission = decidePermission(actor, "members.import");
    return all(
      () => permission,
      () => decideImporterException(actor, target, action),
      () => ownerRail(target, action),
    );
  }
  if (action === "view") {
    if (target.membershipId === actor.membershipId) return allow("This is your own account.");
    return all(
      () => decidePermission(actor, MEMBER_ACTION_PERMISSION.view),
      () => decideSee(actor, target),
    );
  }
  return all(
    () => decidePermission(actor, MEMBER_ACTION_PERMISSION[action]),
    () => {
      if (target.membershipId !== actor.membershipId) return allow("");
      return deny(
        action === "delete"
          ? "Nobody deletes their own account from the admin pages."
          : `You cannot ${ACTION_WORDS[action]} your own account from the admin pages.`,
      );
    },
    () => decideSpan(actor, target),
    () => ownerRail(target, action),
  );
}

// ---- Rule 6: safety rails -----------------------------------------------------------

function ownerRail(target: MemberFacts, action: MemberAction): Decision {
  if (target.isOwner && (action === "changeRole" || action === "setStatus" || action === "delete")) {
    return deny(
      `${target.name} owns the organization and cannot be ${action === "changeRole" ? "re-roled" : action === "delete" ? "deleted" : "disabled"}; the owner transfers ownership first.`,
    );
  }
  return allow("");
}

// ---- Rule 4: no escalation ----------------------------------------------------------

/** May the actor give this role to anyone (including by creating or inviting)? */
export function decideAssignRole(actor: Actor, role: RoleFacts & { organizationId: string }): Decision {
  if (role.organizationId !== actor.organizationId) return deny(NOT_FOUND_REASON, "NOT_FOUND");
  const permission = decidePermission(actor, "members.assignRole");
  if (!permission.allowed) return permission;
  if (!outranks(actor, role.rank)) return deny(`You cannot assign a role at or above your own: ${role.name} is not ranked below ${actor.role.name}.`);
  const beyond = permissionsBeyond(role, actor.role);
  if (beyond.length) return deny(`The role ${role.name} holds powers your role ${actor.role.name} lacks: ${labels(beyond)}.`);
  if (actor.role.reach !== "ORGANIZATION" && role.reach === "ORGANIZATION") {
    return deny(`The role ${role.name} reaches the whole organization; your role ${actor.role.name} reaches only your subtree.`);
  }
  const wider = (role.ceiling ?? CAPABILITIES).filter((c) => !(actor.role.ceiling ?? CAPABILITIES).includes(c));
  if (wider.length) return deny(`The role ${role.name} gives resource access your role ${actor.role.name} lacks: ${wider.map((c) => `“${c}”`).join(", ")}.`);
  return allow(`The role ${role.name} is ranked below ${actor.role.name} and holds only powers you hold.`);
}

export function decideChangeRole(
  actor: Actor,
  target: MemberFacts,
  newRole: RoleFacts & { organizationId: string },
  facts: { activeHoldersOfTargetRole: number; topRank: number },
): Decision {
  return all(
    () => decideMemberAction(actor, target, "changeRole"),
    () => decideAssignRole(actor, newRole),
    () =>
      target.role.rank === facts.topRank && facts.activeHoldersOfTargetRole <= 1
        ? deny(`${target.name} is the last holder of the top role ${target.role.name}.`)
        : allow(""),
    () => allow(`You may give ${target.name} the role ${newRole.name}: ${decideAssignRole(actor, newRole).reason}`),
  );
}

export function decideChangeGroup(actor: Actor, target: MemberFacts, newGroup: GroupFacts, via: "console" | "import" = "console"): Decision {
  return all(
    () => decideMemberAction(actor, target, "changeGroup", via),
    () => decideReach(actor, newGroup),
    () => allow(`You may move ${target.name} to ${newGroup.name}, which is within your reach.`),
  );
}

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

// ---- Member lifecycle ---------------------------------------------------------------

/**
 * Creating a member gives them a role and a home group, so both must be within the
 * actor's powers (rule 4). Without "Assign roles" an actor creates end users only
 * (seed 004: Support Technicians create members with the role User).
 */
export function decideCreateMember(
  actor: Actor,
  group: GroupFacts,
  role: RoleFacts & { organizationId: string },
  via: "console" | "import" = "console",
): Decision {
  if (via === "import") {
    // Seed 004: the import tool creates end users, anywhere in the organization.
    return all(
      () => decidePermission(actor, "members.import"),
      () => decideReach(actor, group),
      () => (role.organizationId !== actor.organizationId ? deny(NOT_FOUND_REASON, "NOT_FOUND") : allow("")),
      () => (role.builtInKey === END_USER_ROLE_KEY ? allow("") : deny(`The import tool creates end users only, not ${role.name}.`)),
      () => allow(`The import tool may create an end user in ${group.name}.`),
    );
  }
  return all(
    () => decidePermission(actor, "members.create"),
    () => decideReach(actor, group),
    () => (role.organizationId !== actor.organizationId ? deny(NOT_FOUND_REASON, "NOT_FOUND") : allow("")),
    () => {
      if (holds(actor.role, "members.assignRole")) return decideAssignRole(actor, role);
      return role.builtInKey === END_USER_ROLE_KEY
        ? allow("")
        : deny(`Your role ${actor.role.name} creates members with the role User only; giving ${role.name} needs “${PERMISSIONS["members.assignRole"].label}”.`);
    },
    () => allow(`You may create a member with the role ${role.name} in ${group.name}, which is within your reach.`),
  );
}

export function decideSetStatus(
  actor: Actor,
  target: MemberFacts,
  status: "ACTIVE" | "DISABLED",
  facts: { activeHoldersOfTargetRole: number; topRank: number },
  via: "console" | "import" = "console",
): Decision {
  return all(
    () => decideMemberAction(actor, target, "setStatus", via),
    () =>
      status === "DISABLED" && target.role.rank === facts.topRank && facts.activeHoldersOfTargetRole <= 1
        ? deny(`${target.name} is the last active holder of the top role ${target.role.name}.`)
        : allow(""),
  );
}

/**
 * Seed 002's "Disable 2FA" for a member who lost their authenticator: a credentials reset,
 * under the same rules as a password reset.
 */
export function decideDisableTwoFactor(actor: Actor, target: MemberFacts, facts: { otherOrganizations: number; hasTwoFactor: boolean }): Decision {
  return all(
    () => decideResetCredentials(actor, target, facts),
    () => (facts.hasTwoFactor ? allow("") : deny(`${target.name} has no two-factor sign-in to turn off.`)),
  );
}

/**
 * A password belongs to the person, not to one organization: resetting it from one
 * organization would take over their access to the others. Only members who belong to
 * this organization alone can have their credentials reset by its admins.
 */
export function decideResetCredentials(actor: Actor, target: MemberFacts, facts: { otherOrganizations: number }): Decision {
  return all(
    () => decideMemberAction(actor, target, "resetCredentials"),
    () =>
      facts.otherOrganizations > 0
        ? deny(`${target.name} also belongs to ${facts.otherOrganizations} other organization(s); only they can change their password.`)
        : allow(""),
  );
}

/** Deleting a member: span and permission, the owner rail, and the last top-role holder. */
export function decideDeleteMember(
  actor: Actor,
  target: MemberFacts,
  facts: { activeHoldersOfTargetRole: number; topRank: number },
  via: "console" | "import" = "console",
): Decision {
  return all(
    () => decideMemberAction(actor, target, "delete", via),
    () =>
      target.role.rank === facts.topRank && facts.activeHoldersOfTargetRole <= 1
        ? deny(`${target.name} is the last holder of the top role ${target.role.name}.`)
        : allow(""),
  );
}

/**
 * Editing a member's name or email: span and permission, and (like a password) only for
 * people who belong to this organization alone, since both are the person's identity
 * everywhere.
 */
export function decideEditMember(actor: Actor, target: MemberFacts, facts: { otherOrganizations: number }, via: "console" | "import" = "console"): Decision {
  return all(
    () => decideMemberAction(actor, target, "edit", via),
    () =>
      facts.otherOrganizations > 0
        ? deny(`${target.name} also belongs to ${facts.otherOrganizations} other organization(s); only they can change their name and email.`)
        : allow(""),
  );
}

/** Seed 002: ownership moves only by the owner's own hand, to another active top-role holder. */
export function decideTransferOwnership(actor: Actor, target: MemberFacts & { active: boolean }, facts: { topRank: number }): Decision {
  if (target.organizationId !== actor.organizationId) return deny(NOT_FOUND_REASON, "NOT_FOUND");
  if (!actor.isOwner) return deny("Only the owner can transfer ownership of the organization.");
  if (target.membershipId === actor.membershipId) return deny("You already own the organization.");
  if (!target.active) return deny(`${target.name} is not an active member.`);
  if (target.role.rank !== facts.topRank) return deny(`Ownership goes to a holder of the top role; ${target.name} is ${target.role.name}.`);
  return allow(`You own the organization and ${target.name} holds the top role ${target.role.name}.`);
}

// ---- Two-factor policy ----------------------------------------------------------------

/**
 * Rule 9: a session begun before the membership was last disabled is over in that
 * organization, even after it is enabled again (its other organizations are theirs to
 * decide). NOT_FOUND, as for a member who is disabled now.
 */
export function decideSessionInOrganization(sessionStartedAt: Date | null, sessionsValidFrom: Date | null): Decision {
  if (!sessionsValidFrom) return allow("Your membership was never disabled.");
  if (sessionStartedAt && sessionStartedAt.getTime() > sessionsValidFrom.getTime()) return allow("You signed in after your membership was last enabled.");
  return deny("Your membership was disabled after you signed in; sign in again.", "NOT_FOUND");
}

export type TwoFactorPolicy = "OFF" | "ADMINS" | "EVERYONE";

/** Whether the organization's policy requires this member to use two-factor sign-in. */
export function decideTwoFactorRequired(policy: TwoFactorPolicy, role: Pick<RoleFacts, "name" | "permissions">): Decision {
  if (policy === "EVERYONE") return allow("Your organization requires two-factor sign-in for everyone.");
  if (policy === "ADMINS" && role.permissions.length > 0) {
    return allow(`Your organization requires two-factor sign-in for administrative roles such as ${role.name}.`);
  }
  return deny("Two-factor sign-in is optional for you.");
}
