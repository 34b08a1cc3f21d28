"use client";
import "./globals.css";
import { ErrorNotice } from "@/components/error-notice";

/** An error in the root layout itself: the page's frame is gone, so this brings its own. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <main className="mx-auto max-w-3xl px-4 py-12">
          <ErrorNotice error={error} reset={reset} home="/" />
        </main>
      </body>
    </html>
  );
}
