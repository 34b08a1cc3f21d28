import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { SignUpForm } from "@/components/account/sign-up-form";
import { Alert } from "@/components/ui";
import { getDb } from "@/server/db";
import { isSetupDone } from "@/server/services/setup";
import { serverApi } from "@/server/trpc/server";

export const metadata = { title: "Create an account" };

export default async function SignUpPage() {
  const db = getDb();
  if (!(await isSetupDone(db))) redirect("/setup");
  const api = await serverApi(null);
  // Signed in already: the account exists; what comes next is an organization.
  if (await api.account.me().catch(() => null)) redirect("/");
  const status = await api.signUp.status();
  if (!status.open) {
    return (
      <AuthCard title="Create an account">
        <div className="space-y-4">
          <Alert tone="info">{status.reason}</Alert>
          <Link href="/signin" className="text-sm font-medium text-indigo-600 hover:underline">
            Back to sign in
          </Link>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Create an account" subtitle="Sign up, confirm your email address, then create your organization.">
      <SignUpForm />
    </AuthCard>
  );
}
