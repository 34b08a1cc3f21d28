import { ImportTool } from "@/components/import/import-tool";
import { PageHeader } from "@/components/ui";
import { requirePageActor } from "@/server/auth/page-actor";

export const metadata = { title: "Import members" };

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requirePageActor(slug, "members.import");
  return (
    <>
      <PageHeader
        title="Import members"
        description="Create and delete end users, and set the group, status and personal details of any member, from a CSV file. The owner is never disabled or deleted."
      />
      <ImportTool />
    </>
  );
}
