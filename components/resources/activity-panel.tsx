"use client";
// Runs over time (a small stacked bar chart) and the activity log, of one resource or of
// every resource the viewer sees. The server filters both by visibility and scope. A run
// stays "running" until whoever carried it out reports its outcome here.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { useState, type ReactNode } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";
import { Dialog } from "../dialog";
import { DataForm, DialogActions, FormError } from "../form-parts";
import { errorMessage, fieldErrorsOf, refreshQueries, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card, EmptyState, Field, Loading, TextLink } from "../ui";

type Activity = inferRouterOutputs<AppRouter>["resources"]["activity"]["rows"][number];
type Day = { day: string; succeeded: number; failed: number; running: number };

const RESULT_TONE: Record<string, "green" | "rose" | "indigo" | "slate"> = { SUCCEEDED: "green", FAILED: "rose", RUNNING: "indigo", CHANGED: "slate" };
const ACTION_LABEL: Record<string, string> = { run: "Run", restore: "Restore", access: "Access changed" };
const SERIES = [
  { key: "succeeded", label: "Succeeded", color: "bg-emerald-500" },
  { key: "failed", label: "Failed", color: "bg-rose-500" },
  { key: "running", label: "Running", color: "bg-indigo-400" },
] as const;

const minute = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

function duration(from: Date, to: Date): string {
  const s = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  const h = Math.floor(s / 3600);
  return `${h} h ${Math.round((s % 3600) / 60)} min`;
}

export function RunsChart({ data }: { data: Day[] }) {
  const totals = data.map((d) => d.succeeded + d.failed + d.running);
  const max = Math.max(1, ...totals);
  const sum = (key: (typeof SERIES)[number]["key"]) => data.reduce((n, d) => n + d[key], 0);
  const total = totals.reduce((n, t) => n + t, 0);
  const summary = SERIES.map((s) => `${sum(s.key)} ${s.label.toLowerCase()}`).join(", ");
  return (
    <figure>
      <div
        className="flex h-32 items-end gap-1"
        role="img"
        aria-label={`Runs and restores per day over the last ${data.length} days: ${total} in all (${summary}).`}
      >
        {data.map((d, i) => (
          <div
            key={d.day}
            className="flex h-full flex-1 flex-col justify-end"
            title={`${d.day}: ${d.succeeded} succeeded, ${d.failed} failed, ${d.running} running`}
          >
            <div className="flex flex-col-reverse overflow-hidden rounded-t" style={{ height: `${(totals[i]! / max) * 100}%`, minHeight: totals[i] ? 4 : 0 }}>
              {SERIES.map((s) => (d[s.key] ? <div key={s.key} className={s.color} style={{ flexGrow: d[s.key] }} /> : null))}
            </div>
            <div className="mt-1 h-px bg-slate-200" />
          </div>
        ))}
      </div>
      <figcaption className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        <span>{data[0]?.day}</span>
        <span className="flex flex-wrap items-center gap-3">
          {SERIES.map((s) => (
            <span key={s.key} className="inline-flex items-center gap-1">
              <span className={`inline-block size-2 rounded-sm ${s.color}`} aria-hidden />
              {sum(s.key)} {s.label.toLowerCase()}
            </span>
          ))}
        </span>
        <span>{data[data.length - 1]?.day}</span>
      </figcaption>
    </figure>
  );
}

