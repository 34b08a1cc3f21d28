import { InvitationsTable } from "@/components/invitations/invitations-table";
import { InvitePeopleButton } from "@/components/invitations/invite-people";
import { PageHeader } from "@/components/ui";
import { requirePageActor } from "@/server/auth/page-actor";
import { holds } from "@/server/authz";

export const metadata = { title: "Invitations" };

export default async function InvitationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageActor(slug, "members.create");
  return (
    <>
      <PageHeader
        title="Invitations"
        description={`People invited by email${actor.role.reach === "ORGANIZATION" ? "" : ` to ${actor.group.name} and its subgroups`}. Links expire; resending sends a new link and the old one stops working.`}
        actions={<InvitePeopleButton canManageTeams={holds(actor.role, "teams.manage")} />}
      />
      <InvitationsTable />
    </>
  );
}
