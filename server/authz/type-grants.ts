// Organization-wide access (seed 000's user groups: "View only" to everything, "Full access"
// on servers, "Create new job"): a grant to a member, a team or a group subtree that covers
// every resource of one type, or of every type, now and later. Pure, like resources.ts:
// `effectiveAccess` counts these grants as paths (type-wide ones carry their scope), and
// resources.sql.ts mirrors them in `visibleResourcesSql` and `suspectsSql`.
//
// Two choices, both in docs/authority.md:
// - A private resource is opened only by a grant on it: organization-wide access never
//   reaches it (privacy is how an owner keeps a resource out of "everything").
// - Rule 4: giving it needs "Grant organization-wide access" and every capability given held
//   on every resource it covers, present and future. Only organization-wide holdings prove
//   that: "See all resources" (View), one's own organization-wide grants covering the scope
//   (after one's ceiling), and ownership of the organization, which holds everything.
import { CAPABILITY_LABELS, type Capability } from "./capabilities";
import { decidePermission, holds, type Actor, type Decision } from "./decision";
import { PERMISSIONS } from "./permissions";
import {
  ALL_TYPES,
  describeCapabilities,
  SCOPED_TYPES,
  normalizeCapabilities,
  RESOURCE_TYPES,
  resourceCeiling,
  scopeCovers,
  withImplied,
  type ReachingGrant,
  type ResourceType,
} from "./resources";

/** One organization-wide grant that reaches a member, as the decisions need it. */
export type TypeGrantFacts = {
  grantId: string;
  /** A resource type key, or "*" for every type. */
  scope: string;
  capabilities: readonly string[];
  mayCreate: boolean;
  via: ReachingGrant["via"];
};

/** What a change sets: capabilities, and whether the principal may create resources of the scope. */
export type TypeGrantTerms = { capabilities: readonly string[]; mayCreate: boolean };

/** "all servers", "all resources". */
export function describeTypeScope(scope: string): string {
  if (scope === ALL_TYPES) return "all resources";
  return `all ${scope in RESOURCE_TYPES ? RESOURCE_TYPES[scope as ResourceType].plural.toLowerCase() : scope}`;
}

/** How an organization-wide grant reads: "Full access to all servers, and may create them". */
export function describeTypeGrant(terms: TypeGrantTerms, scope: string): string {
  const caps = normalizeCapabilities(terms.capabilities);
  const access = caps.length ? `${describeCapabilities(caps)} on ${describeTypeScope(scope)}` : "";
  const create = terms.mayCreate ? `may create ${scope === ALL_TYPES ? "resources of any type" : describeTypeScope(scope).slice(4)}` : "";
  return [access, create].filter(Boolean).join("; ") || "nothing";
}

/** A member as these decisions need them: their role and whether they own the organization. */
type Holder = Pick<Actor, "role" | "isOwner">;

/** What a member holds beyond their role: the organization-wide grants that reach them, and
 * their resource scope (seed 002; empty: all), which hides servers and storages outside it. */
export type TypeHoldings = { typeGrants: readonly TypeGrantFacts[]; scope: readonly string[] };

/**
 * What the member holds on every resource the scope covers that is not private, now and
 * later: the owner everything their ceiling keeps; others View from "See all resources", and
 * what their organization-wide grants covering the scope give ("*" covers every type), after
 * their role's ceiling as `effectiveAccess` applies it. A member whose resource scope limits
 * servers and storages sees only some of them, so holds nothing on all of them (rule 7: the
 * scope filters everything afterwards).
 */
export function heldTypeWide(member: Holder, holdings: TypeHoldings, scope: string): Capability[] {
  if (holdings.scope.length && (scope === ALL_TYPES || (SCOPED_TYPES as readonly string[]).includes(scope))) return [];
  const ceiling = resourceCeiling(member.role);
  if (member.isOwner) return [...ceiling];
  const given: string[] = holds(member.role, "resources.viewAll") ? ["view"] : [];
  for (const g of holdings.typeGrants) if (g.scope === ALL_TYPES || g.scope === scope) given.push(...withImplied(g.capabilities));
  return withImplied(given).filter((c) => ceiling.includes(c));
}

