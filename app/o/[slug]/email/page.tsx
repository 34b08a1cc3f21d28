import { OutboxTable } from "@/components/email/outbox-table";
import { PageHeader } from "@/components/ui";
import { requirePageActor } from "@/server/auth/page-actor";

export const metadata = { title: "Outbox" };

export default async function EmailPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requirePageActor(slug, "settings.manage");
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
