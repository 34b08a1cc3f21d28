"use client";
import { ErrorNotice } from "@/components/error-notice";

/** An unexpected error in a page outside the console. */
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-12">
      <ErrorNotice error={error} reset={reset} home="/" />
    </main>
  );
}
