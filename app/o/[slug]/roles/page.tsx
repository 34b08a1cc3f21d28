import { refusePage } from "@/components/refuse-page";
import { RolesPage } from "@/components/roles/roles-page";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Roles" };

export default async function Roles({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ role?: string }> }) {
  const { slug } = await params;
  const { role: selectedId } = await searchParams;
  const path = `/o/${slug}/roles${selectedId ? `?role=${encodeURIComponent(selectedId)}` : ""}`;
  const read = await readForPage({ slug, path }, async (api) => ({ roles: await api.roles.list(), authoring: await api.roles.authoring() }));
  if (!read.allowed) return refusePage(slug, read.reason);
  return <RolesPage slug={slug} selectedId={selectedId ?? null} initial={read.data} />;
}
