// The console's pages and the permission each needs: the sidebar lists, and the command
// palette offers, only those the viewer's role opens (the pages themselves decide again).
import type { Permission } from "@/server/authz/permissions";

export type ConsolePage = { href: string; label: string };

const NAV: Array<ConsolePage & { permission: Permission | null }> = [
  { href: "", label: "Overview", permission: "overview.view" },
  { href: "/members", label: "Members", permission: "members.view" },
  { href: "/invitations", label: "Invitations", permission: "members.create" },
  { href: "/groups", label: "Groups", permission: "groups.view" },
  { href: "/teams", label: "Teams", permission: "members.view" },
  { href: "/resources", label: "Resources", permission: null },
  { href: "/access", label: "Org-wide access", permission: "resources.grantAll" },
  { href: "/activity", label: "Activity", permission: null },
  { href: "/reports", label: "Reports", permission: "reports.run" },
  { href: "/roles", label: "Roles", permission: "roles.view" },
  { href: "/import", label: "Import", permission: "members.import" },
  { href: "/export", label: "Export", permission: "data.export" },
  { href: "/settings", label: "Settings", permission: "settings.manage" },
  { href: "/email", label: "Outbox", permission: "settings.manage" },
  { href: "/audit", label: "Audit log", permission: "audit.view" },
  { href: "/tokens", label: "API tokens", permission: "tokens.use" },
  { href: "/api", label: "API reference", permission: "tokens.use" },
];

/** The pages a role with these permissions opens, in the sidebar's order; `href` is relative
 * to the organization's /o/[slug]. */
export function consoleNav(permissions: readonly string[]): ConsolePage[] {
  return NAV.filter((n) => n.permission === null || permissions.includes(n.permission)).map(({ href, label }) => ({ href, label }));
}
