import { AuthCard } from "@/components/auth-card";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";

export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" subtitle="Enter the email or username of your account and we will email you a link to choose a new password.">
      <ForgotPasswordForm />
    </AuthCard>
  );
}
