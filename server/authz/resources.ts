// Resources and their ACLs (DESIGN.md rules 4, 7 and 8; seeds 000, 001, 003). Pure: the
// grants that reach a member, the member's role and scope in; effective capabilities, the
// paths that produce them and decisions with reasons out. The SQL of services/resources.ts
// mirrors `effectiveAccess`, and the consistency tests hold the two together.
import { CAPABILITIES, CAPABILITY_LABELS, type Capability } from "./capabilities";
import { decidePermission, holds, type Actor, type Decision, type MemberFacts } from "./decision";
import { decideSpan } from "./members";

// ---- Resource types: data, easy to extend ---------------------------------------------

export const RESOURCE_TYPES = {
  server: { label: "Server", plural: "Servers", actions: [], scoped: true },
  storage: { label: "Storage", plural: "Storages", actions: ["restore"], scoped: true },
  job: { label: "Job", plural: "Jobs", actions: ["run"], scoped: false },
  task: { label: "Task", plural: "Tasks", actions: ["run"], scoped: false },
  monitor: { label: "Monitor", plural: "Monitors", actions: [], scoped: false },
  endpoint: { label: "Endpoint", plural: "Endpoints", actions: [], scoped: false },
} as const satisfies Record<string, { label: string; plural: string; actions: readonly ResourceAction[]; scoped: boolean }>;

export type ResourceType = keyof typeof RESOURCE_TYPES;
export const RESOURCE_TYPE_KEYS = Object.keys(RESOURCE_TYPES) as [ResourceType, ...ResourceType[]];
/** The types a member's resource scope limits (seed 002: "servers and storages"). */
export const SCOPED_TYPES = RESOURCE_TYPE_KEYS.filter((t) => RESOURCE_TYPES[t].scoped);

/** The scope of an organization-wide grant (type-grants.ts) that covers every type. */
export const ALL_TYPES = "*";

/** Whether an organization-wide grant of this scope covers resources of this type. */
export function scopeCovers(scope: string, type: string): boolean {
  return scope === ALL_TYPES || scope === type;
}

/** Actions that write an activity entry: run a job or task, restore from a storage. */
export type ResourceAction = "run" | "restore";

// ---- Capabilities, presets and resource roles (rule 8) ------------------------------------

export { CAPABILITIES, CAPABILITY_LABELS, isCapability, type Capability } from "./capabilities";

export const PRESETS = {
  view_only: { label: "View only", capabilities: ["view"] },
  run: { label: "Run", capabilities: ["view", "run"] },
  edit_run: { label: "Edit & Run", capabilities: ["view", "run", "edit"] },
  full: { label: "Full access", capabilities: [...CAPABILITIES] },
  activity_monitor: { label: "Activity Monitor", capabilities: ["view"] },
  activity_manager: { label: "Activity Manager", capabilities: ["view", "run", "edit"] },
  access_manager: { label: "Access Manager", capabilities: ["data", "share"] },
  administrator: { label: "Administrator", capabilities: [...CAPABILITIES] },
} as const satisfies Record<string, { label: string; capabilities: readonly Capability[] }>;
export type PresetKey = keyof typeof PRESETS;

/** Capabilities in catalog order, without repeats or strangers. */
export function normalizeCapabilities(values: readonly string[]): Capability[] {
  return CAPABILITIES.filter((c) => values.includes(c));
}

/** "admin" is everything (rule 8), so it brings the other capabilities along. */
export function withImplied(values: readonly string[]): Capability[] {
  return values.includes("admin") ? [...CAPABILITIES] : normalizeCapabilities(values);
}

/** The name of a capability set: a preset's when one matches exactly, else the list. */
export function describeCapabilities(caps: readonly string[]): string {
  const set = normalizeCapabilities(caps);
  const preset = Object.values(PRESETS).find((p) => p.capabilities.length === set.length && p.capabilities.every((c) => set.includes(c)));
  return preset ? preset.label : set.map((c) => CAPABILITY_LABELS[c].split(" ")[0]).join(" + ") || "nothing";
}

// ---- Effective access (rules 7 and 8) ------------------------------------------------------

export type ResourceFacts = { id: string; organizationId: string; type: string; name: string; private: boolean; ownerMembershipId: string };

