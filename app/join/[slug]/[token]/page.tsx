import { JoinInvitation } from "@/components/invitations/join-invitation";

export const metadata = { title: "Join an organization" };

export default async function JoinPage({ params }: { params: Promise<{ slug: string; token: string }> }) {
  const { slug, token } = await params;
  return <JoinInvitation organization={decodeURIComponent(slug)} token={decodeURIComponent(token)} />;
}
