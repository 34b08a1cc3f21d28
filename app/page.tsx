import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { SignOutButton } from "@/components/sign-out-button";
import { getViewer } from "@/server/auth/viewer";
import { getDb } from "@/server/db";
import { listMyOrganizations } from "@/server/services/account";
import { isSetupDone } from "@/server/services/setup";

export default async function Home() {
  const db = getDb();
  if (!(await isSetupDone(db))) redirect("/setup");
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  if (viewer.mustChangePassword) redirect("/account/password");
  const [first] = await listMyOrganizations(db, viewer.userId);
  if (first) redirect(`/o/${first.slug}`);
  return (
    <AuthCard title="No organization" subtitle={`${viewer.email} is not an active member of any organization.`}>
      <p className="mb-4 text-sm text-slate-600">Ask an administrator of your organization to invite you or to re-enable your membership.</p>
      <SignOutButton />
    </AuthCard>
  );
}
