// Random custom roles (seed 002) for the consistency and property tests, so that what the
// built-in roles never combine is tried too: ranks between, at and just below the built-in
// ones (fractional), any reach, permission subsets of the catalog (the organization-only
// ones only with organization reach, and a role reaching further than its holder holds at
// least one permission), and resource ceilings that always hold View.
//
// The catalog, the organization-only permissions and the capabilities are written here
// from docs/authority.md, not imported: a test that builds roles from these copies must
// also hold them to server/authz (`catalogCopyDrift`), so that a permission added to the
// catalog and missing here fails the suite instead of never being generated.
import fc from "fast-check";

export const CATALOG = [
  "overview.view",
  "members.view",
  "members.create",
  "members.edit",
  "members.assignRole",
  "members.assignGroup",
  "members.setStatus",
  "members.resetCredentials",
  "members.delete",
  "groups.view",
  "groups.create",
  "groups.edit",
  "groups.delete",
  "teams.manage",
  "resources.create",
  "resources.viewAll",
  "resources.grantAll",
  "roles.view",
  "roles.manage",
  "policies.view",
  "policies.manage",
  "reports.run",
  "restores.manage",
  "data.access",
  "data.migrate",
  "data.export",
  "members.import",
  "tokens.use",
  "audit.view",
  "settings.manage",
] as const;

/** docs/authority.md, "Custom roles": bulk export and import, roles, settings, audit log, see all resources. */
export const ORGANIZATION_ONLY: readonly string[] = [
  "data.export",
  "members.import",
  "roles.manage",
  "settings.manage",
  "audit.view",
  "resources.viewAll",
  "resources.grantAll",
];

export const CAPABILITIES = ["view", "run", "edit", "data", "share", "admin"] as const;

/** The built-in ranks (docs/authority.md, "Built-in roles"), Data Admin's 120 first. */
export const BUILT_IN_RANKS = [120, 110, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10] as const;

export type Reach = "ORGANIZATION" | "SUBTREE" | "SELF";
export type CustomRoleSpec = { name: string; rank: number; reach: Reach; permissions: string[]; ceiling: string[] };

/**
 * What differs between the copies here and the code (empty when they agree). Each file that
 * generates roles from them asserts it is empty.
 */
export function catalogCopyDrift(code: { permissions: readonly string[]; organizationOnly: readonly string[]; capabilities: readonly string[] }): string[] {
  const diff = (name: string, copy: readonly string[], actual: readonly string[]) => [
    ...actual.filter((p) => !copy.includes(p)).map((p) => `${name}: “${p}” is missing from the test's copy`),
    ...copy.filter((p) => !actual.includes(p)).map((p) => `${name}: “${p}” is in the test's copy but not in the code`),
  ];
  return [
    ...diff("permission catalog", CATALOG, code.permissions),
    ...diff("organization-only permissions", ORGANIZATION_ONLY, code.organizationOnly),
    ...diff("capabilities", CAPABILITIES, code.capabilities),
  ];
}

/** Strictly between Data Admin and nothing: at a built-in rank, a hair or a gap's middle below one, or anywhere on a quarter. */
const rankArb = fc.oneof(
  fc.constantFrom(...BUILT_IN_RANKS.slice(1)),
  fc.tuple(fc.constantFrom(...BUILT_IN_RANKS), fc.constantFrom(1e-9, 0.5, 5)).map(([r, d]) => r - d),
  fc.integer({ min: 1, max: 479 }).map((n) => n / 4),
);

const permissionsArb = fc.oneof(
  // Anything.
  fc.subarray([...CATALOG]),
  // A few: often managed by the broad roles.
  fc.subarray([...CATALOG], { maxLength: 3 }),
  // Nearly everything: often managing the others.
  fc.subarray([...CATALOG], { maxLength: 4 }).map((dropped) => CATALOG.filter((p) => !dropped.includes(p))),
);

/** Stored as roles.create stores it: "admin" brings every capability along (catalog order). */
const ceilingArb = fc
  .oneof({ arbitrary: fc.subarray(["run", "edit", "data", "share", "admin"] as const), weight: 3 }, { arbitrary: fc.constant(["admin"] as const), weight: 1 })
  .map((extra): string[] =>
    extra.includes("admin") ? [...CAPABILITIES] : CAPABILITIES.filter((c) => c === "view" || (extra as readonly string[]).includes(c)),
  );

/** A custom role as roles.create would accept it from the owner (rank aside: ties with built-in ranks are tried on purpose). */
export function customRoleArb(name: string): fc.Arbitrary<CustomRoleSpec> {
  return fc
    .record({
      rank: rankArb,
      reach: fc.constantFrom<Reach>("ORGANIZATION", "SUBTREE", "SELF"),
      permissions: permissionsArb,
      /** "View members" is what opens most lists: held more often than a coin toss. */
      viewsMembers: fc.boolean(),
      ceiling: ceilingArb,
    })
    .map(({ rank, reach, permissions, viewsMembers, ceiling }) => {
      let held = viewsMembers && !permissions.includes("members.view") ? [...permissions, "members.view"] : [...permissions];
      if (reach !== "ORGANIZATION") held = held.filter((p) => !ORGANIZATION_ONLY.includes(p));
      if (reach !== "SELF" && !held.length) held = ["overview.view"];
      return { name, rank, reach, permissions: CATALOG.filter((p) => held.includes(p)), ceiling };
    });
}

/** `count` custom roles, named C0, C1... */
export function customRolesArb(count: { minLength?: number; maxLength: number }): fc.Arbitrary<CustomRoleSpec[]> {
  return fc
    .integer({ min: count.minLength ?? 0, max: count.maxLength })
    .chain((n) => (n ? fc.tuple(...Array.from({ length: n }, (_, i) => customRoleArb(`C${i}`))) : fc.constant([])));
}

/** One line per role, for failure messages. */
export function describeRoles(roles: readonly CustomRoleSpec[]): string {
  return roles
    .map((r) => `${r.name}: rank ${r.rank}, ${r.reach}, ceiling ${r.ceiling.join("+")}, holds ${r.permissions.join(" ") || "nothing"}`)
    .join("\n    ");
}
