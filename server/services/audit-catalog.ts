// The audit log's vocabulary: every action a service records, with its label, its area, what
// it targets and how one event reads in words ("Gary moved Chloé from Paris to Lyon").
// `AuditEntry.action` (audit.ts) is typed by these keys, so nothing is recorded that the log
// cannot show. Pure, without the database: names come from a lookup the caller fills in one
// batched read (audit-log.ts), and the operators' console uses it in the browser.
import { ORGANIZATION_CREATION_LABELS, type OrganizationCreation } from "../authz/instance";
import { describeSetting, POLICY_KEYS, POLICY_LABELS } from "../authz/policies";
import { describeCapabilities } from "../authz/resources";
import { describeTypeGrant } from "../authz/type-grants";

export const AUDIT_AREAS = {
  members: "Members",
  invitations: "Invitations",
  groups: "Groups",
  teams: "Teams",
  roles: "Roles",
  resources: "Resources",
  organization: "Organization",
  account: "Accounts",
  instance: "Instance",
} as const;
export type AuditArea = keyof typeof AUDIT_AREAS;

/** Areas whose events belong to no organization: the person's own or the instance's. */
const OUTSIDE_ORGANIZATIONS: ReadonlySet<AuditArea> = new Set(["account", "instance"]);

/** The kinds of thing an event names by id, for the batched lookup of their current names. */
export type NameKind = "member" | "group" | "resource" | "role" | "team" | "user" | "invitation";
export type NameRef = { kind: NameKind; id: string };
/** A thing's current name, or undefined when it is gone (then the JSON's copy, if any, stands in). */
export type NameLookup = (kind: NameKind, id: string) => string | undefined;
export const NO_NAMES: NameLookup = () => undefined;

/** One event as the catalog reads it: who acted (a name), on what, and the JSON the service kept. */
export type AuditEventFacts = { actor: string; targetId: string; before: unknown; after: unknown };

type TargetType =
  "Membership" | "Invitation" | "Group" | "Team" | "Role" | "Resource" | "Organization" | "OutboxEmail" | "User" | "Instance" | "EncryptionKey" | "ImportJob";

const TARGET_KIND: Partial<Record<TargetType, NameKind>> = {
  Membership: "member",
  Invitation: "invitation",
  Group: "group",
  Team: "team",
  Role: "role",
  Resource: "resource",
  User: "user",
};

// ---- Reading an event's JSON -------------------------------------------------------------

function field(json: unknown, key: string): unknown {
  return json && typeof json === "object" && !Array.isArray(json) && key in json ? (json as Record<string, unknown>)[key] : undefined;
}
const str = (json: unknown, key: string): string | undefined => {
  const v = field(json, key);
  return typeof v === "string" && v ? v : typeof v === "number" ? String(v) : undefined;
};
const list = (json: unknown, key: string): string[] => {
  const v = field(json, key);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
};
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What a describer gets: the actor, the JSON, and names with their fallbacks. */
export type Words = {
  actor: string;
  before: unknown;
  after: unknown;
  b: (key: string) => string | undefined;
  a: (key: string) => string | undefined;
  /** The current name of the thing with this id, else the kept one, else "a deleted …". */
  name: (kind: NameKind, id: string | undefined, kept?: string) => string;
  /** The event's target, named the same way. */
  target: (kept?: string) => string;
};

const DELETED: Record<NameKind, string> = {
  member: "a deleted member",
  group: "a deleted group",
  resource: "a deleted resource",
  role: "a deleted role",
  team: "a deleted team",
  user: "a deleted account",
  invitation: "an invitation",
};

function wordsFor(e: AuditEventFacts, targetKind: NameKind | undefined, names: NameLookup): Words {
  const name = (kind: NameKind, id: string | undefined, kept?: string) => (id ? names(kind, id) : undefined) ?? kept ?? DELETED[kind];
  return {
    actor: e.actor,
    before: e.before,
    after: e.after,
    b: (key) => str(e.before, key),
    a: (key) => str(e.after, key),
    name,
    target: (kept) => (targetKind ? name(targetKind, e.targetId, kept) : (kept ?? "something")),
  };
}

