import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { BackToConsole } from "@/components/back-to-console";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { viewerForPage } from "@/server/trpc/server";

export const metadata = { title: "Change email address" };

export default async function ChangeEmailPage() {
  const viewer = await viewerForPage("/account/email");
  if (viewer.mustChangePassword) redirect("/account/password");
  return (
    <AuthCard title="Change your email address" subtitle="You sign in with it and receive Steward’s emails at it. The new address must be confirmed.">
      <ChangeEmailForm email={viewer.email} />
      <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
        <BackToConsole />
      </div>
    </AuthCard>
  );
}
