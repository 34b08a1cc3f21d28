import Link from "next/link";
import { Card, cx, PageHeader } from "./ui";

/** The way back from an error page: the organization's start page, or Steward's. */
export function BackToStart({ href, className = "mt-4 inline-block" }: { href: string; className?: string }) {
  return (
    <Link href={href} className={cx(className, "text-sm font-medium text-indigo-600 hover:text-indigo-500")}>
      ← Back to the start page
    </Link>
  );
}

/** The console's 403: the API refused this page to the viewer, and its reason says why. */
export function Forbidden({ slug, reason }: { slug: string; reason: string }) {
  return (
    <>
      <PageHeader title="You can’t open this page" description="403 · Not allowed" />
      <Card className="max-w-2xl">
        <p className="text-sm text-slate-900">{reason}</p>
        <p className="mt-2 text-sm text-slate-500">
          The pages in the menu are the ones your role opens. If you need this one, ask an administrator of this organization for a role that has it.
        </p>
        <BackToStart href={`/o/${slug}`} />
      </Card>
    </>
  );
}
