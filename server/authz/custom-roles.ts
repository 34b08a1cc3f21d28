// Custom roles (seed 002: "create custom roles tailored to your operations ... the
// permissions matrix"), under rule 4: nobody creates, edits or deletes a role beyond their
// own. Pure: the author, the role and its draft in; a decision with its reason out.
import { decidePermission, outranks, type Actor, type Decision, type RoleFacts } from "./decision";
import { MEMBER_ACTION_PERMISSION } from "./members";
import { isPermission, PERMISSIONS, type Permission } from "./permissions";
import { CAPABILITIES, CAPABILITY_LABELS, isCapability, type Capability } from "./capabilities";
import { ORGANIZATION_ONLY, type Reach } from "./roles";

/** What an author submits: the role's whole definition. */
export type RoleDraft = {
  name: string;
  rank: number;
  reach: Reach;
  permissions: readonly string[];
  /** The most that grants give its holders on a resource (seed 001's access levels). */
  ceiling: readonly string[];
};

/** Permissions that make sense only organization-wide (the built-in subtree roles lack them too). */
export const ORGANIZATION_ONLY_PERMISSIONS: readonly Permission[] = ORGANIZATION_ONLY;

/** Permissions that change members: each acts on members one must first see. */
const CHANGES_MEMBERS: readonly Permission[] = Object.values(MEMBER_ACTION_PERMISSION).filter((p) => p !== "members.view");

const REACH_WIDTH: Record<Reach, number> = { SELF: 0, SUBTREE: 1, ORGANIZATION: 2 };
const REACH_WORDS: Record<Reach, string> = { ORGANIZATION: "the whole organization", SUBTREE: "a home group's subtree", SELF: "one's own account" };

/** A role's ceiling; built-in roles (and rows from before ceilings) give everything. */
export const ceilingOf = (role: Pick<RoleFacts, "ceiling">): readonly Capability[] => (role.ceiling ?? CAPABILITIES).filter(isCapability);

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string, code: "FORBIDDEN" | "NOT_FOUND" = "FORBIDDEN"): Decision => ({ allowed: false, reason, code });
const quoted = (permissions: readonly string[]) => permissions.map((p) => (isPermission(p) ? `“${PERMISSIONS[p].label}”` : `“${p}”`)).join(", ");

/** Who may author roles at all: "Manage roles", organization-wide (roles belong to the whole organization). */
export function decideManageRoles(author: Actor): Decision {
  const permission = decidePermission(author, "roles.manage");
  if (!permission.allowed) return permission;
  if (author.role.reach !== "ORGANIZATION") {
    return deny(`Roles belong to the whole organization; your role ${author.role.name} reaches only ${REACH_WORDS[author.role.reach]}.`);
  }
  return permission;
}

/** Whether a draft stays within the author's own powers and is a sound role (rule 4). */
export function decideRoleDraft(author: Actor, draft: RoleDraft): Decision {
  const unknown = draft.permissions.filter((p) => !isPermission(p));
  if (unknown.length) return deny(`Not permissions of Steward: ${unknown.map((p) => `“${p}”`).join(", ")}.`);
  const strangers = draft.ceiling.filter((c) => !isCapability(c));
  if (strangers.length) return deny(`Not resource capabilities of Steward: ${strangers.map((c) => `“${c}”`).join(", ")}.`);
  if (!draft.ceiling.includes("view")) return deny("A role's resource access includes “View”: without it, no grant could show its holders anything.");
  const blind = draft.permissions.filter((p) => CHANGES_MEMBERS.includes(p as Permission));
  if (blind.length && !draft.permissions.includes("members.view")) {
    return deny(`${quoted(blind)} ${blind.length === 1 ? "changes" : "change"} members, which needs “${PERMISSIONS["members.view"].label}” too.`);
  }
  if (draft.reach !== "SELF" && draft.permissions.length === 0) {
    return deny(
      "A role that reaches a subtree or the whole organization needs at least one permission; a role with none reaches only its holder's own account.",
    );
  }
  if (!outranks(author, draft.rank)) return deny(`A role you author ranks below your own role ${author.role.name}.`);
  const beyond = draft.permissions.filter((p) => !author.role.permissions.includes(p));
  if (beyond.length) return deny(`Your role ${author.role.name} lacks ${quoted(beyond)}, so no role you author may hold it.`);
  if (REACH_WIDTH[draft.reach] > REACH_WIDTH[author.role.reach]) {
    return deny(`A role you author reaches no further than yours (${REACH_WORDS[author.role.reach]}).`);
  }
  if (draft.reach !== "ORGANIZATION") {
    const orgOnly = draft.permissions.filter((p) => (ORGANIZATION_ONLY_PERMISSIONS as readonly string[]).includes(p));
    if (orgOnly.length) return deny(`${quoted(orgOnly)} ${orgOnly.length === 1 ? "works" : "work"} only for roles that reach the whole organization.`);
  }
  const authorCeiling = ceilingOf(author.role);
  const wider = draft.ceiling.filter((c) => !authorCeiling.includes(c as Capability));
  if (wider.length) {
    return deny(
      `Your role's resource access lacks ${wider.map((c) => `“${CAPABILITY_LABELS[c as Capability]}”`).join(", ")}, so no role you author may give it.`,
    );
  }
  return allow(`The role stays within your role ${author.role.name}: ranked below it, with powers and resource access you hold.`);
}

