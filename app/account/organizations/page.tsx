import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { BackToConsole } from "@/components/back-to-console";
import { MyOrganizations } from "@/components/account/my-organizations";
import { viewerForPage } from "@/server/trpc/server";

export const metadata = { title: "Your organizations" };

export default async function OrganizationsPage() {
  const viewer = await viewerForPage("/account/organizations");
  if (viewer.mustChangePassword) redirect("/account/password");
  return (
    <AuthCard title="Your organizations" subtitle={`The organizations ${viewer.email} belongs to.`}>
      <MyOrganizations />
      <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
        <BackToConsole />
      </div>
    </AuthCard>
  );
}