/** A grant that reaches the member, and how: the path the UI explains. */
export type ReachingGrant = {
  grantId: string;
  capabilities: readonly string[];
  via: { kind: "member" } | { kind: "team"; teamName: string } | { kind: "group"; groupName: string; memberGroupName: string };
  /** Set for organization-wide access (type-grants.ts): the type it covers, or "*" for all.
   * It reaches only resources of that type that are not private, and only when it names a
   * capability ("may create" alone opens nothing). */
  typeWide?: string;
};

export type AccessPath =
  | { kind: "owner"; capabilities: Capability[] }
  | { kind: "custodian"; roleName: string; ownerName: string; capabilities: Capability[] }
  | { kind: "restorer"; roleName: string; ownerName: string; capabilities: Capability[]; /** What the role's ceiling took. */ limited: Capability[] }
  | { kind: "role"; roleName: string; capabilities: Capability[] }
  | ({ kind: "grant"; capabilities: Capability[]; /** What the role's ceiling took from this grant. */ limited: Capability[] } & ReachingGrant);

export type EffectiveAccess = {
  capabilities: Capability[];
  visible: boolean;
  /** Everything that gives the member something, whether or not it survives scope and privacy. */
  paths: AccessPath[];
  /** Why the member sees nothing although paths exist, or "" when nothing is removed. */
  removed: string;
};

export type MemberAccessFacts = Pick<Actor, "membershipId" | "organizationId" | "role"> & {
  /** Resource ids of the member's scope; empty means all (seed 002). */
  scope: readonly string[];
};

/** Seed 004: a Data Admin (or Group Data Admin) opens the resources of members in their
 * span, and a restorer restores them. `inMemberSpan`: the owner is in the member's span. */
export type OwnerFacts = { name: string; inMemberSpan: boolean };

export const CUSTODIAN_CAPABILITIES: Capability[] = ["view", "data"];
/** Seed 004: "manage restores for lower-ranked members": see their resources and restore
 * them ("restore" needs "data"), never run, edit, share or administer them. */
export const RESTORER_CAPABILITIES: Capability[] = ["view", "data"];

/** The capabilities a role's ceiling lets through (no ceiling: everything). */
export function resourceCeiling(role: Pick<MemberAccessFacts["role"], "ceiling">): readonly Capability[] {
  return role.ceiling ? withImplied(role.ceiling) : CAPABILITIES;
}

/**
 * The union of every path that reaches the member (seed 000: "the summary of highest
 * access levels"), then rule 7: a private resource needs "view" from a grant (seed 003:
 * an Access Manager does not see a private endpoint), and a scope that does not hold a
 * server or storage removes it entirely.
 */
export function effectiveAccess(member: MemberAccessFacts, resource: ResourceFacts, grants: readonly ReachingGrant[], owner: OwnerFacts): EffectiveAccess {
  if (resource.organizationId !== member.organizationId) return { capabilities: [], visible: false, paths: [], removed: "" };
  const paths: AccessPath[] = [];
  if (resource.ownerMembershipId === member.membershipId) paths.push({ kind: "owner", capabilities: [...CAPABILITIES] });
  else if (owner.inMemberSpan && holds(member.role, "data.access")) {
    paths.push({ kind: "custodian", roleName: member.role.name, ownerName: owner.name, capabilities: CUSTODIAN_CAPABILITIES });
  }
  // What grants and restores give is capped by the role's ceiling (seed 001: "accessible
  // according to the member's role"): a viewer on a job's ACL views it, never runs it.
  const ceiling = resourceCeiling(member.role);
  // A restorer over the owner, under the same span as the custodian. A custodian already
  // holds all of it, so the path is listed only for members without "Access members' data".
  if (resource.ownerMembershipId !== member.membershipId && owner.inMemberSpan && holds(member.role, "restores.manage") && !holds(member.role, "data.access")) {
    const capabilities = RESTORER_CAPABILITIES.filter((c) => ceiling.includes(c));
    const limited = RESTORER_CAPABILITIES.filter((c) => !ceiling.includes(c));
    paths.push({ kind: "restorer", roleName: member.role.name, ownerName: owner.name, capabilities, limited });
  }
  if (!resource.private && holds(member.role, "resources.viewAll")) paths.push({ kind: "role", roleName: member.role.name, capabilities: ["view"] });
  for (const g of grants) {
    if (g.typeWide !== undefined && (resource.private || !scopeCovers(g.typeWide, resource.type) || !normalizeCapabilities(g.capabilities).length)) continue;
    const given = withImplied(g.capabilities);
    paths.push({ kind: "grant", ...g, capabilities: given.filter((c) => ceiling.includes(c)), limited: given.filter((c) => !ceiling.includes(c)) });
  }

  const union = withImplied(paths.flatMap((p) => p.capabilities));
  // A grant that reaches the member shows a resource that is not private (rule 7) even when
  // the ceiling leaves it nothing to give: a Viewer on a job's ACL as Access Manager sees it,
  // as the list (visibleResourcesSql) shows it.
  if (!union.length && !paths.some((p) => p.kind === "grant")) return { capabilities: [], visible: false, paths, removed: "" };
  if (isScopedOut(member.scope, resource)) {
    return { capabilities: [], visible: false, paths, removed: `The resource scope does not include this ${typeLabel(resource.type).toLowerCase()}.` };
  }
  if (resource.private && !union.includes("view")) {
    return { capabilities: [], visible: false, paths, removed: "The resource is private and nothing gives “View” on it." };
  }
  return { capabilities: union, visible: true, paths, removed: "" };
}

