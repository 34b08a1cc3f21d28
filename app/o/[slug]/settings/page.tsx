import { notFound } from "next/navigation";
import { SettingsForm } from "@/components/settings-form";
import { PageHeader } from "@/components/ui";
import { requirePageActor } from "@/server/auth/page-actor";
import { holds } from "@/server/authz";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageActor(slug);
  if (!holds(actor.role, "settings.manage")) notFound();
  return (
    <>
      <PageHeader title="Settings" description={`How ${actor.organizationName} works for everyone in it.`} />
      <SettingsForm />
    </>
  );
}
