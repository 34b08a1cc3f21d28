"use client";
// The command palette: Ctrl+K (⌘K on a Mac) or the sidebar's Search button, then type to jump
// to a page, member, group or resource. Pages come from the console's navigation; the rest
// from console.search, which finds only what the viewer's lists would show them. cmdk gives
// the combobox and listbox and the arrow keys; the native <dialog> traps focus, closes on
// Escape and hands focus back to whatever opened it, as the console's other dialogs do.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ConsolePage } from "./console-nav";
import { isPaletteKey, takeEarlyPaletteKey } from "./palette-key";
import { errorMessage, useTRPC } from "./trpc";
import { cx } from "./ui";
import { useDebounced } from "./use-debounced";

type Match = { id: string; label: string; detail?: string; href: string };

/** The longest query console.search takes. */
const MAX_QUERY = 100;

export function CommandPalette({
  base,
  pages,
  open,
  onOpenChange,
}: {
  base: string;
  pages: ConsolePage[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);

  // A press before this listened (the page was still hydrating) opens the palette now.
  useEffect(() => {
    if (takeEarlyPaletteKey()) onOpenChange(true);
  }, [onOpenChange]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPaletteKey(e)) return;
      // The browser's own Ctrl+K (its search bar) would take focus out of the page.
      e.preventDefault();
      onOpenChange(!open);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, onOpenChange]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Without an autofocus attribute (React keeps it out of the DOM) Chromium focuses the
      // <dialog> itself; typing should go straight into the search.
      dialog.querySelector("input")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      onClose={() => onOpenChange(false)}
      // A click on the backdrop lands on the <dialog> itself.
      onClick={(e) => e.target === e.currentTarget && onOpenChange(false)}
      aria-label="Quick search"
      className="mx-auto mt-[12vh] mb-auto max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-xl overflow-hidden rounded-lg bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200"
    >
      {open && <Palette base={base} pages={pages} onClose={() => onOpenChange(false)} />}
    </dialog>
  );
}

/** The palette's content, mounted while it is open: each opening starts from an empty query. */
function Palette({ base, pages, onClose }: { base: string; pages: ConsolePage[]; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const query = typed.trim().slice(0, MAX_QUERY);
  const debounced = useDebounced(query, 200);
  const search = useQuery({
    ...trpc.console.search.queryOptions({ query: debounced }),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  // While the next answer comes, the last one stays (with "Searching…"), so the list does not flicker.
  const found = query ? search.data : undefined;
  const searching = query.length > 0 && (query !== debounced || search.isFetching);

  const lower = query.toLowerCase();
  const matchingPages = pages.filter((p) => p.label.toLowerCase().includes(lower));
  const go = (href: string) => {
    onClose();
    router.push(href);
  };

  return (
    <Command shouldFilter={false} loop label="Search pages, members, groups and resources" className="flex max-h-[min(32rem,calc(100dvh-2rem))] flex-col">
      {/* The focused search is marked by the line under it: the page's focus outline would be
          cut off by the dialog's edge. */}
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 focus-within:shadow-[inset_0_-2px_0_var(--color-indigo-600)]">
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-none stroke-slate-500 stroke-2">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4 4" strokeLinecap="round" />
        </svg>
        <Command.Input
          value={typed}
          onValueChange={setTyped}
          maxLength={MAX_QUERY}
          placeholder="Search members, groups, resources and pages…"
          className="h-12 w-full border-0 bg-transparent text-sm text-slate-900 outline-none! placeholder:text-slate-400"
        />
        <kbd className="rounded border border-slate-300 px-1.5 py-0.5 text-[11px] font-medium text-slate-500">Esc</kbd>
      </div>
      <Command.List className="overflow-y-auto overscroll-contain p-2">
        {searching && <Command.Loading className="px-3 py-2 text-sm text-slate-500">Searching…</Command.Loading>}
        {search.isError && query && (
          <p role="alert" className="px-3 py-2 text-sm text-rose-700">
            {errorMessage(search.error)}
          </p>
        )}
        {!searching && !search.isError && <Command.Empty className="px-3 py-6 text-center text-sm text-slate-500">No matches you can open.</Command.Empty>}
        <Section heading="Pages" matches={matchingPages.map((p) => ({ id: p.href, label: p.label, href: `${base}${p.href}` }))} go={go} />
        <Section heading="Members" matches={found?.members} go={go} />
        <Section heading="Groups" matches={found?.groups} go={go} />
        <Section heading="Resources" matches={found?.resources} go={go} />
      </Command.List>
    </Command>
  );
}

/** A heading and its matches; none (or an area the viewer's role does not open): nothing, as
 * cmdk shows a group's heading whatever it holds when it does not filter itself. */
function Section({ heading, matches, go }: { heading: string; matches: Match[] | null | undefined; go: (href: string) => void }) {
  if (!matches?.length) return null;
  return (
    <Command.Group
      heading={heading}
      className="[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-slate-500"
    >
      {matches.map((m) => (
        <Command.Item
          key={m.id}
          value={`${heading}:${m.id}`}
          onSelect={() => go(m.href)}
          className={cx(
            "flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-3 py-2 text-sm text-slate-700",
            "data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-700",
          )}
        >
          <span className="min-w-0 truncate font-medium">{m.label}</span>
          {m.detail && <span className="min-w-0 shrink truncate text-xs text-slate-600">{m.detail}</span>}
        </Command.Item>
      ))}
    </Command.Group>
  );
}

/** Whether the keyboard's modifier for the shortcut is ⌘: read in the browser only, so the
 * server's render (and the first paint) says Ctrl. */
function useIsMac() {
  return useSyncExternalStore(
    () => () => {},
    () => /Mac|iPhone|iPad/.test(navigator.platform),
    () => false,
  );
}

/** The sidebar's way into the palette, showing its shortcut. */
export function SearchButton({ onClick }: { onClick: () => void }) {
  const mac = useIsMac();
  return (
    <button
      type="button"
      onClick={onClick}
      aria-keyshortcuts="Control+K Meta+K"
      className="flex w-full items-center justify-between gap-2 rounded-md bg-white px-3 py-2 text-sm text-slate-600 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 hover:text-slate-900"
    >
      <span>Search…</span>
      <kbd className="rounded border border-slate-300 px-1.5 text-[11px] font-medium text-slate-500">{mac ? "⌘K" : "Ctrl K"}</kbd>
    </button>
  );
}
