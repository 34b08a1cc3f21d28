// Members under the rules of authority: seeing and managing (rule 3), no escalation through
// roles (rule 4), the safety rails (rule 6) and the member lifecycle of seed 002. Pure.
import { CAPABILITIES } from "./capabilities";
import {
  all,
  allow,
  decidePermission,
  decideReach,
  deny,
  holds,
  labels,
  NOT_FOUND_REASON,
  outranks,
  permissionsBeyond,
  type Actor,
  type Decision,
  type GroupFacts,
  type MemberFacts,
  type RoleFacts,
} from "./decision";
import { PERMISSIONS, type Permission } from "./permissions";
import { END_USER_ROLE_KEY } from "./roles";

// ---- Rule 3: span of control over members ------------------------------------------

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

/** "Select all N matching" acts on at most this many members at once (each decided and
 * written on its own), so that one request stays within seconds. */
export const BULK_MATCHING_CAP = 1_000;
