// The twelve built-in roles of seed 004, highest rank first. They are stored per
// organization (so memberships reference a row) but defined here and never edited.
import { ALL_PERMISSIONS, type Permission } from "./permissions";

export type Reach = "ORGANIZATION" | "SUBTREE" | "SELF";

export type RoleDefinition = {
  key: string;
  name: string;
  rank: number;
  reach: Reach;
  permissions: readonly Permission[];
  description: string;
};

const allExcept = (...excluded: Permission[]) => ALL_PERMISSIONS.filter((p) => !excluded.includes(p));

/** Tools and organization-wide settings make no sense inside a subtree: the built-in subtree
 * roles lack them, and custom roles of a narrower reach may not hold them (custom-roles.ts). */
export const ORGANIZATION_ONLY: Permission[] = [
  "data.export",
  "members.import",
  "roles.manage",
  "settings.manage",
  "audit.view",
  "resources.viewAll",
  "resources.grantAll",
];
const DATA_POWERS: Permission[] = ["data.access", "data.migrate"];
const TECHNICIAN: Permission[] = [
  "overview.view",
  "members.view",
  "members.create",
  "members.edit",
  "groups.view",
  "groups.create",
  "groups.edit",
  "restores.manage",
  "reports.run",
];
const RESTORER: Permission[] = ["overview.view", "members.view", "restores.manage", "reports.run"];

export const BUILT_IN_ROLES = [
  {
    key: "data_admin",
    name: "Data Admin",
    rank: 120,
    reach: "ORGANIZATION",
    permissions: ALL_PERMISSIONS,
    description: "Everything, including other members' data and data migration, across the organization.",
  },
  {
    key: "admin",
    name: "Admin",
    rank: 110,
    reach: "ORGANIZATION",
    // Seed 000: the Administrator has "no access to API tokens".
    permissions: allExcept(...DATA_POWERS, "data.export", "members.import", "tokens.use"),
    description: "Manages groups and lower-ranked members (not those holding powers it lacks, such as Group Data Admins), policies and reports.",
  },
  {
    key: "support",
    name: "Support",
    rank: 100,
    reach: "ORGANIZATION",
    permissions: ["overview.view", "members.view", "groups.view", "roles.view", "policies.view", "reports.run"],
    description: "Views groups, members and policies, and runs reports, to investigate end-user issues.",
  },
  {
    key: "support_restore",
    name: "Support Restore",
    rank: 90,
    reach: "ORGANIZATION",
    permissions: RESTORER,
    description: "Manages restores for lower-ranked members and runs reports.",
  },
  {
    key: "support_technician",
    name: "Support Technician",
    rank: 80,
    reach: "ORGANIZATION",
    permissions: TECHNICIAN,
    description: "Manages groups, members (creates them as User, edits basic info but not group or role) and restores; cannot delete groups or members.",
  },
  {
    key: "bulk_exporter",
    name: "Bulk Exporter",
    rank: 70,
    reach: "ORGANIZATION",
    permissions: ["data.export", "tokens.use"],
    description: "Only the export tool: exports the data of any member.",
  },
  {
    key: "bulk_importer",
    name: "Bulk Importer",
    rank: 60,
    reach: "ORGANIZATION",
    permissions: ["members.import", "tokens.use"],
    description: "Only the import tool: creates and deletes end users, sets the group, status and personal information of any member regardless of rank.",
  },
  {
    key: "group_data_admin",
    name: "Group Data Admin",
    rank: 50,
    reach: "SUBTREE",
    permissions: allExcept(...ORGANIZATION_ONLY),
    description: "As Data Admin, inside their home group's subtree.",
  },
  {
    key: "group_admin",
    name: "Group Admin",
    rank: 40,
    reach: "SUBTREE",
    permissions: allExcept(...ORGANIZATION_ONLY, ...DATA_POWERS, "tokens.use"),
    description: "As Admin, inside their home group's subtree.",
  },
  {
    key: "group_support_restore",
    name: "Group Support Restore",
    rank: 30,
    reach: "SUBTREE",
    permissions: RESTORER,
    description: "Manages restores for lower-ranked members in their subtree and runs the restore report.",
  },
  {
    key: "group_support_technician",
    name: "Group Support Technician",
    rank: 20,
    reach: "SUBTREE",
    permissions: TECHNICIAN,
    description: "As Support Technician, inside their home group's subtree.",
  },
  {
    key: "user",
    name: "User",
    rank: 10,
    reach: "SELF",
    permissions: [],
    description: "An end user: their own account, their own resources and what grants give them.",
  },
] as const satisfies readonly RoleDefinition[];

export type BuiltInRoleKey = (typeof BUILT_IN_ROLES)[number]["key"];

export const OWNER_ROLE_KEY: BuiltInRoleKey = "data_admin";
export const END_USER_ROLE_KEY: BuiltInRoleKey = "user";

export function builtInRole(key: BuiltInRoleKey): RoleDefinition {
  const role = BUILT_IN_ROLES.find((r) => r.key === key);
  if (!role) throw new Error(`Unknown built-in role ${key}`);
  return role;
}
