"use client";
// Runs over time (a small bar chart) and the activity log, of one resource or of every
// resource the viewer sees. The server filters both by visibility and scope.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useState } from "react";
import { errorMessage, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card, EmptyState } from "../ui";

const RESULT_TONE: Record<string, "green" | "rose" | "indigo" | "slate"> = { SUCCEEDED: "green", FAILED: "rose", STARTED: "indigo", CHANGED: "slate" };
const ACTION_LABEL: Record<string, string> = { run: "Run", restore: "Restore", access: "Access changed" };

export function RunsChart({ data }: { data: Array<{ day: string; runs: number }> }) {
  const max = Math.max(1, ...data.map((d) => d.runs));
  const total = data.reduce((sum, d) => sum + d.runs, 0);
  return (
    <figure>
      <div className="flex h-32 items-end gap-1" role="img" aria-label={`Runs and restores per day over the last ${data.length} days: ${total} in all.`}>
        {data.map((d) => (
          <div key={d.day} className="flex h-full flex-1 flex-col justify-end" title={`${d.day}: ${d.runs}`}>
            <div className="rounded-t bg-indigo-500" style={{ height: `${(d.runs / max) * 100}%`, minHeight: d.runs ? 4 : 0 }} />
            <div className="mt-1 h-px bg-slate-200" />
          </div>
        ))}
      </div>
      <figcaption className="mt-2 flex justify-between text-xs text-slate-500">
        <span>{data[0]?.day}</span>
        <span>
          {total} run{total === 1 ? "" : "s"} and restores in {data.length} days
        </span>
        <span>{data[data.length - 1]?.day}</span>
      </figcaption>
    </figure>
  );
}

export function ActivityPanel({ resourceId }: { resourceId?: string }) {
  const trpc = useTRPC();
  const { slug } = useParams<{ slug: string }>();
  const [page, setPage] = useState(1);
  const chart = useQuery(trpc.resources.chart.queryOptions({ resourceId, days: 14 }));
  const activity = useQuery({ ...trpc.resources.activity.queryOptions({ resourceId, page, pageSize: 20 }), placeholderData: keepPreviousData });
  const pages = Math.max(1, Math.ceil((activity.data?.total ?? 0) / 20));
  return (
    <div className="space-y-4">
      <Card title="Runs over the last 14 days">
        {chart.data ? (
          <RunsChart data={chart.data} />
        ) : chart.error ? (
          <Alert>{errorMessage(chart.error)}</Alert>
        ) : (
          <p className="text-sm text-slate-500">Loading…</p>
        )}
      </Card>
      <Card title="Activity">
        {activity.error && <Alert>{errorMessage(activity.error)}</Alert>}
        {activity.data && !activity.data.rows.length && <EmptyState title="No activity yet">Runs, restores and access changes appear here.</EmptyState>}
        {activity.data && activity.data.rows.length > 0 && (
          <ul className="divide-y divide-slate-100">
            {activity.data.rows.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
                <div>
                  <span className="font-medium text-slate-900">{ACTION_LABEL[a.action] ?? a.action}</span>
                  {!resourceId && (
                    <>
                      {" "}
                      of{" "}
                      <Link href={`/o/${slug}/resources/${a.resource.id}`} className="text-indigo-600 hover:underline">
                        {a.resource.name}
                      </Link>
                    </>
                  )}{" "}
                  <span className="text-slate-500">by {a.actorName}</span>
                  {a.detail && <div className="text-xs text-slate-500">{a.detail}</div>}
                </div>
                <div className="flex items-center gap-3">
                  <Badge tone={RESULT_TONE[a.result] ?? "slate"}>{a.result.toLowerCase()}</Badge>
                  <time className="whitespace-nowrap text-xs text-slate-500" dateTime={a.at.toISOString()}>
                    {a.at.toISOString().slice(0, 16).replace("T", " ")}
                  </time>
                </div>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 && (
          <div className="mt-3 flex items-center justify-end gap-2 text-sm text-slate-600">
            <span>
              Page {page} of {pages}
            </span>
            <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Previous
            </Button>
            <Button size="sm" variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              Next
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}
