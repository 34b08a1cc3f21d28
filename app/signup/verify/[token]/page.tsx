import { AuthCard } from "@/components/auth-card";
import { VerifySignUp } from "@/components/account/verify-sign-up";

export const metadata = { title: "Create your account" };

export default async function VerifySignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthCard title="Create your account">
      <VerifySignUp token={decodeURIComponent(token)} />
    </AuthCard>
  );
}
