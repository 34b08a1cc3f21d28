import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/console-shell";
import { readShell } from "@/server/trpc/server";

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const shell = await readShell(slug);
  // Signed out: the page sends the person to sign in, and back to that very page.
  if (!shell) return children;
  return (
    <ConsoleShell
      organization={shell.organization}
      organizations={shell.organizations}
      viewer={{ ...shell.viewer, role: shell.you.role.name }}
      permissions={shell.you.role.permissions}
    >
      {children}
    </ConsoleShell>
  );
}
