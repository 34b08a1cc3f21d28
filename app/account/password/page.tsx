import { AuthCard } from "@/components/auth-card";
import { BackToConsole } from "@/components/back-to-console";
import { ChangePasswordForm } from "@/components/change-password-form";
import { SignOutButton } from "@/components/sign-out-button";
import { viewerForPage } from "@/server/trpc/server";

export const metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const viewer = await viewerForPage("/account/password");
  return (
    <AuthCard
      title="Change your password"
      subtitle={viewer.mustChangePassword ? "You signed in with a one-time password. Choose your own to continue." : `Signed in as ${viewer.email}.`}
    >
      <ChangePasswordForm email={viewer.email} />
      <div className="mt-4 flex items-center justify-between border-t border-slate-100 pt-4 text-sm">
        {viewer.mustChangePassword ? <span className="text-slate-500">Not you?</span> : <BackToConsole />}
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
