import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { BackToConsole } from "@/components/back-to-console";
import { TwoFactorSettings } from "@/components/two-factor-settings";
import { Alert } from "@/components/ui";
import { viewerForPage } from "@/server/trpc/server";

export const metadata = { title: "Two-factor sign-in" };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const { required } = await searchParams;
  const viewer = await viewerForPage(required ? `/account/security?required=${encodeURIComponent(required)}` : "/account/security");
  if (viewer.mustChangePassword) redirect("/account/password");
  return (
    <AuthCard title="Two-factor sign-in" subtitle={`A code from an authenticator app, asked after the password of ${viewer.email}.`}>
      {required && !viewer.hasTwoFactor && (
        <div className="mb-4">
          <Alert tone="info">Your organization requires two-factor sign-in. Set it up to continue.</Alert>
        </div>
      )}
      <TwoFactorSettings />
      <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
        <BackToConsole />
      </div>
    </AuthCard>
  );
}