/** The holder of a grant, from its principal key ("member:…", "team:…", "group:…", "email:…"). */
function principal(w: Words, key: string | undefined): string {
  const [kind, id] = key ? [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)] : ["", ""];
  if (kind === "member") return w.name("member", id);
  if (kind === "team") return `the team ${w.name("team", id)}`;
  if (kind === "group") return `the group ${w.name("group", id)} and its subgroups`;
  if (kind === "email") return id;
  return "someone";
}
const principalRef = (json: unknown): NameRef[] => {
  const key = str(json, "principal") ?? "";
  const [kind, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  return kind === "member" || kind === "team" || kind === "group" ? [{ kind, id }] : [];
};
const capabilities = (json: unknown) => describeCapabilities(list(json, "capabilities")).toLowerCase();
/** "full access on all servers; may create servers", from a TypeGrant event's JSON. */
const typeGrant = (json: unknown) =>
  describeTypeGrant({ capabilities: list(json, "capabilities"), mayCreate: field(json, "mayCreate") === true }, str(json, "scope") ?? "*");
const setting = (json: unknown) => {
  const v = str(json, "organizationCreation");
  return v && v in ORGANIZATION_CREATION_LABELS ? ORGANIZATION_CREATION_LABELS[v as OrganizationCreation].label : "an unknown setting";
};

/** ": two-factor sign-in required for everyone, sessions of at most 8 hours" (changed settings only). */
const policyChanges = (before: unknown, after: unknown): string => {
  const changed = POLICY_KEYS.filter((k) => JSON.stringify(field(before, k) ?? null) !== JSON.stringify(field(after, k) ?? null));
  if (!changed.length) return "";
  const words = changed.map((k) => {
    const value = field(after, k) ?? null;
    return value === null ? `${POLICY_LABELS[k].toLowerCase()} inherited` : describeSetting(k, value as never);
  });
  return `: ${words.join(", ")}`;
};

// ---- The catalog -------------------------------------------------------------------------

type Entry = {
  area: AuditArea;
  label: string;
  target: TargetType;
  /** The event in words, starting with the actor. */
  describe: (w: Words) => string;
  /** Ids in the JSON whose current names the sentence uses (the target's is always looked up). */
  refs?: (e: AuditEventFacts) => NameRef[];
  /** A second line worth reading beside the sentence, when the before/after summary says less. */
  note?: (w: Words) => string | null;
};

const member = (label: string, describe: Entry["describe"], extra: Partial<Entry> = {}): Entry => ({
  area: "members",
  label,
  target: "Membership",
  describe,
  ...extra,
});
const resource = (label: string, describe: Entry["describe"], extra: Partial<Entry> = {}): Entry => ({
  area: "resources",
  label,
  target: "Resource",
  describe,
  ...extra,
});
const account = (label: string, describe: Entry["describe"]): Entry => ({ area: "account", label, target: "User", describe });
const byImport = (w: Words) => (str(w.before, "via") === "import" || str(w.after, "via") === "import" ? " by import" : "");

export const AUDIT_CATALOG = {
  "member.create": member(
    "Added a member",
    (w) => `${w.actor} added ${w.target(w.a("name") ?? w.a("email"))} as ${w.a("role") ?? "a member"} in ${w.a("group") ?? "a group"}${byImport(w)}`,
  ),
  "member.edit": member("Edited a member's details", (w) => `${w.actor} edited the details of ${w.target(w.a("name"))}`),
  "member.changeRole": member(
    "Changed a member's role",
    (w) =>
      `${w.actor} changed the role of ${w.target()} from ${w.b("role") ?? "another role"} to ${w.a("role") ?? "another role"}${w.a("via") === "role.delete" ? ", deleting their role" : ""}`,
  ),
  "member.changeGroup": member(
    "Moved a member",
    (w) => `${w.actor} moved ${w.target()} from ${w.b("group") ?? "a group"} to ${w.a("group") ?? "another group"}`,
  ),
  "member.disable": member("Disabled a member", (w) => `${w.actor} disabled ${w.target()}`),
  "member.enable": member("Enabled a member", (w) => `${w.actor} enabled ${w.target()}`),
  "member.delete": member("Deleted a member", (w) => `${w.actor} deleted ${w.target(w.b("name") ?? w.b("email"))}${byImport(w)}`),
  "member.resetPassword": member("Reset a member's password", (w) => `${w.actor} reset the password of ${w.target()}`),
  "member.disableTwoFactor": member("Turned off a member's two-factor sign-in", (w) => `${w.actor} turned off two-factor sign-in for ${w.target()}`),
  "member.endSessions": member("Signed a member out everywhere", (w) => `${w.actor} signed ${w.target()} out everywhere`),
  "member.endSession": member("Ended one of a member's sessions", (w) => `${w.actor} ended one of the sessions of ${w.target()}`),
  "member.unlock": member("Unlocked a member's sign-in", (w) => `${w.actor} unlocked the sign-in of ${w.target()}`),
  "member.import": member("Updated a member by import", (w) => `${w.actor} updated ${w.target(w.a("name"))} by import`),
  "import.upload": {
    area: "members",
    label: "Uploaded an import file",
    target: "ImportJob",
    describe: (w) => `${w.actor} uploaded ${w.a("fileName") ?? "a file"} for import (${plural(Number(w.a("rows") ?? 0), "row")}), for a dry run`,
  },
  "import.apply": {
    area: "members",
    label: "Applied an import",
    target: "ImportJob",
    describe: (w) => `${w.actor} confirmed the import of ${w.a("fileName") ?? "a file"}: ${plural(Number(w.a("changes") ?? 0), "change")} to apply`,
  },
  "member.leave": member("Left the organization", (w) => `${w.actor} left the organization`),
  "member.setResourceScope": member("Limited a member's resources", (w) => {
    const names = list(w.after, "names");
    return names.length ? `${w.actor} limited ${w.target()} to ${names.join(", ")}` : `${w.actor} let ${w.target()} use all resources`;
  }),
  "member.migrateData": member(
    "Moved a member's data to another member",
    (w) =>
      `${w.actor} moved ${plural(Number(w.a("count") ?? 0), "resource")} from ${w.target(w.b("owner"))} to ${w.name("member", w.a("ownerId"), w.a("owner"))}`,
    { refs: (e) => [{ kind: "member", id: str(e.after, "ownerId") ?? "" }] },
  ),
  "member.notificationPreferences": member("Changed email notifications", (w) => `${w.actor} changed their email notifications`),
  "invitation.create": {
    area: "invitations",
    label: "Invited someone",
    target: "Invitation",
    describe: (w) => `${w.actor} invited ${w.a("email") ?? "someone"} as ${w.a("role") ?? "a member"} in ${w.a("group") ?? "a group"}`,
  },
  "invitation.resend": {
    area: "invitations",
    label: "Sent an invitation again",
    target: "Invitation",
    describe: (w) => `${w.actor} sent the invitation of ${w.target()} again`,
  },
  "invitation.revoke": {
    area: "invitations",
    label: "Revoked an invitation",
    target: "Invitation",
    describe: (w) => `${w.actor} revoked the invitation of ${w.target()}`,
  },
  "invitation.accept": {
    area: "invitations",
    label: "Accepted an invitation",
    target: "Membership",
    describe: (w) => `${w.actor} accepted the invitation and joined as ${w.a("role") ?? "a member"} in ${w.a("group") ?? "a group"}`,
  },
  "invitation.changeRole": {
    area: "invitations",
    label: "Moved pending invitations to another role",
    target: "Role",
    describe: (w) => `${w.actor} moved ${plural(Number(w.a("invitations") ?? 0), "pending invitation")} from ${w.target()} to ${w.a("role") ?? "another role"}`,
  },
  "group.create": {
    area: "groups",
    label: "Created a group",
    target: "Group",
    describe: (w) => `${w.actor} created the group ${w.target(w.a("name"))} under ${w.name("group", w.a("parentId"))}`,
    refs: (e) => [{ kind: "group", id: str(e.after, "parentId") ?? "" }],
  },
  "group.rename": {
    area: "groups",
    label: "Renamed a group",
    target: "Group",
    describe: (w) => `${w.actor} renamed the group ${w.b("name") ?? w.target()} to ${w.a("name") ?? w.target()}`,
  },
  "group.setPolicy": {
    area: "groups",
    label: "Changed a group's policy",
    target: "Group",
    describe: (w) => `${w.actor} changed the policy of ${w.target()}${policyChanges(w.before, w.after)}`,
  },
  "group.move": {
    area: "groups",
    label: "Moved a group",
    target: "Group",
    describe: (w) => `${w.actor} moved the group ${w.target()} from ${w.name("group", w.b("parentId"))} to ${w.name("group", w.a("parentId"))}`,
    refs: (e) => [str(e.before, "parentId"), str(e.after, "parentId")].filter((id) => id !== undefined).map((id) => ({ kind: "group" as const, id })),
  },
  "group.delete": { area: "groups", label: "Deleted a group", target: "Group", describe: (w) => `${w.actor} deleted the group ${w.target(w.b("name"))}` },
  "team.create": { area: "teams", label: "Created a team", target: "Team", describe: (w) => `${w.actor} created the team ${w.target(w.a("name"))}` },
  "team.update": {
    area: "teams",
    label: "Changed a team",
    target: "Team",
    describe: (w) =>
      w.b("name") !== w.a("name")
        ? `${w.actor} renamed the team ${w.b("name") ?? w.target()} to ${w.a("name") ?? w.target()}`
        : `${w.actor} changed the team ${w.target(w.a("name"))}`,
  },
  "team.delete": { area: "teams", label: "Deleted a team", target: "Team", describe: (w) => `${w.actor} deleted the team ${w.target(w.b("name"))}` },
  "team.addMember": {
    area: "teams",
    label: "Added a member to a team",
    target: "Team",
    describe: (w) => `${w.actor} added ${w.name("member", w.a("membershipId"), w.a("name"))} to the team ${w.target()}`,
    refs: (e) => [{ kind: "member", id: str(e.after, "membershipId") ?? "" }],
  },
  "team.removeMember": {
    area: "teams",
    label: "Removed a member from a team",
    target: "Team",
    describe: (w) => `${w.actor} removed ${w.name("member", w.b("membershipId"), w.b("name"))} from the team ${w.target()}`,
    refs: (e) => [{ kind: "member", id: str(e.before, "membershipId") ?? "" }],
  },
  "role.create": { area: "roles", label: "Created a role", target: "Role", describe: (w) => `${w.actor} created the role ${w.target(w.a("name"))}` },
  "role.update": { area: "roles", label: "Changed a role", target: "Role", describe: (w) => `${w.actor} changed the role ${w.target(w.a("name"))}` },
  "role.delete": { area: "roles", label: "Deleted a role", target: "Role", describe: (w) => `${w.actor} deleted the role ${w.target(w.b("name"))}` },
  "resource.create": resource("Created a resource", (w) => `${w.actor} created ${w.target(w.a("name"))}`),
  "resource.update": resource("Changed a resource", (w) => `${w.actor} changed ${w.target(w.a("name"))}`),
  "resource.delete": resource("Deleted a resource", (w) => `${w.actor} deleted ${w.target(w.b("name"))}`),
  "resource.transfer": resource(
    "Handed a resource to another owner",
    (w) => `${w.actor} handed ${w.target()} from ${w.name("member", w.b("ownerId"), w.b("owner"))} to ${w.name("member", w.a("ownerId"), w.a("owner"))}`,
    { refs: (e) => [str(e.before, "ownerId"), str(e.after, "ownerId")].filter((id) => id !== undefined).map((id) => ({ kind: "member" as const, id })) },
  ),
  "resource.run": resource("Started a run", (w) => `${w.actor} started a run of ${w.target()}`),
  "resource.restore": resource("Started a restore", (w) => `${w.actor} started a restore from ${w.target()}`),
  "resource.run.finish": resource(
    "Reported how a run ended",
    (w) => `${w.actor} reported that a run of ${w.target()} ${w.a("result") === "FAILED" ? "failed" : "succeeded"}`,
  ),
  "resource.restore.finish": resource(
    "Reported how a restore ended",
    (w) => `${w.actor} reported that a restore from ${w.target()} ${w.a("result") === "FAILED" ? "failed" : "succeeded"}`,
  ),
  "grant.create": resource("Granted access", (w) => `${w.actor} gave ${principal(w, w.a("principal"))} ${capabilities(w.after)} on ${w.target()}`, {
    refs: (e) => principalRef(e.after),
  }),
  "grant.update": resource(
    "Changed access",
    (w) => `${w.actor} changed the access of ${principal(w, w.a("principal"))} to ${w.target()} from ${capabilities(w.before)} to ${capabilities(w.after)}`,
    { refs: (e) => principalRef(e.after) },
  ),
  "grant.delete": resource("Removed access", (w) => `${w.actor} removed the access of ${principal(w, w.b("principal"))} to ${w.target()}`, {
    refs: (e) => principalRef(e.before),
  }),
  "token.create": member("Created an API token", (w) => `${w.actor} created the API token ${w.a("name") ?? ""} (${w.a("prefix") ?? "stw_"}…)`),
  "token.revoke": member("Revoked an API token", (w) => `${w.actor} revoked the API token ${w.b("name") ?? ""} (${w.b("prefix") ?? "stw_"}…) of ${w.target()}`),
  "token.revokeAll": member("Revoked all API tokens", (w) => `${w.actor} revoked every API token of ${w.target()} (${w.b("tokens") ?? "all"})`),
  "typeGrant.create": {
    area: "resources",
    label: "Gave organization-wide access",
    target: "Organization",
    describe: (w) => `${w.actor} gave ${principal(w, w.a("principal"))} ${typeGrant(w.after)}`,
    refs: (e) => principalRef(e.after),
  },
  "typeGrant.update": {
    area: "resources",
    label: "Changed organization-wide access",
    target: "Organization",
    describe: (w) =>
      `${w.actor} changed the organization-wide access of ${principal(w, w.a("principal"))} from ${typeGrant(w.before)} to ${typeGrant(w.after)}`,
    refs: (e) => principalRef(e.after),
  },
  "typeGrant.delete": {
    area: "resources",
    label: "Removed organization-wide access",
    target: "Organization",
    describe: (w) => `${w.actor} removed ${typeGrant(w.before)} from ${principal(w, w.b("principal"))}`,
    refs: (e) => principalRef(e.before),
  },
  "organization.create": {
    area: "organization",
    label: "Created the organization",
    target: "Organization",
    describe: (w) => `${w.actor} created the organization ${w.a("name") ?? ""}`.trim(),
  },
  "organization.updateSettings": {
    area: "organization",
    label: "Changed the settings",
    target: "Organization",
    describe: (w) => `${w.actor} changed the organization's settings`,
  },
  "organization.changeAddress": {
    area: "organization",
    label: "Changed the address",
    target: "Organization",
    describe: (w) => `${w.actor} changed the organization's address from /o/${w.b("slug") ?? "?"} to /o/${w.a("slug") ?? "?"}`,
  },
  "organization.transferOwnership": {
    area: "organization",
    label: "Transferred ownership",
    target: "Membership",
    describe: (w) => `${w.actor} made ${w.target()} the owner`,
  },
  "demo.create": {
    area: "organization",
    label: "Filled with demo data",
    target: "Organization",
    describe: (w) =>
      `${w.actor} filled the organization with demo data: ${plural(Number(w.a("groups") ?? 0), "group")} and ${plural(Number(w.a("members") ?? 0), "member")}`,
  },
  "email.retry": {
    area: "organization",
    label: "Retried an email",
    target: "OutboxEmail",
    describe: (w) => `${w.actor} retried the email to ${w.a("to") ?? "someone"}`,
  },
  "audit.export": {
    area: "organization",
    label: "Exported the audit log",
    target: "Organization",
    describe: (w) => `${w.actor} exported ${plural(Number(w.a("rows") ?? 0), "audit event")} as ${(w.a("format") ?? "a file").toUpperCase()}`,
  },
  "data.export": {
    area: "organization",
    label: "Exported data",
    target: "Organization",
    describe: (w) =>
      `${w.actor} exported ${plural(Number(w.a("rows") ?? 0), (w.a("kind") ?? "rows").replace(/s$/, ""))} as ${(w.a("format") ?? "a file").toUpperCase()}`,
  },
  "organization.suspend": {
    area: "instance",
    label: "Suspended an organization",
    target: "Organization",
    describe: (w) => `${w.actor} suspended ${w.a("name") ?? "an organization"}`,
    note: (w) => (w.a("reason") ? `Reason: ${w.a("reason")}` : "No reason given"),
  },
  "organization.resume": {
    area: "instance",
    label: "Resumed an organization",
    target: "Organization",
    describe: (w) => `${w.actor} resumed ${w.a("name") ?? "an organization"}`,
  },
  "organization.delete": {
    area: "instance",
    label: "Deleted an organization",
    target: "Organization",
    describe: (w) => `${w.actor}${w.a("deletedBy") === "owner" ? ", its owner," : ""} deleted ${w.b("name") ?? "an organization"}`,
    note: (w) => {
      const members = field(w.before, "members");
      return `It was /o/${w.b("slug") ?? "?"}${typeof members === "number" ? `, with ${plural(members, "member")}` : ""}`;
    },
  },
  "instance.updateSettings": {
    area: "instance",
    label: "Changed who may create organizations",
    target: "Instance",
    describe: (w) => `${w.actor} set who may create organizations to “${setting(w.after)}”`,
    note: (w) => `It was “${setting(w.before)}”`,
  },
  "instance.operatorAdd": {
    area: "instance",
    label: "Added an operator",
    target: "User",
    describe: (w) => `${w.actor} added ${w.a("email") ?? "an account"} as an operator`,
  },
  "instance.operatorRemove": {
    area: "instance",
    label: "Removed an operator",
    target: "User",
    describe: (w) => `${w.actor} removed ${w.b("email") ?? "an account"} as an operator`,
  },
  "encryptionKey.reseal": {
    area: "instance",
    label: "Resealed data with a new key",
    target: "EncryptionKey",
    describe: (w) => `${w.actor} resealed ${plural(Number(w.a("resealed") ?? 0), "value")} of ${w.a("column") ?? "a column"}`,
  },
  "account.signUp": account("Signed up", (w) => `${w.actor} signed up`),
  "account.signUpExisting": account("Tried to sign up with a used address", (w) => `Someone tried to sign up as ${w.target()}, who already has an account`),
  "account.passwordResetRequested": account("Asked for a password reset", (w) => `Someone asked for a password reset link for ${w.target()}`),
  "account.passwordReset": account("Reset their password", (w) => `${w.actor} reset their password by email`),
  "account.emailChangeRequested": account(
    "Asked to change their email address",
    (w) => `${w.actor} asked to change their address to ${w.a("email") ?? "another"}`,
  ),
  "account.emailChanged": account(
    "Changed their email address",
    (w) => `${w.actor} changed their address from ${w.b("email") ?? "?"} to ${w.a("email") ?? "?"}`,
  ),
  "user.changePassword": account("Changed their password", (w) => `${w.actor} changed their password`),
  "user.endSessions": account("Signed out other sessions", (w) => `${w.actor} signed out ${plural(Number(w.a("ended") ?? 0), "other session")}`),
  "user.enableTwoFactor": account("Turned on two-factor sign-in", (w) => `${w.actor} turned on two-factor sign-in`),
  "user.regenerateRecoveryCodes": account("Made new recovery codes", (w) => `${w.actor} made new recovery codes`),
} as const satisfies Record<string, Entry>;

export type AuditAction = keyof typeof AUDIT_CATALOG;
/** The target type each action records, so that a writer cannot mislabel its target. */
export type AuditTargetOf<A extends AuditAction> = (typeof AUDIT_CATALOG)[A]["target"];

export const AUDIT_ACTIONS = Object.keys(AUDIT_CATALOG) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_CATALOG, value);
}
export function isAuditArea(value: string): value is AuditArea {
  return Object.hasOwn(AUDIT_AREAS, value);
}

