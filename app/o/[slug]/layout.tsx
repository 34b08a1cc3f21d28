import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/console-shell";
import { OrganizationRefused } from "@/components/organization-refused";
import { earlyPaletteKeySource } from "@/components/palette-key";
import { cspNonce } from "@/server/http/csp-nonce";
import { noteConsoleLayout } from "@/server/trpc/page-refusal";
import { readShell } from "@/server/trpc/server";

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  // Before anything is awaited: a page refused in this request then shows the forbidden page
  // rendered with this layout (components/refuse-page.tsx).
  noteConsoleLayout();
  const { slug } = await params;
  const shell = await readShell(slug);
  // Signed out: the page sends the person to sign in, and back to that very page.
  if (!shell) return children;
  if (shell.refused !== null)
    return (
      <OrganizationRefused
        slug={slug}
        reason={shell.refused}
        organizations={shell.organizations}
        mayCreateOrganization={shell.mayCreateOrganization}
        isOperator={shell.isOperator}
      />
    );
  return (
    <>
      {/* Keeps a Ctrl+K pressed before the palette hydrates (components/palette-key.ts). */}
      <script nonce={await cspNonce()} dangerouslySetInnerHTML={{ __html: earlyPaletteKeySource }} />
      <ConsoleShell
        organization={shell.organization}
        organizations={shell.organizations}
        viewer={{ ...shell.viewer, role: shell.you.role.name }}
        permissions={shell.you.role.permissions}
        mayCreateOrganization={shell.mayCreateOrganization}
        isOperator={shell.isOperator}
      >
        {children}
      </ConsoleShell>
    </>
  );
}
