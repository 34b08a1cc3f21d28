import { InvitePeopleButton } from "@/components/invitations/invite-people";
import { AddMemberButton } from "@/components/members/add-member";
import { MembersTable } from "@/components/members/members-table";
import { refusePage } from "@/components/refuse-page";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await readForPage({ slug, path: `/o/${slug}/members` }, (api) => api.console.members());
  if (!page.allowed) return refusePage(slug, page.reason);
  const { you } = page.data;
  return (
    <>
      <PageHeader
        title="Members"
        description={`You, and the members you see as ${you.role.name}: ${
          you.role.reach === "ORGANIZATION" ? "across the organization" : `in ${you.group.name} and its subgroups`
        }, ranked below you. You manage those holding no power you lack; the others are view only.`}
        actions={
          <div className="flex gap-2">
            <InvitePeopleButton label="Invite by email" variant="secondary" canManageTeams={you.role.permissions.includes("teams.manage")} />
            <AddMemberButton />
          </div>
        }
      />
      <MembersTable />
    </>
  );
}
