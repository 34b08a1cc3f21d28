"use client";
// The audit log page: filters, the events in words with their before/after on demand, more
// events by the server's cursor, and export links that carry the same filters.
import { useInfiniteQuery } from "@tanstack/react-query";
import { createColumnHelper, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { DataTable } from "../data-table";
import { errorMessage, useTRPC, type RouterOutputs } from "../trpc";
import { useDebounced } from "../use-debounced";
import { Alert, Button, EmptyState, Input, Select } from "../ui";

type Options = RouterOutputs["audit"]["options"];
type Row = RouterOutputs["audit"]["list"]["rows"][number];
type Filters = { actorUserId: string; action: string; targetId: string; from: string; to: string; search: string };

const column = createColumnHelper<Row>();
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The filters that are set, for the API and the export's query string alike. */
const setFilters = (f: Filters) => Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim() !== "")) as Partial<Filters>;

export function AuditLog({ slug, options, targetId }: { slug: string; options: Options; targetId: string }) {
  const trpc = useTRPC();
  const [filters, setFilter] = useState<Filters>({ actorUserId: "", action: "", targetId, from: "", to: "", search: "" });
  const search = useDebounced(filters.search, 300);
  const input = setFilters({ ...filters, search });
  const log = useInfiniteQuery(trpc.audit.list.infiniteQueryOptions({ ...input, pageSize: 50 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }));
  const rows = useMemo(() => log.data?.pages.flatMap((p) => p.rows) ?? [], [log.data]);
  const exportQuery = new URLSearchParams(setFilters(filters)).toString();
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [key]: e.target.value }));

  const columns = useMemo(
    () => [
      column.accessor("at", {
        header: "Time",
        cell: ({ row }) => (
          <time className="whitespace-nowrap text-xs text-slate-500" dateTime={row.original.at.toISOString()}>
            {when(row.original.at)}
          </time>
        ),
      }),
      column.accessor((r) => r.actor.name, {
        id: "actor",
        header: "Who",
        cell: ({ row }) => <span className="whitespace-nowrap text-slate-900">{row.original.actor.name}</span>,
      }),
      column.accessor("sentence", {
        header: "What",
        cell: ({ row }) => {
          const r = row.original;
          return (
            <div className="max-w-2xl min-w-64">
              <p className="text-slate-900">{r.sentence}</p>
              {r.changes.length > 0 ? (
                <details className="mt-1 text-xs text-slate-600">
                  <summary className="cursor-pointer rounded-sm text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600">
                    {r.label}: before and after
                  </summary>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                    {r.changes.map((c) => (
                      <div key={c.field} className="contents">
                        <dt className="font-medium text-slate-700">{c.field}</dt>
                        <dd className="break-words">{c.before === null ? c.after : c.after === null ? `was ${c.before}` : `${c.before} → ${c.after}`}</dd>
                      </div>
                    ))}
                  </dl>
                  {r.ip && <p className="mt-1 text-slate-500">From {r.ip}</p>}
                </details>
              ) : (
                <p className="text-xs text-slate-500">
                  {r.label}
                  {r.ip ? ` · from ${r.ip}` : ""}
                </p>
              )}
            </div>
          );
        },
      }),
    ],
    [],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table opts this component out of the React Compiler, as intended
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.id, enableSorting: false });

  return (
    <div className="space-y-4">
      <form className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6" role="search" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <div className="lg:col-span-2">
          <label htmlFor="audit-search" className="block text-xs font-medium text-slate-600">
            Search
          </label>
          <Input id="audit-search" type="search" placeholder="Names, actions, values" value={filters.search} onChange={set("search")} />
        </div>
        <div>
          <label htmlFor="audit-actor" className="block text-xs font-medium text-slate-600">
            Who
          </label>
          <Select id="audit-actor" value={filters.actorUserId} onChange={set("actorUserId")}>
            <option value="">Anyone</option>
            {options.actors.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.name} ({a.email})
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="audit-action" className="block text-xs font-medium text-slate-600">
            What
          </label>
          <Select id="audit-action" value={filters.action} onChange={set("action")}>
            <option value="">Any action</option>
            {options.areas.map((area) => (
              <optgroup key={area.area} label={area.label}>
                <option value={area.area}>All of {area.label.toLowerCase()}</option>
                {area.actions.map((a) => (
                  <option key={a.key} value={a.key}>
                    {a.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="audit-from" className="block text-xs font-medium text-slate-600">
            From
          </label>
          <Input id="audit-from" type="date" value={filters.from} onChange={set("from")} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block text-xs font-medium text-slate-600">
            To
          </label>
          <Input id="audit-to" type="date" value={filters.to} onChange={set("to")} />
        </div>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        {filters.targetId ? (
          <p className="text-slate-600">
            Only the events about one member, group or resource.{" "}
            <Button variant="ghost" size="sm" onClick={() => setFilter((f) => ({ ...f, targetId: "" }))}>
              Show all
            </Button>
          </p>
        ) : (
          <span />
        )}
        <div className="flex gap-2">
          <a
            className="rounded-md px-2.5 py-1 text-xs font-medium text-indigo-600 ring-1 ring-slate-300 hover:bg-slate-50"
            href={`/o/${slug}/audit/export?format=csv&${exportQuery}`}
            download
          >
            Export CSV
          </a>
          <a
            className="rounded-md px-2.5 py-1 text-xs font-medium text-indigo-600 ring-1 ring-slate-300 hover:bg-slate-50"
            href={`/o/${slug}/audit/export?format=json&${exportQuery}`}
            download
          >
            Export JSON
          </a>
        </div>
      </div>
      {log.error && <Alert>{errorMessage(log.error)}</Alert>}
      <DataTable
        label="Audit log"
        table={table}
        loading={log.isLoading}
        loadingText="Loading the audit log…"
        empty={<EmptyState title="No events">Nothing recorded matches these filters.</EmptyState>}
      />
      <div className="flex items-center justify-between text-sm text-slate-600">
        <p aria-live="polite">{rows.length ? `${rows.length} event${rows.length === 1 ? "" : "s"} shown, newest first` : ""}</p>
        {log.hasNextPage && (
          <Button variant="secondary" size="sm" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {log.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        )}
      </div>
    </div>
  );
}
