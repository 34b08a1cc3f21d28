import { notFound } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { SetupForm } from "@/components/setup-form";
import { getDb } from "@/server/db";
import { isSetupDone } from "@/server/services/setup";

export const metadata = { title: "Set up" };

export default async function SetupPage() {
  // Once an organization exists this page is gone for good (the API refuses as well).
  if (await isSetupDone(getDb())) notFound();
  return (
    <AuthCard title="Set up Steward" subtitle="Create your organization and its first administrator. You will own the organization.">
      <SetupForm />
    </AuthCard>
  );
}
