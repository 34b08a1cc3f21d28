// Role sets from the seeds other than 004 (whose twelve ranked roles are built in): data an
// organization adds in one step, as custom roles it may edit afterwards. Each role is listed
// highest first; its place among the organization's roles is chosen when the set is added.
import type { Capability } from "./capabilities";
import { ALL_PERMISSIONS, type Permission } from "./permissions";
import type { Reach } from "./roles";

export type RoleSetRole = { name: string; description: string; reach: Reach; permissions: readonly Permission[]; ceiling: readonly Capability[] };
export type RoleSet = { key: string; name: string; source: string; roles: readonly RoleSetRole[] };

const ALL_CAPABILITIES: Capability[] = ["view", "run", "edit", "data", "share", "admin"];
const except = (...excluded: Permission[]) => ALL_PERMISSIONS.filter((p) => !excluded.includes(p));
const MEMBER_ADMINISTRATION: Permission[] = [
  "members.create",
  "members.edit",
  "members.assignRole",
  "members.assignGroup",
  "members.setStatus",
  "members.resetCredentials",
  "members.delete",
];
const LOOK_ONLY: Permission[] = ["overview.view", "members.view", "groups.view", "roles.view", "policies.view", "resources.viewAll", "reports.run"];

export const ROLE_SETS = [
  {
    key: "seed-000",
    name: "Console roles",
    source: "Seed 000: three default user roles, and members who belong only to teams and have no default role.",
    roles: [
      {
        name: "Super Administrator",
        description: "Full access to every object and setting, and creates, edits and removes other members and teams (seed 000).",
        reach: "ORGANIZATION",
        // Everything but the two bulk tools, which seed 004 gives to roles of their own.
        permissions: except("data.export", "members.import"),
        ceiling: ALL_CAPABILITIES,
      },
      {
        name: "Administrator",
        description: "Full access as a Super Administrator, but cannot edit other members and cannot make or restore backups (seed 000).",
        reach: "ORGANIZATION",
        permissions: except(
          "data.export",
          "members.import",
          "roles.manage",
          "resources.grantAll",
          // "No access to API tokens" (seed 000).
          "tokens.use",
          "restores.manage",
          "data.access",
          "data.migrate",
          ...MEMBER_ADMINISTRATION,
        ),
        // Backups are data: no "data" from grants, and so no "admin", which holds it.
        ceiling: ["view", "run", "edit", "share"],
      },
      {
        name: "Read-only",
        description: "Sees everything to monitor activity and failures, and changes nothing (seed 000).",
        reach: "ORGANIZATION",
        permissions: LOOK_ONLY,
        ceiling: ["view"],
      },
      {
        name: "Team member",
        description: "No default role: no Overview, only their own account and what their teams are granted (seed 000).",
        reach: "SELF",
        permissions: [],
        ceiling: ALL_CAPABILITIES,
      },
    ],
  },
  {
    key: "seed-001",
    name: "Access profiles",
    source: "Seed 001: six user types built from the permissions Full Control, Full Access, Create and Modify, Execution, User Admin and View.",
    roles: [
      {
        name: "Root",
        description: "Seed 001's root: Full Control, every permission listed below it.",
        reach: "ORGANIZATION",
        permissions: ALL_PERMISSIONS,
        ceiling: ALL_CAPABILITIES,
      },
      {
        name: "Org Owner",
        description: "Seed 001's owner: Full Access (sees every resource), Create and Modify, Execution and User Admin.",
        reach: "ORGANIZATION",
        permissions: [
          "overview.view",
          "members.view",
          ...MEMBER_ADMINISTRATION,
          "groups.view",
          "teams.manage",
          "resources.create",
          "resources.viewAll",
          "roles.view",
        ],
        ceiling: ALL_CAPABILITIES,
      },
      {
        name: "Org Admin",
        description: "Seed 001's admin: Full Access (sees every resource), Create and Modify (resources and their ACLs) and Execution.",
        reach: "ORGANIZATION",
        permissions: ["overview.view", "resources.create", "resources.viewAll"],
        ceiling: ALL_CAPABILITIES,
      },
      {
        name: "Manager",
        description: "Seed 001's manager: User Admin (adds and deletes members, sets their role), View and Execution.",
        reach: "ORGANIZATION",
        permissions: [
          "overview.view",
          "members.view",
          "members.create",
          "members.edit",
          "members.assignRole",
          "members.setStatus",
          "members.delete",
          "roles.view",
        ],
        ceiling: ["view", "run"],
      },
      {
        name: "Member",
        description: "Seed 001's user: View and Execution on what ACLs give them.",
        reach: "SELF",
        permissions: [],
        ceiling: ["view", "run"],
      },
      {
        name: "Viewer",
        description: "Seed 001's viewer: View on what ACLs give them.",
        reach: "SELF",
        permissions: [],
        ceiling: ["view"],
      },
    ],
  },
] as const satisfies readonly RoleSet[];

export type RoleSetKey = (typeof ROLE_SETS)[number]["key"];
export const ROLE_SET_KEYS = ROLE_SETS.map((s) => s.key) as [RoleSetKey, ...RoleSetKey[]];