const entryOf = (action: string): Entry | undefined => (isAuditAction(action) ? AUDIT_CATALOG[action] : undefined);

export function auditLabel(action: string): string {
  return entryOf(action)?.label ?? action;
}

/** The actions an organization's log shows, by area, in catalog order: for its filter. */
export function organizationAreas(): Array<{ area: AuditArea; label: string; actions: Array<{ key: AuditAction; label: string }> }> {
  const areas = (Object.keys(AUDIT_AREAS) as AuditArea[]).filter((a) => !OUTSIDE_ORGANIZATIONS.has(a));
  return areas.map((area) => ({
    area,
    label: AUDIT_AREAS[area],
    actions: AUDIT_ACTIONS.filter((k) => AUDIT_CATALOG[k].area === area).map((key) => ({ key, label: AUDIT_CATALOG[key].label })),
  }));
}

export function actionsOfArea(area: AuditArea): AuditAction[] {
  return AUDIT_ACTIONS.filter((k) => AUDIT_CATALOG[k].area === area);
}

/** The ids whose names describing this event needs: its target's and those in its JSON. */
export function nameRefs(event: { action: string; targetType: string; targetId: string; before: unknown; after: unknown }): NameRef[] {
  const entry = entryOf(event.action);
  const kind = TARGET_KIND[event.targetType as TargetType];
  const facts = { actor: "", targetId: event.targetId, before: event.before, after: event.after };
  return [...(kind ? [{ kind, id: event.targetId }] : []), ...(entry?.refs?.(facts) ?? [])].filter((r) => r.id);
}