export function isScopedOut(scope: readonly string[], resource: Pick<ResourceFacts, "id" | "type">): boolean {
  return scope.length > 0 && (SCOPED_TYPES as readonly string[]).includes(resource.type) && !scope.includes(resource.id);
}

export function typeLabel(type: string): string {
  return type in RESOURCE_TYPES ? RESOURCE_TYPES[type as ResourceType].label : type;
}

// ---- Decisions ---------------------------------------------------------------------------

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string, code: "FORBIDDEN" | "NOT_FOUND" = "FORBIDDEN"): Decision => ({ allowed: false, reason, code });

export const RESOURCE_NOT_FOUND = "It does not exist in this organization or you have no access to it.";

/** What each operation on a resource needs. */
export const NEEDS = { view: "view", run: "run", restore: "data", edit: "edit", delete: "admin", share: "share" } as const satisfies Record<string, Capability>;
export type ResourceOperation = keyof typeof NEEDS;

/** An invisible resource is NOT_FOUND (nothing leaks existence); a visible one without
 * the capability is FORBIDDEN with what is missing. */
export function decideResource(access: EffectiveAccess, resource: ResourceFacts, operation: ResourceOperation): Decision {
  if (!access.visible) return deny(RESOURCE_NOT_FOUND, "NOT_FOUND");
  // Opening a resource needs only that rule 7 shows it: an Access Manager sees (and manages
  // the ACL of) a resource that is not private without holding "view" (seed 003).
  if (operation === "view") return allow(`You see ${resource.name}.`);
  const needed = NEEDS[operation];
  if (operation === "run" || operation === "restore") {
    const actions: readonly string[] = RESOURCE_TYPES[resource.type as ResourceType]?.actions ?? [];
    if (!actions.includes(operation)) return deny(`A ${typeLabel(resource.type).toLowerCase()} cannot ${operation}.`);
  }
  return access.capabilities.includes(needed)
    ? allow(`You have “${CAPABILITY_LABELS[needed]}” on ${resource.name}.`)
    : deny(`You do not have “${CAPABILITY_LABELS[needed]}” on ${resource.name}; you have ${describeCapabilities(access.capabilities)}.`);
}

/**
 * Rule 4 for ACLs: only holders of "share" change the ACL, and never beyond what they hold
 * themselves: the capabilities given, and those of a grant changed or removed, must all be
 * the actor's. (An Access Manager cannot strip an Administrator.)
 */
export function decideGrantChange(
  access: EffectiveAccess,
  resource: ResourceFacts,
  change: { before?: readonly string[]; after?: readonly string[] },
): Decision {
  const share = decideResource(access, resource, "share");
  if (!share.allowed) return share;
  const held = new Set(access.capabilities);
  for (const [caps, verb] of [
    [change.after, "grant"],
    [change.before, "change or remove a grant of"],
  ] as const) {
    const beyond = normalizeCapabilities(caps ?? []).filter((c) => !held.has(c));
    if (beyond.length) return deny(`You cannot ${verb} ${beyond.map((c) => `“${CAPABILITY_LABELS[c]}”`).join(", ")}: you do not hold it on ${resource.name}.`);
  }
  if (change.after && !normalizeCapabilities(change.after).length) return deny("Choose at least one capability.");
  return allow(`You may share ${resource.name} with what you hold there.`);
}

/** Seed 004 data ownership: the custodian (data.access over the owner) or an
 * administrator of the resource hands it to another active member. */
