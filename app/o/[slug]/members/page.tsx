import { InvitePeopleButton } from "@/components/invitations/invite-people";
import { AddMemberButton } from "@/components/members/add-member";
import { MembersTable } from "@/components/members/members-table";
import { PageHeader } from "@/components/ui";
import { requirePageActor } from "@/server/auth/page-actor";
import { holds } from "@/server/authz";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageActor(slug, "members.view");
  return (
    <>
      <PageHeader
        title="Members"
        description={`You, and the members in your span as ${actor.role.name}: ${
          actor.role.reach === "ORGANIZATION" ? "across the organization" : `in ${actor.group.name} and its subgroups`
        }, ranked below you, holding no power you lack.`}
        actions={
          <div className="flex gap-2">
            <InvitePeopleButton label="Invite by email" variant="secondary" canManageTeams={holds(actor.role, "teams.manage")} />
            <AddMemberButton />
          </div>
        }
      />
      <MembersTable />
    </>
  );
}
