"use client";
import { BackToStart } from "./forbidden";
import { Button, Card, PageHeader } from "./ui";

/** What an error boundary shows: no internal text (the server logged it under the digest),
 * a way to try again and a way back. */
export function ErrorNotice({ error, reset, home }: { error: Error & { digest?: string }; reset: () => void; home: string }) {
  return (
    <>
      <PageHeader title="Something went wrong" description="500 · An error on our side" />
      <Card className="max-w-2xl">
        <p className="text-sm text-slate-900">This page could not be shown. Nothing you entered was lost on our side; try again.</p>
        {error.digest && (
          <p className="mt-2 text-sm text-slate-500">
            If it keeps happening, give your administrator this reference: <code className="rounded bg-slate-100 px-1">{error.digest}</code>
          </p>
        )}
        <div className="mt-4 flex items-center gap-4">
          <Button onClick={reset}>Try again</Button>
          <BackToStart href={home} className="" />
        </div>
      </Card>
    </>
  );
}
