import { refusePage } from "@/components/refuse-page";
import { SettingsForm } from "@/components/settings-form";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await readForPage({ slug, path: `/o/${slug}/settings` }, (api) => api.console.settings());
  if (!page.allowed) return refusePage(slug, page.reason);
  return (
    <>
      <PageHeader title="Settings" description={`How ${page.data.organization.name} works for everyone in it.`} />
      <SettingsForm />
    </>
  );
}
