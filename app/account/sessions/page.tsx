import { AuthCard } from "@/components/auth-card";
import { BackToConsole } from "@/components/back-to-console";
import { SessionList } from "@/components/session-list";
import { viewerForPage } from "@/server/trpc/server";

export const metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const viewer = await viewerForPage("/account/sessions");
  return (
    <AuthCard title="Where you are signed in" subtitle={`Browsers signed in as ${viewer.email}. End any you do not recognize.`}>
      <SessionList />
      <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
        <BackToConsole />
      </div>
    </AuthCard>
  );
}
