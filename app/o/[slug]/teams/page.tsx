import { TeamsPage } from "@/components/teams/teams-page";
import { PageHeader } from "@/components/ui";
import { requirePageActor } from "@/server/auth/page-actor";
import { holds } from "@/server/authz";

export const metadata = { title: "Teams" };

export default async function Teams({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageActor(slug, "members.view");
  return (
    <>
      <PageHeader
        title="Teams"
        description="Sets of members who receive access to resources together. A member can be in several teams; their access is the sum."
      />
      <TeamsPage canManage={holds(actor.role, "teams.manage")} wholeOrganization={actor.role.reach === "ORGANIZATION"} />
    </>
  );
}
