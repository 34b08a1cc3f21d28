import { AuthCard } from "@/components/auth-card";
import { ResetPasswordForm } from "@/components/account/reset-password-form";

export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthCard title="Choose a new password">
      <ResetPasswordForm token={decodeURIComponent(token)} />
    </AuthCard>
  );
}
