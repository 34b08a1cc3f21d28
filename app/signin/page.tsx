import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { SignInForm } from "@/components/sign-in-form";
import { getDb } from "@/server/db";
import { safeRedirectPath } from "@/server/http/origin";
import { isSetupDone } from "@/server/services/setup";
import { signUpStatus } from "@/server/services/sign-up";

export const metadata = { title: "Sign in" };

/** What a page that sent the person here wants them to know (fixed texts, never echoed input). */
const NOTICES: Record<string, string> = {
  "password-reset": "Your password was changed and every session ended. Sign in with your new password.",
  "email-confirmed": "Your new email address is confirmed. Sign in with it from now on.",
  "signed-up": "Your account is ready. Sign in, then create your organization.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; email?: string; notice?: string }> }) {
  const db = getDb();
  if (!(await isSetupDone(db))) redirect("/setup");
  const { callbackUrl, email, notice } = await searchParams;
  // Only places on Steward: never bounce a fresh session to another site.
  const next = safeRedirectPath(callbackUrl);
  const { open: signUpOpen } = await signUpStatus(db);
  return (
    <AuthCard title="Sign in" subtitle="Use the email and password of your Steward account.">
      <SignInForm next={next} email={email?.slice(0, 254)} notice={notice ? NOTICES[notice] : undefined} signUpOpen={signUpOpen} />
    </AuthCard>
  );
}
