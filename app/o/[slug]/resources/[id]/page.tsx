import Link from "next/link";
import { refusePage } from "@/components/refuse-page";
import { ResourceDetail } from "@/components/resources/resource-detail";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Resource" };

export default async function ResourcePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<{ as?: string; explain?: string }>;
}) {
  const { slug, id } = await params;
  const { as, explain } = await searchParams;
  const query = as ? `?as=${encodeURIComponent(as)}` : explain ? `?explain=${encodeURIComponent(explain)}` : "";
  const path = `/o/${slug}/resources/${encodeURIComponent(id)}${query}`;
  // The viewer's own access decides the page; viewing as someone else is explained in it.
  const resource = await readForPage({ slug, path }, (api) => api.resources.get({ resourceId: id }));
  if (!resource.allowed) return refusePage(slug, resource.reason);
  return (
    <>
      <Link href={`/o/${slug}/resources${as ? `?as=${as}` : ""}`} className="mb-4 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
        ← Resources
      </Link>
      <ResourceDetail resourceId={id} asMembershipId={as} explainMembershipId={as ? undefined : explain} initial={as ? undefined : resource.data} />
    </>
  );
}
