import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { ChangePasswordForm } from "@/components/change-password-form";
import { getViewer } from "@/server/auth/viewer";

export const metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/account/password");
  return (
    <AuthCard
      title="Change your password"
      subtitle={viewer.mustChangePassword ? "You signed in with a one-time password. Choose your own to continue." : `Signed in as ${viewer.email}.`}
    >
      <ChangePasswordForm email={viewer.email} />
    </AuthCard>
  );
}
