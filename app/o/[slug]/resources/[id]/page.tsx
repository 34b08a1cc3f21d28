import Link from "next/link";
import { ResourceDetail } from "@/components/resources/resource-detail";
import { requirePageActor } from "@/server/auth/page-actor";

export const metadata = { title: "Resource" };

export default async function ResourcePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<{ as?: string }>;
}) {
  const { slug, id } = await params;
  const { as } = await searchParams;
  await requirePageActor(slug);
  return (
    <>
      <Link href={`/o/${slug}/resources${as ? `?as=${as}` : ""}`} className="mb-4 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
        ← Resources
      </Link>
      <ResourceDetail resourceId={id} asMembershipId={as} />
    </>
  );
}
