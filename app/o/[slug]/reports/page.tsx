import { refusePage } from "@/components/refuse-page";
import { ReportsPanel } from "@/components/reports/reports-panel";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Reports" };

/** `?group=<id>`: the group the report is run on (else the top of the viewer's reach). */
export default async function ReportsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ group?: string }> }) {
  const { slug } = await params;
  const { group } = await searchParams;
  // The page's gate is the picker's list: "Run reports", as every report procedure asks.
  const page = await readForPage({ slug, path: `/o/${slug}/reports` }, async (api) => ({ groups: await api.reports.groups(), frame: await api.console.you() }));
  if (!page.allowed) return refusePage(slug, page.reason);
  const { groups, frame } = page.data;
  const chosen = groups.find((g) => g.id === group) ?? groups[0];
  return (
    <>
      <PageHeader
        title="Reports"
        description="Members by role and status, two-factor enrollment, sign-ins and invitations of a group and its subgroups: everyone you see there, and nobody else."
      />
      <ReportsPanel slug={slug} groups={groups} initialGroupId={chosen?.id ?? null} canOpenMembers={frame.you.role.permissions.includes("members.view")} />
    </>
  );
}
