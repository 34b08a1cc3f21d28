import { notFound } from "next/navigation";
import { ImportTool } from "@/components/import/import-tool";
import { PageHeader } from "@/components/ui";
import { requirePageActor } from "@/server/auth/page-actor";
import { holds } from "@/server/authz";

export const metadata = { title: "Import members" };

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageActor(slug);
  if (!holds(actor.role, "members.import")) notFound();
  return (
    <>
      <PageHeader
        title="Import members"
        description="Create and delete end users, and set the group, status and personal details of any member, from a CSV file. The owner is never changed."
      />
      <ImportTool />
    </>
  );
}