/** Whether the member may create every type the scope covers: "Create resources", or an
 * organization-wide grant that lets them create that scope (or every type). */
export function mayCreateScope(member: Holder, reaching: readonly TypeGrantFacts[], scope: string): boolean {
  return holds(member.role, "resources.create") || reaching.some((g) => g.mayCreate && (g.scope === ALL_TYPES || g.scope === scope));
}

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string): Decision => ({ allowed: false, reason, code: "FORBIDDEN" });

/**
 * Rule 4 for organization-wide access: "Grant organization-wide access", a role that reaches
 * the whole organization, and nothing given, changed or removed beyond what the actor holds on
 * every resource the scope covers (`heldTypeWide`); "may create" only by someone who may
 * create them. The same decision screens side paths: joining a team or group that holds such
 * a grant gives it (side-paths.ts).
 */
export function decideTypeGrantChange(
  actor: Actor,
  holdings: TypeHoldings,
  scope: string,
  change: { before?: TypeGrantTerms; after?: TypeGrantTerms },
): Decision {
  const permission = decidePermission(actor, "resources.grantAll");
  if (!permission.allowed) return permission;
  if (actor.role.reach !== "ORGANIZATION") {
    return deny(`Your role ${actor.role.name} does not reach the whole organization, which organization-wide access covers.`);
  }
  const held = heldTypeWide(actor, holdings, scope);
  const what = describeTypeScope(scope);
  for (const [terms, verb] of [
    [change.after, "give"],
    [change.before, "change or remove access that gives"],
  ] as const) {
    if (!terms) continue;
    const beyond = normalizeCapabilities(terms.capabilities).filter((c) => !held.includes(c));
    if (beyond.length) {
      const yours = held.length ? `you hold ${describeCapabilities(held)} there` : "you hold nothing on all of them";
      return deny(`You cannot ${verb} ${beyond.map((c) => `“${CAPABILITY_LABELS[c]}”`).join(", ")} on ${what}: ${yours}.`);
    }
    if (terms.mayCreate && !mayCreateScope(actor, holdings.typeGrants, scope)) {
      return deny(`You cannot ${verb} the right to create ${what.slice(4)}: you may not create them yourself.`);
    }
  }
  if (change.after && !normalizeCapabilities(change.after.capabilities).length && !change.after.mayCreate) {
    return deny("Choose at least one capability, or let them create resources.");
  }
  return allow(`You hold what this gives on ${what}.`);
}

/** Who a principal's organization-wide grant came through, in words. */
function viaWords(via: ReachingGrant["via"]): string {
  if (via.kind === "member") return "Your organization-wide access";
  if (via.kind === "team") return `Team ${via.teamName}'s organization-wide access`;
  return `Group ${via.groupName}'s organization-wide access`;
}

/** Creating a resource (rule 8: the creator owns it): "Create resources", or seed 000's
 * "Create new job" option, an organization-wide grant that lets its members create the type. */
export function decideCreateResource(actor: Actor, type: string, reaching: readonly TypeGrantFacts[] = []): Decision {
  if (holds(actor.role, "resources.create")) return allow(`Your role ${actor.role.name} may create resources.`);
  const plural = describeTypeScope(type).slice(4);
  const through = reaching.find((g) => g.mayCreate && scopeCovers(g.scope, type));
  if (through) return allow(`${viaWords(through.via)} lets you create ${plural}.`);
  return deny(
    `Your role ${actor.role.name} does not have “${PERMISSIONS["resources.create"].label}”, and no organization-wide access lets you create ${plural}.`,
  );
}

/** The types a member may create, for the "New resource" form. */
export function creatableTypes(actor: Pick<Actor, "role" | "isOwner">, reaching: readonly TypeGrantFacts[]): ResourceType[] {
  return (Object.keys(RESOURCE_TYPES) as ResourceType[]).filter((t) => mayCreateScope(actor, reaching, t));
}