/** The event in words, with its note; an action the catalog does not know reads as its key. */
export function describeAuditEvent(
  action: string,
  targetType: string,
  facts: AuditEventFacts,
  names: NameLookup = NO_NAMES,
): { sentence: string; note: string | null } {
  const entry = entryOf(action);
  if (!entry) return { sentence: `${capitalize(facts.actor)}: ${action}`, note: null };
  const w = wordsFor(facts, TARGET_KIND[targetType as TargetType], names);
  return { sentence: capitalize(entry.describe(w)), note: entry.note?.(w) ?? null };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What changed, field by field, from the JSON the service kept: for the expandable detail
 * and the export. Ids are left out (the sentence names what they point to). */
export function auditChanges(before: unknown, after: unknown): Array<{ field: string; before: string | null; after: string | null }> {
  const keys = [...new Set([...Object.keys(asRecord(before)), ...Object.keys(asRecord(after))])].filter((k) => !/Ids?$/.test(k) && k !== "via");
  return keys.map((k) => ({ field: fieldLabel(k), before: show(field(before, k)), after: show(field(after, k)) })).filter((c) => c.before !== c.after);
}

export function summarizeChanges(changes: ReturnType<typeof auditChanges>): string {
  return changes
    .map((c) => (c.before === null ? `${c.field}: ${c.after}` : c.after === null ? `${c.field}: was ${c.before}` : `${c.field}: ${c.before} → ${c.after}`))
    .join("; ");
}

const asRecord = (json: unknown): Record<string, unknown> =>
  json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
const fieldLabel = (key: string) => key.replace(/([A-Z])/g, " $1").toLowerCase();

function show(value: unknown): string | null {
  if (value === undefined) return null;
  if (value === null) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ") : "none";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
