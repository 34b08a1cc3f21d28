"use client";
// What the operators did, newest first: settings, operators, suspensions, deletions.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "../trpc";
import { Alert, Button, Card, EmptyState, Loading } from "../ui";
import { describeEvent } from "./event-words";

const PAGE_SIZE = 15;
const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

export function InstanceEvents() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const events = useQuery({ ...trpc.instance.events.queryOptions({ page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  const total = events.data?.total ?? 0;
  const from = total ? (page - 1) * PAGE_SIZE + 1 : 0;
  const to = Math.min(total, page * PAGE_SIZE);

  return (
    <Card>
      {events.error && <Alert>{errorMessage(events.error)}</Alert>}
      {events.isPending && <Loading label="Loading events…" />}
      {events.data && events.data.rows.length === 0 && (
        <EmptyState title="Nothing yet">Suspensions, deletions and changes of operators or settings appear here.</EmptyState>
      )}
      <ol className="-my-2 divide-y divide-slate-100">
        {events.data?.rows.map((e) => {
          const { sentence, detail } = describeEvent(e);
          return (
            <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-0.5 py-2.5">
              <div className="min-w-0">
                <p className="text-sm text-slate-900">{sentence}</p>
                {detail && <p className="text-xs text-slate-500">{detail}</p>}
              </div>
              <time dateTime={e.at.toISOString()} className="whitespace-nowrap text-xs tabular-nums text-slate-500">
                {when(e.at)}
              </time>
            </li>
          );
        })}
      </ol>
      {total > PAGE_SIZE && (
        <div className="mt-4 flex items-center justify-between border-t border-slate-100 pt-3 text-sm text-slate-600">
          <p aria-live="polite">
            {from}–{to} of {total}
          </p>
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" disabled={page === 1} onClick={() => setPage((p) => p - 1)}>
              Newer
            </Button>
            <Button variant="secondary" size="sm" disabled={to >= total} onClick={() => setPage((p) => p + 1)}>
              Older
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