type ExistingRole = RoleFacts & { organizationId: string };

/** Built-in roles are the seeds' definitions and never change; another organization's role is NOT_FOUND. */
function decideAuthorable(author: Actor, role: ExistingRole, verb: "edit" | "delete"): Decision {
  if (role.organizationId !== author.organizationId) return deny("It does not exist in this organization.", "NOT_FOUND");
  if (role.builtInKey)
    return deny(`${role.name} is a built-in role; built-in roles cannot be ${verb === "edit" ? "edited" : "deleted"}. Create a custom role instead.`);
  if (!outranks(author, role.rank)) return deny(`${role.name} is not ranked below your role ${author.role.name}, so you cannot ${verb} it.`);
  return allow("");
}

export function decideCreateRole(author: Actor, draft: RoleDraft): Decision {
  const manage = decideManageRoles(author);
  return manage.allowed ? decideRoleDraft(author, draft) : manage;
}

/** Editing changes every holder at once: the role before and after both stay within the author. */
export function decideEditRole(author: Actor, role: ExistingRole, draft: RoleDraft): Decision {
  const manage = decideManageRoles(author);
  if (!manage.allowed) return manage;
  const authorable = decideAuthorable(author, role, "edit");
  if (!authorable.allowed) return authorable;
  const beyond = role.permissions.filter((p) => !author.role.permissions.includes(p));
  if (beyond.length) return deny(`${role.name} holds ${quoted(beyond)}, which your role ${author.role.name} lacks, so you cannot edit it.`);
  const authorCeiling = ceilingOf(author.role);
  if (ceilingOf(role).some((c) => !authorCeiling.includes(c))) {
    return deny(`${role.name} gives resource access your role ${author.role.name} lacks, so you cannot edit it.`);
  }
  return decideRoleDraft(author, draft);
}

/** Seed 002: "roles in use cannot be deleted"; the console offers to move the holders first. */
export function decideDeleteRole(author: Actor, role: ExistingRole, facts: { holders: number; invitations: number }): Decision {
  const manage = decideManageRoles(author);
  if (!manage.allowed) return manage;
  const authorable = decideAuthorable(author, role, "delete");
  if (!authorable.allowed) return authorable;
  if (facts.holders > 0) {
    return deny(`${role.name} is held by ${facts.holders} member${facts.holders === 1 ? "" : "s"}; move them to another role first.`);
  }
  if (facts.invitations > 0) {
    return deny(
      `${facts.invitations} pending invitation${facts.invitations === 1 ? " offers" : "s offer"} ${role.name}; revoke ${facts.invitations === 1 ? "it" : "them"} first.`,
    );
  }
  return allow(`${role.name} is held by nobody and ranked below your role ${author.role.name}.`);
}

/**
 * Ranks for `count` roles placed "just below" `above` (numbers stay internal), highest first,
 * spread evenly down to the next lower rank of the organization (or 0). Empty when they do
 * not fit between the two.
 */
export function ranksJustBelow(above: number, ranks: readonly number[], count = 1): number[] {
  const lower = ranks.filter((r) => r < above);
  const next = lower.length ? Math.max(...lower) : 0;
  const step = (above - next) / (count + 1);
  const placed = Array.from({ length: count }, (_, i) => above - step * (i + 1));
  return placed.every((r, i) => r < above && r > next && (i === 0 || r < placed[i - 1]!)) ? placed : [];
}
