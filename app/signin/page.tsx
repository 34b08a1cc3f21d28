import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { SignInForm } from "@/components/sign-in-form";
import { getDb } from "@/server/db";
import { isSetupDone } from "@/server/services/setup";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (!(await isSetupDone(getDb()))) redirect("/setup");
  const { callbackUrl } = await searchParams;
  // Only local paths: never bounce a fresh session to another site.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <AuthCard title="Sign in" subtitle="Use the email and password of your Steward account.">
      <SignInForm next={next} />
    </AuthCard>
  );
}
