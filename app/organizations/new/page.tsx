import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { BackToConsole } from "@/components/back-to-console";
import { CreateOrganizationForm } from "@/components/create-organization-form";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  const read = await readForPage({ slug: null, path: "/organizations/new" }, (api) => Promise.all([api.account.me(), api.instance.creation()]));
  if (!read.allowed) throw new Error(read.reason); // authedProcedure refuses only the signed-out
  const [viewer, creation] = read.data;
  if (viewer.mustChangePassword) redirect("/account/password");
  return (
    <AuthCard
      title={creation.allowed ? "Create an organization" : "You can’t create an organization"}
      subtitle={creation.allowed ? `You, ${viewer.email}, will be its owner, with the Data Admin role.` : undefined}
    >
      {creation.allowed ? <CreateOrganizationForm /> : <p className="text-sm text-slate-900">{creation.reason}</p>}
      <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
        <BackToConsole />
      </div>
    </AuthCard>
  );
}
