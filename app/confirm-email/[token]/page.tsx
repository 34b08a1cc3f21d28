import { AuthCard } from "@/components/auth-card";
import { ConfirmEmail } from "@/components/account/confirm-email";

export const metadata = { title: "Confirm your new email address" };

export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthCard title="Confirm your new email address">
      <ConfirmEmail token={decodeURIComponent(token)} />
    </AuthCard>
  );
}
