import { SettingsForm } from "@/components/settings-form";
import { PageHeader } from "@/components/ui";
import { requirePageActor } from "@/server/auth/page-actor";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageActor(slug, "settings.manage");
  return (
    <>
      <PageHeader title="Settings" description={`How ${actor.organizationName} works for everyone in it.`} />
      <SettingsForm />
    </>
  );
}
