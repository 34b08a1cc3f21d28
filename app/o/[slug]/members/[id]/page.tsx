import Link from "next/link";
import { MemberDetail } from "@/components/members/member-detail";
import { refusePage } from "@/components/refuse-page";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Member" };

export default async function MemberPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const member = await readForPage({ slug, path: `/o/${slug}/members/${encodeURIComponent(id)}` }, (api) => api.members.get({ membershipId: id }));
  if (!member.allowed) return refusePage(slug, member.reason);
  return (
    <>
      <Link href={`/o/${slug}/members`} className="mb-4 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
        ← Members
      </Link>
      <MemberDetail membershipId={id} initial={member.data} />
    </>
  );
}
