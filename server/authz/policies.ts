// Organization policies that decide who may act at all: a session that survived a disable
// (rule 9), and the two-factor requirement. Pure.
import { all, allow, decidePermission, decideReach, deny, type Actor, type Decision, type GroupFacts, type RoleFacts } from "./decision";

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

// ---- Group policies -------------------------------------------------------------------
// A policy attaches to a group and applies to its whole subtree. Each setting left unset
// inherits; a member's effective policy is the strictest value along their group chain
// (root first), each value with the group it comes from. The root group's policy is the
// organization-wide one; a group with no setting anywhere up its chain has the default.

export const TWO_FACTOR_ORDER: Record<TwoFactorPolicy, number> = { OFF: 0, ADMINS: 1, EVERYONE: 2 };
export const TWO_FACTOR_LABEL: Record<TwoFactorPolicy, string> = {
  OFF: "optional",
  ADMINS: "required for administrative roles",
  EVERYONE: "required for everyone",
};

/** The settings a group's policy may hold; `null` (or absent) inherits. */
export type PolicySettings = {
  twoFactor: TwoFactorPolicy | null;
  /** Characters at least, for passwords set from now on and checked at sign-in. */
  minPasswordLength: number | null;
  /** Hours a sign-in lasts in the organization, however active the session. */
  sessionLifetimeHours: number | null;
  /** Days an invitation link stays valid. */
  invitationTtlDays: number | null;
  /** Invitations only to addresses at these domains (lowercase, no "@"). */
  allowedEmailDomains: string[] | null;
  /** Days an API token may live at most; 0: tokens may also never expire (seed 000). */
  tokenLifetimeDays: number | null;
};
export type PolicyKey = keyof PolicySettings;
export const POLICY_KEYS: PolicyKey[] = [
  "twoFactor",
  "minPasswordLength",
  "sessionLifetimeHours",
  "invitationTtlDays",
  "allowedEmailDomains",
  "tokenLifetimeDays",
];
export const POLICY_LABELS: Record<PolicyKey, string> = {
  twoFactor: "Two-factor sign-in",
  minPasswordLength: "Minimum password length",
  sessionLifetimeHours: "Session lifetime",
  invitationTtlDays: "Invitation link lifetime",
  allowedEmailDomains: "Email domains for invitations",
  tokenLifetimeDays: "API token lifetime",
};

/** What applies where nothing is set: no session limit (only the idle one), any domain. */
export type PolicyValues = {
  twoFactor: TwoFactorPolicy;
  minPasswordLength: number;
  sessionLifetimeHours: number | null;
  invitationTtlDays: number;
  allowedEmailDomains: string[] | null;
  /** 0: no limit (tokens may never expire). */
  tokenLifetimeDays: number;
};
/** An API token's lifetime where no policy says otherwise: at most a year, never "never". */
export const DEFAULT_TOKEN_LIFETIME_DAYS = 365;
export const DEFAULT_POLICY: PolicyValues = {
  twoFactor: "OFF",
  minPasswordLength: 10,
  sessionLifetimeHours: null,
  invitationTtlDays: 7,
  allowedEmailDomains: null,
  tokenLifetimeDays: DEFAULT_TOKEN_LIFETIME_DAYS,
};
/** `tokenLifetimeDays` also takes 0: no limit. */
export const POLICY_BOUNDS = {
  minPasswordLength: { min: 10, max: 128 },
  sessionLifetimeHours: { min: 1, max: 24 * 90 },
  invitationTtlDays: { min: 1, max: 90 },
  tokenLifetimeDays: { min: 1, max: DEFAULT_TOKEN_LIFETIME_DAYS },
} as const;

/** A token lifetime policy as a number of days, no limit (0) as infinity. */
const tokenDays = (days: number) => (days === 0 ? Infinity : days);

export type GroupPolicyLink = { groupId: string; groupName: string; settings: Partial<PolicySettings> };
export type PolicySource = { groupId: string; groupName: string } | null;
export type EffectivePolicy = { values: PolicyValues; sources: Record<PolicyKey, PolicySource> };

/** Whether `a` is at least as strict as `b` for one setting. */
function atLeastAsStrict<K extends PolicyKey>(key: K, a: PolicyValues[K], b: PolicyValues[K]): boolean {
  switch (key) {
    case "twoFactor":
      return TWO_FACTOR_ORDER[a as TwoFactorPolicy] >= TWO_FACTOR_ORDER[b as TwoFactorPolicy];
    case "minPasswordLength":
      return (a as number) >= (b as number);
    case "sessionLifetimeHours":
    case "invitationTtlDays":
      return b === null || (a !== null && (a as number) <= (b as number));
    case "allowedEmailDomains": {
      const [x, y] = [a as string[] | null, b as string[] | null];
      return y === null || (x !== null && x.every((d) => y.includes(d)));
    }
    case "tokenLifetimeDays":
      return tokenDays(a as number) <= tokenDays(b as number);
  }
  return false;
}

/** The strictest of two values of one setting (domains: those both allow). */
function stricter<K extends PolicyKey>(key: K, a: PolicyValues[K], b: PolicyValues[K]): PolicyValues[K] {
  if (key === "allowedEmailDomains" && a !== null && b !== null) {
    return (a as string[]).filter((d) => (b as string[]).includes(d)) as PolicyValues[K];
  }
  return atLeastAsStrict(key, a, b) ? a : b;
}

