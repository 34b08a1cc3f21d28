import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { BackToConsole } from "@/components/back-to-console";
import { NotificationSettings } from "@/components/account/notification-settings";
import { viewerForPage } from "@/server/trpc/server";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const viewer = await viewerForPage("/account/notifications");
  if (viewer.mustChangePassword) redirect("/account/password");
  return (
    <AuthCard title="Email notifications" subtitle={`Events of the resources on your access list, emailed to ${viewer.email}.`}>
      <NotificationSettings />
      <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
        <BackToConsole />
      </div>
    </AuthCard>
  );
}
