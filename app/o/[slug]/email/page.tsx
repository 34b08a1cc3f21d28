import { OutboxTable } from "@/components/email/outbox-table";
import { refusePage } from "@/components/refuse-page";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Outbox" };

export default async function EmailPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await readForPage({ slug, path: `/o/${slug}/email` }, (api) => api.console.outbox());
  if (!page.allowed) return refusePage(slug, page.reason);
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email sent for this organization: invitations and notices. Failed deliveries are retried with growing waits; the last error shows here."
      />
      <OutboxTable />
    </>
  );
}
