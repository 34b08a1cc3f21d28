import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { SignOutButton } from "@/components/sign-out-button";
import { getDb } from "@/server/db";
import { isSetupDone } from "@/server/services/setup";
import { viewerForPage } from "@/server/trpc/server";

export default async function Home() {
  if (!(await isSetupDone(getDb()))) redirect("/setup");
  const viewer = await viewerForPage("/");
  if (viewer.mustChangePassword) redirect("/account/password");
  const [first] = viewer.organizations;
  if (first) redirect(`/o/${first.slug}`);
  return (
    <AuthCard title="No organization" subtitle={`${viewer.email} is not an active member of any organization.`}>
      <p className="mb-4 text-sm text-slate-600">Ask an administrator of your organization to invite you or to re-enable your membership.</p>
      <SignOutButton />
    </AuthCard>
  );
}
