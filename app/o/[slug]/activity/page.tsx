import { refusePage } from "@/components/refuse-page";
import { ActivityPanel } from "@/components/resources/activity-panel";
import { RestoreReport } from "@/components/resources/restore-report";
import { RunsReport } from "@/components/resources/runs-report";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Activity" };

export default async function ActivityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await readForPage({ slug, path: `/o/${slug}/activity` }, (api) => api.console.you());
  if (!page.allowed) return refusePage(slug, page.reason);
  return (
    <>
      <PageHeader title="Activity" description="Runs, restores and access changes of the resources you see: nothing else is counted or listed." />
      <ActivityPanel
        report={
          <>
            <RunsReport />
            {/* The same gate as the report's procedure: "Manage restores". */}
            {page.data.you.role.permissions.includes("restores.manage") && <RestoreReport />}
          </>
        }
      />
    </>
  );
}
