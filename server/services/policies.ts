// Group policies from the database: the chain of policies above a group, the effective
// policy of a group or a member, and the policy editor's read and write. The rules
// (strictest wins, subgroups only tighten, who may change them) are server/authz/policies.ts.
import {
  decideEmailDomain,
  decideHomePolicyChange,
  decideManagePolicy,
  decidePolicyTightens,
  decideTwoFactorRequired,
  decideViewPolicy,
  effectivePolicy,
  POLICY_KEYS,
  type EffectivePolicy,
  type GroupPolicyLink,
  type PolicySettings,
  type PolicyValues,
  chainIds,
} from "../authz";
import type { Db, Tx } from "../db";
import { toGroupFacts, type ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, notFound, StewardError } from "./errors";

type PolicyRow = {
  twoFactor: PolicySettings["twoFactor"];
  minPasswordLength: number | null;
  sessionLifetimeHours: number | null;
  invitationTtlDays: number | null;
  allowedEmailDomains: string[];
  restrictsEmailDomains: boolean;
  tokenLifetimeDays: number | null;
};

export const NO_SETTINGS: PolicySettings = {
  twoFactor: null,
  minPasswordLength: null,
  sessionLifetimeHours: null,
  invitationTtlDays: null,
  allowedEmailDomains: null,
  tokenLifetimeDays: null,
};

export function toSettings(row: PolicyRow | null | undefined): PolicySettings {
  if (!row) return NO_SETTINGS;
  return {
    twoFactor: row.twoFactor,
    minPasswordLength: row.minPasswordLength,
    sessionLifetimeHours: row.sessionLifetimeHours,
    invitationTtlDays: row.invitationTtlDays,
    allowedEmailDomains: row.restrictsEmailDomains ? row.allowedEmailDomains : null,
    tokenLifetimeDays: row.tokenLifetimeDays,
  };
}

export type GroupWithPolicy = { id: string; name: string; policy: PolicyRow | null };

/** The groups on these paths with their policies, by id, in one query (none for no path);
 * `organizationId`, when given, keeps to that organization. */
async function groupsOnPaths(db: Db | Tx, paths: string[], organizationId?: string): Promise<Map<string, GroupWithPolicy>> {
  const wanted = [...new Set(paths.flatMap(chainIds))];
  if (!wanted.length) return new Map();
  const groups = await db.group.findMany({
    where: { id: { in: wanted }, ...(organizationId ? { organizationId } : {}) },
    select: { id: true, name: true, policy: true },
  });
  return new Map(groups.map((g) => [g.id, g]));
}

/** The chain of a group path for `effectivePolicy`, root first, from groups read by `groupsOnPaths`. */
export function chainOf(path: string, groups: Map<string, GroupWithPolicy>): GroupPolicyLink[] {
  return chainIds(path).flatMap((id) => {
    const g = groups.get(id);
    return g ? [{ groupId: g.id, groupName: g.name, settings: toSettings(g.policy) }] : [];
  });
}

/** The policies along a group path ("/root/.../group/"), root first, in one query. */
export async function policyChain(db: Db | Tx, path: string): Promise<GroupPolicyLink[]> {
  return chainOf(path, await groupsOnPaths(db, [path]));
}

/** The effective policy of the members whose home group has this path. */
export async function effectivePolicyAt(db: Db | Tx, path: string): Promise<EffectivePolicy> {
  return effectivePolicy(await policyChain(db, path));
}

/** The effective policy values of many home groups of one organization, in one query. */
export async function effectivePoliciesOfPaths(db: Db | Tx, organizationId: string, paths: string[]): Promise<Map<string, PolicyValues>> {
  const groups = await groupsOnPaths(db, paths, organizationId);
  return new Map([...new Set(paths)].map((path) => [path, effectivePolicy(chainOf(path, groups)).values]));
}

/**
 * The password length an account must have: the longest minimum among the effective
 * policies of its active memberships (open organizations only), or the default. Every
 * membership's chain is read at once, so sign-in costs the same however many organizations.
 */
export async function requiredPasswordLength(db: Db | Tx, userId: string): Promise<{ length: number; organization: string | null }> {
  const memberships = await db.membership.findMany({
    where: { userId, status: "ACTIVE", organization: { deletedAt: null } },
    select: { organization: { select: { name: true } }, group: { select: { path: true } } },
  });
  const groups = await groupsOnPaths(
    db,
    memberships.map((m) => m.group.path),
  );
  let best = { length: effectivePolicy([]).values.minPasswordLength, organization: null as string | null };
  for (const m of memberships) {
    const { minPasswordLength } = effectivePolicy(chainOf(m.group.path, groups)).values;
    if (minPasswordLength > best.length) best = { length: minPasswordLength, organization: m.organization.name };
  }
  return best;
}

