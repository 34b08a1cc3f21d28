import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/console-shell";
import { requirePageActor } from "@/server/auth/page-actor";
import { getDb } from "@/server/db";
import { listMyOrganizations } from "@/server/services/account";

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { viewer, actor } = await requirePageActor(slug);
  const organizations = await listMyOrganizations(getDb(), viewer.userId);
  return (
    <ConsoleShell
      organization={{ slug: actor.organizationSlug, name: actor.organizationName }}
      organizations={organizations}
      viewer={{ name: viewer.name, email: viewer.email, role: actor.role.name }}
      permissions={[...actor.role.permissions]}
    >
      {children}
    </ConsoleShell>
  );
}
