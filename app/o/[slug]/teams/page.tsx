import { refusePage } from "@/components/refuse-page";
import { TeamsPage } from "@/components/teams/teams-page";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Teams" };

export default async function Teams({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await readForPage({ slug, path: `/o/${slug}/teams` }, (api) => api.console.teams());
  if (!page.allowed) return refusePage(slug, page.reason);
  const { you } = page.data;
  return (
    <>
      <PageHeader
        title="Teams"
        description="Sets of members who receive access to resources together. A member can be in several teams; their access is the sum."
      />
      <TeamsPage canManage={you.role.permissions.includes("teams.manage")} wholeOrganization={you.role.reach === "ORGANIZATION"} />
    </>
  );
}