/** The effective policy at the end of a chain of groups given root first. The first group
 * that sets a value replaces the default (the root may loosen a default); below it, each
 * group only tightens. A value's source is the group that set the value that wins. */
export function effectivePolicy(chain: readonly GroupPolicyLink[]): EffectivePolicy {
  const values: PolicyValues = { ...DEFAULT_POLICY };
  const sources = Object.fromEntries(POLICY_KEYS.map((k) => [k, null])) as Record<PolicyKey, PolicySource>;
  for (const link of chain) {
    for (const key of POLICY_KEYS) {
      const own = link.settings[key];
      if (own === null || own === undefined) continue;
      const current = values[key] as never;
      if (sources[key] !== null && atLeastAsStrict(key, current, own as never) && atLeastAsStrict(key, own as never, current)) continue;
      const next = sources[key] === null ? own : stricter(key, own as never, current);
      if (sources[key] === null || next !== current) sources[key] = { groupId: link.groupId, groupName: link.groupName };
      (values as Record<PolicyKey, unknown>)[key] = next;
    }
  }
  return { values, sources };
}

/** Whether a policy's settings may be written on a group whose parent's effective policy is
 * `inherited` (null for the root): a subgroup may tighten, never loosen. */
export function decidePolicyTightens(groupName: string, settings: PolicySettings, inherited: EffectivePolicy | null): Decision {
  if (!inherited) return allow("");
  for (const key of POLICY_KEYS) {
    const own = settings[key];
    if (own === null) continue;
    const parent = inherited.values[key];
    if (!atLeastAsStrict(key, own as never, parent as never)) {
      const from = inherited.sources[key]?.groupName ?? "the default";
      return deny(`${groupName} may only tighten what it inherits: ${describeSetting(key, parent)} (from ${from}).`);
    }
  }
  return allow("");
}

export function describeSetting(key: PolicyKey, value: PolicyValues[PolicyKey] | null): string {
  switch (key) {
    case "twoFactor":
      return `two-factor sign-in ${TWO_FACTOR_LABEL[(value ?? "OFF") as TwoFactorPolicy]}`;
    case "minPasswordLength":
      return `passwords of at least ${value} characters`;
    case "sessionLifetimeHours":
      return value === null ? "sessions without a time limit" : `sessions of at most ${value} hour${value === 1 ? "" : "s"}`;
    case "invitationTtlDays":
      return `invitation links valid ${value} day${value === 1 ? "" : "s"}`;
    case "allowedEmailDomains":
      return value === null ? "invitations to any domain" : `invitations only to ${(value as string[]).map((d) => `@${d}`).join(", ") || "no domain"}`;
    case "tokenLifetimeDays":
      return value === 0 ? "API tokens that may never expire" : `API tokens of at most ${value} day${value === 1 ? "" : "s"}`;
  }
}

/** Who may change a group's policy: "Manage policies" and the group in reach (seed 004: a
 * Group Admin creates policies "for their own group or any of its subgroups"). */
export function decideManagePolicy(actor: Actor, group: GroupFacts): Decision {
  return all(
    () => decideReach(actor, group),
    () => decidePermission(actor, "policies.manage"),
    () => allow(`You may set the policy of ${group.name}, which is within your reach.`),
  );
}

/**
 * A role that reaches only its home subtree may tighten its home group's policy, never
 * loosen what binds it there: each effective value after the change must be at least as
 * strict as before (whoever set it). Loosening it takes someone whose reach is above.
 */
export function decideHomePolicyChange(actor: Actor, group: GroupFacts, before: EffectivePolicy, after: EffectivePolicy): Decision {
  if (actor.role.reach === "ORGANIZATION" || group.id !== actor.group.id) return allow("");
  for (const key of POLICY_KEYS) {
    if (!atLeastAsStrict(key, after.values[key] as never, before.values[key] as never)) {
      return deny(`${group.name} is your home group: you may tighten its policy, not loosen what binds you (${describeSetting(key, before.values[key])}).`);
    }
  }
  return allow("");
}

export function decideViewPolicy(actor: Actor, group: GroupFacts): Decision {
  return all(
    () => decideReach(actor, group),
    () => decidePermission(actor, "policies.view"),
  );
}

/** Whether an address may be invited where these domains are allowed (null: any);
 * `groupName`: the group whose policy sets them. */
export function decideEmailDomain(email: string, allowed: readonly string[] | null, groupName: string): Decision {
  if (allowed === null) return allow("");
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return allowed.includes(domain)
    ? allow("")
    : deny(`${groupName}'s policy allows invitations only to ${allowed.map((d) => `@${d}`).join(", ") || "no domain"}.`);
}

/** Whether a session begun at `startedAt` is still within the organization's lifetime. */
export function decideSessionLifetime(startedAt: Date | null, hours: number | null, now = new Date()): Decision {
  if (hours === null || !startedAt) return allow("");
  return now.getTime() - startedAt.getTime() <= hours * 3_600_000
    ? allow("")
    : deny(`Your organization's policy ends sessions after ${hours} hour${hours === 1 ? "" : "s"}; sign in again.`);
}