/** Refuses a new password shorter than the account's policies ask. */
export function enforcePasswordLength(password: string, required: { length: number; organization: string | null }) {
  if (password.length < required.length) {
    throw new StewardError(
      "BAD_REQUEST",
      `${required.organization ? `${required.organization}'s policy asks for` : "Use"} at least ${required.length} characters.`,
    );
  }
}

/** Refuses to add a member (directly or by import) whose address is outside the domains the group's effective policy allows. */
export function enforceEmailDomain(policy: EffectivePolicy, actor: ActorContext, group: { name: string }, email: string) {
  enforce(decideEmailDomain(email, policy.values.allowedEmailDomains, policy.sources.allowedEmailDomains?.groupName ?? group.name), "Group", actor);
}

async function loadGroup(db: Db | Tx, actor: ActorContext, groupId: string) {
  const group = await db.group.findFirst({ where: { id: groupId, organizationId: actor.organizationId }, include: { policy: true } });
  if (!group) throw notFound("Group", actor);
  return group;
}

/** A group's own settings, what it inherits from above, and the result, with each value's source. */
export async function readGroupPolicy(db: Db, actor: ActorContext, groupId: string) {
  const group = await loadGroup(db, actor, groupId);
  enforce(decideViewPolicy(actor, toGroupFacts(group)), "Group", actor);
  const chain = await policyChain(db, group.path);
  const inherited = group.parentId ? effectivePolicy(chain.slice(0, -1)) : null;
  return {
    group: { id: group.id, name: group.name, isRoot: group.parentId === null },
    own: toSettings(group.policy),
    inherited,
    effective: effectivePolicy(chain),
    canManage: decideManagePolicy(actor, toGroupFacts(group)).allowed,
  };
}

const sameSettings = (a: PolicySettings, b: PolicySettings) => POLICY_KEYS.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));

/**
 * Replaces a group's policy. A subgroup may tighten what it inherits, never loosen it.
 * Whoever would be bound by a two-factor requirement they set must already use two-factor
 * sign-in (as on GitHub), or they would lock themselves out of the page that undoes it.
 */
export async function setGroupPolicy(db: Db, actor: ActorContext & { hasTwoFactor: boolean }, groupId: string, settings: PolicySettings) {
  return db.$transaction(async (tx) => {
    const group = await loadGroup(tx, actor, groupId);
    enforce(decideManagePolicy(actor, toGroupFacts(group)), "Group", actor);
    const before = toSettings(group.policy);
    if (sameSettings(before, settings)) return { changed: false };
    const chain = await policyChain(tx, group.path);
    const inherited = group.parentId ? effectivePolicy(chain.slice(0, -1)) : null;
    enforce(decidePolicyTightens(group.name, settings, inherited), "Group", actor);
    const replaced = (links: GroupPolicyLink[]) => links.map((link) => (link.groupId === group.id ? { ...link, settings } : link));
    enforce(decideHomePolicyChange(actor, toGroupFacts(group), effectivePolicy(chain), effectivePolicy(replaced(chain))), "Group", actor);
    if (!actor.hasTwoFactor && actor.group.path.startsWith(group.path)) {
      const mine = effectivePolicy((await policyChain(tx, actor.group.path)).map((link) => (link.groupId === group.id ? { ...link, settings } : link)));
      if (decideTwoFactorRequired(mine.values.twoFactor, actor.role).allowed) {
        throw new StewardError("BAD_REQUEST", "Set up two-factor sign-in for yourself (under 2FA) before requiring it of your own group.");
      }
    }
    const data = {
      twoFactor: settings.twoFactor,
      minPasswordLength: settings.minPasswordLength,
      sessionLifetimeHours: settings.sessionLifetimeHours,
      invitationTtlDays: settings.invitationTtlDays,
      allowedEmailDomains: settings.allowedEmailDomains ?? [],
      restrictsEmailDomains: settings.allowedEmailDomains !== null,
      tokenLifetimeDays: settings.tokenLifetimeDays,
    };
    await tx.groupPolicy.upsert({ where: { groupId: group.id }, create: { groupId: group.id, organizationId: actor.organizationId, ...data }, update: data });
    await auditBy(tx, actor, {
      action: "group.setPolicy",
      targetType: "Group",
      targetId: group.id,
      before: { name: group.name, ...before },
      after: { name: group.name, ...settings },
    });
    return { changed: true };
  });
}
