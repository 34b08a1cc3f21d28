import { ActivityPanel } from "@/components/resources/activity-panel";
import { RunsReport } from "@/components/resources/runs-report";
import { PageHeader } from "@/components/ui";
import { requirePageActor } from "@/server/auth/page-actor";

export const metadata = { title: "Activity" };

export default async function ActivityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requirePageActor(slug);
  return (
    <>
      <PageHeader title="Activity" description="Runs, restores and access changes of the resources you see: nothing else is counted or listed." />
      <ActivityPanel report={<RunsReport />} />
    </>
  );
}
