import { ExportCards } from "@/components/export/export-cards";
import { refusePage } from "@/components/refuse-page";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Export" };

export default async function ExportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await readForPage({ slug, path: `/o/${slug}/export` }, (api) => api.export.counts());
  if (!page.allowed) return refusePage(slug, page.reason);
  return (
    <>
      <PageHeader
        title="Export"
        description="Download the members, groups and teams of the organization, whatever their rank, and the resources you see with their grants. Each download is recorded in the audit log."
      />
      <ExportCards slug={slug} counts={page.data} />
    </>
  );
}
