import { ImportTool } from "@/components/import/import-tool";
import { refusePage } from "@/components/refuse-page";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Import members" };

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await readForPage({ slug, path: `/o/${slug}/import` }, (api) => api.console.import());
  if (!page.allowed) return refusePage(slug, page.reason);
  return (
    <>
      <PageHeader
        title="Import members"
        description="Create and delete end users, and set the group, status and personal details of any member, from a CSV file: a dry run shows every change first, and nothing is written until you confirm. The owner is never disabled or deleted."
      />
      <ImportTool slug={slug} />
    </>
  );
}