function ReportOutcomeDialog({ run, onClose }: { run: Activity | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const finish = useMutation(
    trpc.resources.finishRun.mutationOptions({
      onSuccess: () => {
        void refreshQueries(queryClient, trpc.resources.pathKey());
        close();
      },
    }),
  );
  function close() {
    finish.reset();
    onClose();
  }
  const noun = run?.action === "restore" ? "restore" : "run";
  const fieldErrors = fieldErrorsOf(finish.error);
  return (
    <Dialog open={run !== null} onClose={close} title={`How did this ${noun} end?`}>
      {run && (
        <DataForm
          onData={(form) =>
            finish.mutate({
              activityId: run.id,
              outcome: form.get("outcome") === "FAILED" ? "FAILED" : "SUCCEEDED",
              output: String(form.get("output") ?? "") || undefined,
            })
          }
        >
          <p className="text-sm text-slate-600">
            Started by {run.actorName} at {minute(run.at)}
            {run.detail && <> · {run.detail}</>}. Everyone on the access list who asked to hear about it is emailed.
          </p>
          <fieldset className="flex gap-4 text-sm">
            <legend className="mb-1 text-sm font-medium text-slate-700">Outcome</legend>
            <label className="inline-flex items-center gap-2">
              <input type="radio" name="outcome" value="SUCCEEDED" defaultChecked /> Succeeded
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="radio" name="outcome" value="FAILED" /> Failed
            </label>
          </fieldset>
          <Field label="Output or error (optional)" htmlFor="run-output" error={fieldErrors.output?.[0]}>
            <textarea
              id="run-output"
              name="output"
              rows={5}
              maxLength={4000}
              className="block w-full rounded-md border-0 px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
            />
          </Field>
          <FormError error={finish.error} />
          <DialogActions onCancel={close} submitting={finish.isPending}>
            Save outcome
          </DialogActions>
        </DataForm>
      )}
    </Dialog>
  );
}

function ActivityRow({ a, showResource, canReport, onReport }: { a: Activity; showResource: boolean; canReport: boolean; onReport: () => void }) {
  const { slug } = useParams<{ slug: string }>();
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 py-2 text-sm">
      <div className="min-w-0 flex-1">
        <span className="font-medium text-slate-900">{ACTION_LABEL[a.action] ?? a.action}</span>
        {showResource && (
          <>
            {" "}
            of <TextLink href={`/o/${slug}/resources/${a.resource.id}`}>{a.resource.name}</TextLink>
          </>
        )}{" "}
        <span className="text-slate-500">by {a.actorName}</span>
        {a.detail && <div className="text-xs text-slate-500">{a.detail}</div>}
        {a.finishedAt && (
          <div className="text-xs text-slate-500">
            {a.result === "FAILED" ? "Failed" : "Succeeded"} after {duration(a.at, a.finishedAt)}, reported by {a.finishedByName}
          </div>
        )}
        {a.output && (
          <details className="mt-1 text-xs">
            <summary className="cursor-pointer text-slate-600 hover:text-slate-900">Output</summary>
            {/* Focusable, so the keyboard can scroll a long output: nothing inside takes focus. */}
            <pre tabIndex={0} className="mt-1 max-h-48 overflow-auto rounded bg-slate-50 p-2 whitespace-pre-wrap text-slate-700">
              {a.output}
            </pre>
          </details>
        )}
      </div>
      <div className="flex items-center gap-3">
        {a.result === "RUNNING" && canReport && (
          <Button size="sm" variant="secondary" onClick={onReport}>
            Report outcome
          </Button>
        )}
        <Badge tone={RESULT_TONE[a.result] ?? "slate"}>{a.result.toLowerCase()}</Badge>
        <time className="whitespace-nowrap text-xs text-slate-500" dateTime={a.at.toISOString()}>
          {minute(a.at)}
        </time>
      </div>
    </li>
  );
}

/**
 * `reportable`: the actions whose outcome the viewer may report on this resource (what they
 * may start). The organization page passes none: outcomes are reported on the resource.
 * `report` goes between the chart and the log.
 */
export function ActivityPanel({ resourceId, reportable = [], report }: { resourceId?: string; reportable?: readonly string[]; report?: ReactNode }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [reporting, setReporting] = useState<Activity | null>(null);
  const chart = useQuery(trpc.resources.chart.queryOptions({ resourceId, days: 14 }));
  const activity = useQuery({ ...trpc.resources.activity.queryOptions({ resourceId, page, pageSize: 20 }), placeholderData: keepPreviousData });
  const pages = Math.max(1, Math.ceil((activity.data?.total ?? 0) / 20));
  return (
    <div className="space-y-4">
      <Card title="Runs over the last 14 days">
        {chart.data ? <RunsChart data={chart.data} /> : chart.error ? <Alert>{errorMessage(chart.error)}</Alert> : <Loading />}
      </Card>
      {report}
      <Card title="Activity">
        {activity.error && <Alert>{errorMessage(activity.error)}</Alert>}
        {activity.data && !activity.data.rows.length && <EmptyState title="No activity yet">Runs, restores and access changes appear here.</EmptyState>}
        {activity.data && activity.data.rows.length > 0 && (
          <ul className="divide-y divide-slate-100">
            {activity.data.rows.map((a) => (
              <ActivityRow key={a.id} a={a} showResource={!resourceId} canReport={reportable.includes(a.action)} onReport={() => setReporting(a)} />
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
      <ReportOutcomeDialog run={reporting} onClose={() => setReporting(null)} />
    </div>
  );
}
