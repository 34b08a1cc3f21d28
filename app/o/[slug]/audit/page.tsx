import { AuditLog } from "@/components/audit/audit-log";
import { refusePage } from "@/components/refuse-page";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Audit log" };

/** `?target=<id>`: the events about one member, group or resource (their pages link here). */
export default async function AuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ target?: string }> }) {
  const { slug } = await params;
  const { target } = await searchParams;
  const page = await readForPage({ slug, path: `/o/${slug}/audit` }, (api) => api.audit.options());
  if (!page.allowed) return refusePage(slug, page.reason);
  return (
    <>
      <PageHeader title="Audit log" description="Every change made in this organization: who made it, when, from where, and what it was before." />
      <AuditLog slug={slug} options={page.data} targetId={typeof target === "string" ? target.slice(0, 64) : ""} />
    </>
  );
}
