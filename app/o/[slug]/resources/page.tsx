import { NewResourceButton, ResourcesTable } from "@/components/resources/resources-table";
import { PageHeader } from "@/components/ui";
import { requirePageActor } from "@/server/auth/page-actor";
import { holds } from "@/server/authz";

export const metadata = { title: "Resources" };

export default async function ResourcesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ as?: string }> }) {
  const { slug } = await params;
  const { as } = await searchParams;
  const { actor } = await requirePageActor(slug);
  const seesAll = holds(actor.role, "resources.viewAll");
  return (
    <>
      <PageHeader
        title="Resources"
        description={
          seesAll
            ? `As ${actor.role.name} you see every resource that is not private, and private ones shared with you.`
            : "What you own, and what is shared with you directly, through a team or through your group."
        }
        actions={holds(actor.role, "resources.create") && !as ? <NewResourceButton /> : undefined}
      />
      <ResourcesTable asMembershipId={as} />
    </>
  );
}
