import { notFound } from "next/navigation";
import { OutboxTable } from "@/components/email/outbox-table";
import { PageHeader } from "@/components/ui";
import { requirePageActor } from "@/server/auth/page-actor";
import { holds } from "@/server/authz";

export const metadata = { title: "Email" };

export default async function EmailPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageActor(slug);
  if (!holds(actor.role, "settings.manage")) notFound();
  return (
    <>
      <PageHeader
        title="Email"
        description="Every email sent for this organization: invitations and notices. Failed deliveries are retried with growing waits; the last error shows here."
      />
      <OutboxTable />
    </>
  );
}
