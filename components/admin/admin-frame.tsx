// The operators' console around its sections: who is signed in, the way back to their own
// organizations, and the sections' table of contents.
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "../sign-out-button";
import { ThemeToggle } from "../theme-toggle";

export const ADMIN_SECTIONS = [
  { id: "organizations", label: "Organizations" },
  { id: "operators", label: "Operators" },
  { id: "creation", label: "Creating organizations" },
  { id: "events", label: "Events" },
] as const;

export function AdminFrame({ viewer, children }: { viewer: { name: string; email: string }; children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 pt-3 sm:px-8">
          <div className="flex items-baseline gap-3">
            <p className="text-xs font-semibold tracking-wide text-indigo-600">STEWARD</p>
            <h1 className="text-sm font-semibold text-slate-900">Instance admin</h1>
          </div>
          <div className="flex items-center gap-3">
            <p className="hidden text-right text-xs leading-tight text-slate-500 sm:block">
              <span className="block text-sm font-medium text-slate-900">{viewer.name}</span>
              {viewer.email}
            </p>
            <Link href="/" className="rounded-md px-2.5 py-1.5 text-xs font-medium text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50">
              ← Your organizations
            </Link>
            <SignOutButton className="!px-2.5 !py-1.5 !text-xs" />
            <ThemeToggle />
          </div>
        </div>
        <nav aria-label="Sections" className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 pb-1.5 pt-2 sm:px-6">
          {ADMIN_SECTIONS.map((s) => (
            <a
              key={s.id}
              href={`#${s.id}`}
              className="whitespace-nowrap rounded-md px-2 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              {s.label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl space-y-10 px-4 py-8 sm:px-8">
        {children}
      </main>
    </>
  );
}

/** A section of the console, with the heading its table of contents links to. */
export function AdminSection({ id, title, description, children }: { id: string; title: string; description: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="min-w-0 scroll-mt-32">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <p className="mb-4 mt-1 max-w-3xl text-sm text-slate-500">{description}</p>
      {children}
    </section>
  );
}