export function decideTransferResource(access: EffectiveAccess, resource: ResourceFacts): Decision {
  if (!access.visible) return deny(RESOURCE_NOT_FOUND, "NOT_FOUND");
  const custodian = access.paths.some((p) => p.kind === "custodian");
  if (custodian || access.capabilities.includes("admin"))
    return allow(custodian ? `You hold the data of ${resource.name}'s owner.` : `You administer ${resource.name}.`);
  return deny(`Only an administrator of ${resource.name}, or a Data Admin over its owner, may transfer it.`);
}

/**
 * "View as member": a read-only preview of what a member sees, for admins who see every
 * resource or hold members' data, over members in their span. The preview never shows
 * what the admin could not see themselves (the service intersects the two).
 */
export function decideViewAs(actor: Actor, target: MemberFacts): Decision {
  if (target.membershipId === actor.membershipId) return deny("That is you: your own view needs no preview.");
  const permission = decidePermission(actor, "members.view");
  if (!permission.allowed) return permission;
  const span = decideSpan(actor, target);
  if (!span.allowed) return span;
  if (!holds(actor.role, "resources.viewAll") && !holds(actor.role, "data.access")) {
    return deny(`Your role ${actor.role.name} neither sees all resources nor holds members' data, so it cannot preview what others see.`);
  }
  return allow(`${target.name} is in your span.`);
}

/**
 * Rule 4 for hand-overs: the new owner becomes Administrator. An administrator of the
 * resource may give that to anyone; a custodian (View + Data only) only to themselves or
 * to a member in their span.
 */
export function decideHandOver(access: Pick<EffectiveAccess, "capabilities">, recipient: { isActor: boolean; inActorSpan: boolean }): Decision {
  if (access.capabilities.includes("admin")) return allow("You administer it, so you may make anyone its owner.");
  if (recipient.isActor || recipient.inActorSpan) return allow("The new owner is you or a member in your span.");
  return deny("You may hand resources only to yourself or to a member in your span: the new owner becomes their Administrator.");
}

/** Emails hold other people's links: only the owner opens them, and only when Steward's
 * built-in mailbox is their destination (no SMTP server). */
export function decideOpenOutboxEmail(actor: Pick<Actor, "isOwner">, mode: "smtp" | "mailbox"): Decision {
  if (mode === "smtp") return deny("Emails are delivered over SMTP; their content is for their recipients only.");
  return actor.isOwner ? allow("You are the owner, and this is Steward's built-in mailbox.") : deny("Only the owner opens the built-in mailbox.");
}

// ---- Notifications (seed 001) -------------------------------------------------------------

/** The kinds of resource event a member may choose to be emailed about. */
export const NOTIFICATION_EVENTS = {
  failures: { label: "Failures", description: "A run or restore of a resource on your access list failed." },
  activity: { label: "Runs and restores", description: "A job or task on your access list is started or succeeds, or a storage restore does." },
  access: { label: "Access changes", description: "Someone changes who has access to a resource on your access list." },
} as const;
export type NotificationEvent = keyof typeof NOTIFICATION_EVENTS;
export const NOTIFICATION_EVENT_KEYS = Object.keys(NOTIFICATION_EVENTS) as [NotificationEvent, ...NotificationEvent[]];
/** What a new member gets until they choose (the schema's default), and all a plain address on an ACL ever gets. */
export const DEFAULT_NOTIFICATIONS: readonly NotificationEvent[] = ["failures", "access"];

/** Something that happened to a resource, as its notification tells it. */
export type ResourceEvent = { kind: "access" } | { kind: ResourceAction; phase: "started" | "succeeded" | "failed" };

/** Which preference an event answers to: failures, other run and restore news, or access changes. */
export function notificationCategory(event: ResourceEvent): NotificationEvent {
  if (event.kind === "access") return "access";
  return event.phase === "failed" ? "failures" : "activity";
}

// ---- Run outcomes -------------------------------------------------------------------------

export const RUN_OUTCOMES = ["SUCCEEDED", "FAILED"] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

/**
 * Steward starts nothing itself: whoever carries out a run or restore (a person, or later an
 * agent with an API token) reports how it ended. Reporting needs what starting needed, so
 * an outcome never comes from someone who could not have started the run.
 */
export function decideFinishRun(access: EffectiveAccess, resource: ResourceFacts, action: ResourceAction): Decision {
  const start = decideResource(access, resource, action);
  if (start.allowed || start.code === "NOT_FOUND") return start;
  return deny(`${start.reason} Reporting how a ${action} ended needs what starting it needs.`);
}
