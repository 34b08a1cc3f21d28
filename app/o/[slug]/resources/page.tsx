import { refusePage } from "@/components/refuse-page";
import { NewResourceButton, ResourcesTable } from "@/components/resources/resources-table";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Resources" };

export default async function ResourcesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ as?: string }> }) {
  const { slug } = await params;
  const { as } = await searchParams;
  const path = `/o/${slug}/resources${as ? `?as=${encodeURIComponent(as)}` : ""}`;
  const page = await readForPage({ slug, path }, async (api) => ({ ...(await api.console.you()), creatable: (await api.resources.creatable()).types }));
  if (!page.allowed) return refusePage(slug, page.reason);
  const { you, creatable } = page.data;
  const may = (permission: string) => you.role.permissions.includes(permission);
  return (
    <>
      <PageHeader
        title="Resources"
        description={
          may("resources.viewAll")
            ? `As ${you.role.name} you see every resource that is not private, and private ones shared with you.`
            : "What you own, and what is shared with you directly, through a team, through your group or organization-wide."
        }
        actions={creatable.length && !as ? <NewResourceButton types={creatable} /> : undefined}
      />
      <ResourcesTable asMembershipId={as} />
    </>
  );
}
