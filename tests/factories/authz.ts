// Pure builders of the plain facts server/authz decides on: two organizations' group
// trees, roles from BUILT_IN_ROLES and members. No database, no randomness.
import { BUILT_IN_ROLES, type BuiltInRoleKey, type GroupFacts, type MemberFacts, type Permission, type Reach, type RoleFacts } from "@/server/authz";

export const ACME = "org-acme";
export const GLOBEX = "org-globex";

export type OrgRole = RoleFacts & { organizationId: string };

function group(id: string, name: string, organizationId: string, parent?: GroupFacts): GroupFacts {
  return { id, name, organizationId, path: parent ? `${parent.path}${id}/` : `/${id}/`, parentId: parent?.id ?? null };
}

const acme = group("g-acme", "Acme", ACME);
const sales = group("g-sales", "Sales", ACME, acme);
const emea = group("g-emea", "EMEA", ACME, sales);
const paris = group("g-paris", "Paris", ACME, emea);
const engineering = group("g-engineering", "Engineering", ACME, acme);
const platform = group("g-platform", "Platform", ACME, engineering);
const globex = group("g-globex", "Globex", GLOBEX);
const globexOps = group("g-globex-ops", "Globex Ops", GLOBEX, globex);

/** Acme: Acme > Sales > EMEA > Paris, Acme > Engineering > Platform. Globex: Globex > Globex Ops. */
export const GROUPS = {
  Acme: acme,
  Sales: sales,
  EMEA: emea,
  Paris: paris,
  Engineering: engineering,
  Platform: platform,
  Globex: globex,
  "Globex Ops": globexOps,
} as const satisfies Record<string, GroupFacts>;

export type GroupName = keyof typeof GROUPS;

/** A group of Acme outside the fixed tree, e.g. to probe path-prefix confusions. */
export function extraGroup(id: string, name: string, parent: GroupName): GroupFacts {
  return group(id, name, ACME, GROUPS[parent]);
}

/** The built-in role as stored in an organization (Acme unless told). */
export function role(key: BuiltInRoleKey, organizationId: string = ACME): OrgRole {
  const definition = BUILT_IN_ROLES.find((r) => r.key === key);
  if (!definition) throw new Error(`Unknown built-in role ${key}`);
  const { name, rank, reach, permissions } = definition;
  return { id: `${organizationId}:${key}`, organizationId, name, rank, reach, permissions: [...permissions], builtInKey: key };
}

export function customRole(opts: {
  name: string;
  rank: number;
  reach: Reach;
  permissions: Permission[];
  ceiling?: string[];
  organizationId?: string;
}): OrgRole {
  const organizationId = opts.organizationId ?? ACME;
  return {
    id: `${organizationId}:custom:${opts.name}`,
    organizationId,
    name: opts.name,
    rank: opts.rank,
    reach: opts.reach,
    permissions: opts.permissions,
    ...(opts.ceiling ? { ceiling: opts.ceiling } : {}),
  };
}

/**
 * A member holding a built-in role, at home in the named group (whose organization it
 * joins). The id defaults to role@group: pass `id` when two members share both.
 */
export function member(
  roleKey: BuiltInRoleKey,
  groupName: GroupName,
  opts: { id?: string; name?: string; isOwner?: boolean; role?: OrgRole } = {},
): MemberFacts {
  const home = GROUPS[groupName];
  const memberRole = opts.role ?? role(roleKey, home.organizationId);
  return {
    membershipId: opts.id ?? `${roleKey}@${groupName}`,
    organizationId: home.organizationId,
    name: opts.name ?? `${memberRole.name} of ${groupName}`,
    role: memberRole,
    group: home,
    isOwner: opts.isOwner ?? false,
  };
}
