import { InvitationsTable } from "@/components/invitations/invitations-table";
import { InvitePeopleButton } from "@/components/invitations/invite-people";
import { refusePage } from "@/components/refuse-page";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Invitations" };

export default async function InvitationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await readForPage({ slug, path: `/o/${slug}/invitations` }, (api) => api.console.invitations());
  if (!page.allowed) return refusePage(slug, page.reason);
  const { you } = page.data;
  return (
    <>
      <PageHeader
        title="Invitations"
        description={`People invited by email${you.role.reach === "ORGANIZATION" ? "" : ` to ${you.group.name} and its subgroups`}. Links expire; resending sends a new link and the old one stops working.`}
        actions={<InvitePeopleButton canManageTeams={you.role.permissions.includes("teams.manage")} />}
      />
      <InvitationsTable />
    </>
  );
}
