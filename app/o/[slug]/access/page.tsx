import { refusePage } from "@/components/refuse-page";
import { OrganizationAccess } from "@/components/resources/organization-access";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Organization-wide access" };

export default async function OrganizationAccessPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // The page's gate is its list: "Grant organization-wide access", as every procedure of it asks.
  const page = await readForPage({ slug, path: `/o/${slug}/access` }, (api) => api.organizationAccess.list({ page: 1, pageSize: 1 }));
  if (!page.allowed) return refusePage(slug, page.reason);
  return (
    <>
      <PageHeader
        title="Organization-wide access"
        description="Access to every resource of a type, or to all of them, for a member, a team or a group: “View only” on everything, say, or “Full access” on servers. Private resources are left out: only a grant on the resource opens it."
      />
      <OrganizationAccess />
    </>
  );
}
