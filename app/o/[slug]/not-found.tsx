"use client";
import { useParams } from "next/navigation";
import { BackToStart } from "@/components/forbidden";
import { Card, PageHeader } from "@/components/ui";

/** The console's 404, inside its frame: a wrong address, or something outside the viewer's
 * reach, which Steward does not tell apart (rule 3 hides who is out of span). */
export default function OrganizationNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <>
      <PageHeader title="Nothing to see here" description="404 · Not found" />
      <Card className="max-w-2xl">
        <p className="text-sm text-slate-900">There is no page at this address that you can open.</p>
        <p className="mt-2 text-sm text-slate-500">
          The address may be mistyped or out of date, or it names a member, group or resource outside your reach: Steward does not say which, so that nobody
          learns what they may not see.
        </p>
        <BackToStart href={`/o/${slug}`} />
      </Card>
    </>
  );
}
