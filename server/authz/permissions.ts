// The permission catalog: the one list of what a role may hold. Roles, the permission
// matrix in the UI and every procedure's requirement are typed against it, so a typo is a
// compile error.

export const PERMISSION_AREAS = ["Console", "Members", "Groups", "Teams", "Roles", "Resources", "Policies", "Data", "Tools", "Organization"] as const;
export type PermissionArea = (typeof PERMISSION_AREAS)[number];

type Entry = { area: PermissionArea; label: string; description: string };

export const PERMISSIONS = {
  "overview.view": { area: "Console", label: "View overview", description: "See the organization's overview page." },
  "members.view": { area: "Members", label: "View members", description: "See members in your span and their details." },
  "members.create": {
    area: "Members",
    label: "Create members",
    description: "Create or invite members (with the User role unless you may also assign roles).",
  },
  "members.edit": { area: "Members", label: "Edit member info", description: "Edit name, email and other basic information of members in your span." },
  "members.assignRole": { area: "Members", label: "Assign roles", description: "Change the role of members in your span, to roles ranked below your own." },
  "members.assignGroup": { area: "Members", label: "Assign groups", description: "Move members in your span to another group in your reach." },
  "members.setStatus": { area: "Members", label: "Enable and disable members", description: "Disable or re-enable members in your span." },
  "members.resetCredentials": { area: "Members", label: "Reset credentials", description: "Reset the password or second factor of members in your span." },
  "members.delete": { area: "Members", label: "Delete members", description: "Delete members in your span; their resources are transferred first." },
  "groups.view": { area: "Groups", label: "View groups", description: "See the group tree within your reach." },
  "groups.create": { area: "Groups", label: "Create groups", description: "Create subgroups within your reach." },
  "groups.edit": { area: "Groups", label: "Rename and move groups", description: "Rename groups and move them within your reach." },
  "groups.delete": { area: "Groups", label: "Delete groups", description: "Delete empty groups within your reach." },
  "teams.manage": {
    area: "Teams",
    label: "Manage teams",
    description: "Create, rename and delete teams, and add or remove members in your span (only if you could grant them everything the team holds).",
  },
  "resources.create": {
    area: "Resources",
    label: "Create resources",
    description: "Create servers, storages, jobs and other resources; you own what you create, with Administrator access.",
  },
  "resources.viewAll": {
    area: "Resources",
    label: "See all resources",
    description: "See every resource of the organization that is not private, without a grant.",
  },
  "resources.grantAll": {
    area: "Resources",
    label: "Grant organization-wide access",
    description: "Give members, teams or groups access to every resource of a type, or to all resources, never beyond what you hold on all of them yourself.",
  },
  "roles.view": { area: "Roles", label: "View roles", description: "See built-in and custom roles and their permissions." },
  "roles.manage": { area: "Roles", label: "Manage custom roles", description: "Create, edit and delete custom roles ranked below your own." },
  "policies.view": { area: "Policies", label: "View policies", description: "See policies." },
  "policies.manage": { area: "Policies", label: "Manage policies", description: "Create and edit policies." },
  "reports.run": { area: "Policies", label: "Run reports", description: "Run reports for groups within your reach." },
  "restores.manage": { area: "Data", label: "Manage restores", description: "Restore data for lower-ranked members in your span." },
  "data.access": { area: "Data", label: "Access members' data", description: "Access and take over resources owned by members in your span." },
  "data.migrate": { area: "Data", label: "Migrate data", description: "Migrate members' data between accounts." },
  "data.export": { area: "Tools", label: "Bulk export", description: "Run the export tool for any member's data." },
  "members.import": {
    area: "Tools",
    label: "Bulk import",
    description: "Run the import tool: create and delete end users, set any member's group, status and personal information regardless of rank.",
  },
  "tokens.use": {
    area: "Tools",
    label: "Use API tokens",
    description: "Create personal API tokens that act as you, never beyond your role, for scripts and agents.",
  },
  "audit.view": { area: "Organization", label: "View audit log", description: "See the organization's audit log." },
  "settings.manage": { area: "Organization", label: "Manage organization settings", description: "Rename the organization and change its settings." },
} as const satisfies Record<string, Entry>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
