import Link from "next/link";
import { MemberDetail } from "@/components/members/member-detail";
import { requirePageActor } from "@/server/auth/page-actor";

export const metadata = { title: "Member" };

export default async function MemberPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  await requirePageActor(slug, "members.view");
  return (
    <>
      <Link href={`/o/${slug}/members`} className="mb-4 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
        ← Members
      </Link>
      <MemberDetail membershipId={id} />
    </>
  );
}
