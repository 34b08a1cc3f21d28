"use client";
// The import tool: choose a CSV file → upload (the server reads it and computes the dry run) →
// the diff, by outcome, paged → "Apply N changes" → progress, polled from the server → results
// and the results file. The job lives on the server: a reload returns to it (the recent jobs
// list, and ?job= in the address), and it goes on if the browser goes away.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { MAX_IMPORT_BYTES, sizeProblem } from "@/server/services/import-limits";
import { errorMessage, refreshQueries, type RouterOutputs, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card, EmptyState, Loading, ScrollFrame } from "../ui";

type Job = RouterOutputs["importer"]["job"];
type Outcome = keyof Job["planned"];

const OUTCOMES: { key: Outcome; label: string; done: string; tone: "green" | "indigo" | "amber" | "rose" | "slate" }[] = [
  { key: "create", label: "To create", done: "Created", tone: "green" },
  { key: "update", label: "To update", done: "Updated", tone: "indigo" },
  { key: "enable", label: "To enable", done: "Enabled", tone: "green" },
  { key: "disable", label: "To disable", done: "Disabled", tone: "amber" },
  { key: "delete", label: "To delete", done: "Deleted", tone: "rose" },
  { key: "unchanged", label: "Unchanged", done: "Unchanged", tone: "slate" },
  { key: "refused", label: "Refused", done: "Refused", tone: "rose" },
];
const TONE = Object.fromEntries(OUTCOMES.map((o) => [o.key, o.tone])) as Record<Outcome, (typeof OUTCOMES)[number]["tone"]>;
const STATUS: Record<Job["status"], string> = {
  DRAFT: "Dry run in progress",
  PREVIEWED: "Dry run ready",
  APPLYING: "Applying",
  DONE: "Applied",
  FAILED: "Stopped",
  CANCELLED: "Discarded",
};
const EXAMPLE = `email,name,username,company,group,status,action
ana@example.com,Ana Lima,ana,Example Ltd,Sales/EMEA,ACTIVE,upsert
bo@example.com,,,,,DISABLED,upsert
old@example.com,,,,,,delete`;
const PAGE_SIZE = 25;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export function ImportTool({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const search = useSearchParams();
  const jobId = search.get("job");
  const show = (id: string | null) => router.replace(id ? `/o/${slug}/import?job=${id}` : `/o/${slug}/import`, { scroll: false });
  const jobs = useQuery(trpc.importer.jobs.queryOptions());

  return (
    <div className="space-y-6">
      {jobId ? <JobView slug={slug} jobId={jobId} onClose={() => show(null)} /> : <Upload onUploaded={(id) => show(id)} />}
      <Card title="Your recent imports">
        {jobs.data && jobs.data.length === 0 && <EmptyState title="No imports yet">Files you upload are listed here, with their state.</EmptyState>}
        <ul className="divide-y divide-slate-100">
          {jobs.data?.map((j) => (
            <li key={j.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
              <span className="flex items-center gap-2">
                <span className="font-medium text-slate-900">{j.fileName}</span>
                <span className="text-slate-500">
                  {plural(j.total, "row")} · {new Date(j.createdAt).toLocaleString()}
                </span>
              </span>
              <span className="flex items-center gap-3">
                <Badge tone={j.status === "DONE" ? "green" : j.status === "FAILED" ? "rose" : j.status === "CANCELLED" ? "slate" : "indigo"}>
                  {STATUS[j.status]}
                </Badge>
                <Button
                  variant={j.id === jobId ? "secondary" : "ghost"}
                  size="sm"
                  onClick={() => show(j.id)}
                  aria-current={j.id === jobId ? "true" : undefined}
                >
                  {j.id === jobId ? "Shown" : "Open"}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

function Upload({ onUploaded }: { onUploaded: (jobId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation(
    trpc.importer.upload.mutationOptions({
      onSuccess: (job) => {
        void refreshQueries(queryClient, trpc.importer.jobs.queryKey());
        onUploaded(job.id);
      },
    }),
  );
  async function send(fileName: string, size: number, read: () => Promise<string>) {
    upload.reset();
    // The same limit and sentence as the server's, before sending megabytes for nothing.
    const tooLarge = sizeProblem(size);
    setProblem(tooLarge);
    if (!tooLarge) upload.mutate({ fileName, csv: await read() });
  }
  return (
    <Card title="1. Choose a CSV file">
      <p className="mb-3 max-w-3xl text-sm text-slate-600">
        Columns: <code className="text-xs">email, name, username, company, group, status, action</code>. Members are matched by email; empty cells leave a value
        as it is. New members become end users (role User) with a one-time password. <code className="text-xs">group</code> is a path below the root, such as{" "}
        <code className="text-xs">Sales/EMEA</code>; <code className="text-xs">action</code> is <code className="text-xs">upsert</code> (the default) or{" "}
        <code className="text-xs">delete</code>. A members export re-imports as it is: its role, two_factor and last_sign_in columns are left aside. Up to{" "}
        {MAX_IMPORT_BYTES / 1024 / 1024} MB and 10,000 rows. Nothing changes until you confirm the dry run.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-sm font-medium text-slate-700" htmlFor="import-file">
          CSV file
        </label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          className="text-sm file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-indigo-700 hover:file:bg-indigo-100"
          disabled={upload.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void send(file.name, file.size, () => file.text());
            e.target.value = "";
          }}
        />
        <Button variant="ghost" size="sm" onClick={() => void send("example.csv", EXAMPLE.length, async () => EXAMPLE)} disabled={upload.isPending}>
          Try an example
        </Button>
        {upload.isPending && <span className="text-sm text-slate-500">Uploading and reading the file…</span>}
      </div>
      {(problem || upload.error) && (
        <div className="mt-3">
          <Alert>{problem ?? errorMessage(upload.error)}</Alert>
        </div>
      )}
    </Card>
  );
}

function JobView({ slug, jobId, onClose }: { slug: string; jobId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const job = useQuery({
    ...trpc.importer.job.queryOptions({ jobId }),
    // Poll while the server works on it; a finished job stays as it is.
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "DRAFT" || q.state.data.status === "APPLYING") ? 1_000 : false),
  });
  const refresh = (next: Job) => {
    queryClient.setQueryData(trpc.importer.job.queryKey({ jobId }), next);
    void refreshQueries(queryClient, trpc.importer.jobs.queryKey());
  };
  const confirm = useMutation(trpc.importer.confirm.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.importer.cancel.mutationOptions({ onSuccess: refresh }));

  if (job.error) return <Alert>{errorMessage(job.error)}</Alert>;
  const j = job.data;
  if (!j) return <Loading label="Loading the import…" />;
  const applied = j.status === "APPLYING" || j.status === "DONE" || j.status === "FAILED";
  const phase = applied ? "result" : "plan";
  const counts = applied ? j.results : j.planned;
  const error = confirm.error ?? cancel.error;

  return (
    <Card
      title={`${applied ? "3. Results" : "2. Dry run"}: ${j.fileName}`}
      actions={
        <div className="flex items-center gap-2">
          {(j.status === "DRAFT" || j.status === "PREVIEWED") && (
            <Button variant="secondary" onClick={() => cancel.mutate({ jobId })} disabled={cancel.isPending}>
              Discard
            </Button>
          )}
          {j.status === "PREVIEWED" && (
            <Button onClick={() => confirm.mutate({ jobId })} disabled={confirm.isPending || j.changes === 0}>
              {j.changes === 0 ? "Nothing to apply" : `Apply ${plural(j.changes, "change")}`}
            </Button>
          )}
          {j.status !== "DRAFT" && j.status !== "APPLYING" && (
            <Button variant="ghost" onClick={onClose}>
              Import another file
            </Button>
          )}
        </div>
      }
    >
      <div className="space-y-4">
        {error && <Alert>{errorMessage(error)}</Alert>}
        <Progress job={j} />
        {j.ignoredColumns.length > 0 && (
          <p className="text-sm text-slate-600">
            Left aside: <code className="text-xs">{j.ignoredColumns.join(", ")}</code>. The import never changes roles or second factors.
          </p>
        )}
        {j.status === "PREVIEWED" && (
          <Alert tone="info">
            Nothing has been written yet. Applying decides each row again at that moment: a row that changed meanwhile is refused with the reason, never applied
            blindly.
          </Alert>
        )}
        {j.status === "FAILED" && <Alert>{j.failure}</Alert>}
        {(j.status === "DONE" || j.status === "FAILED") && (
          <div className="flex flex-wrap items-center gap-3 rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
            <a
              className="inline-flex items-center rounded-md bg-indigo-600 px-3.5 py-2 font-medium text-white shadow-xs hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
              href={`/o/${slug}/import/${jobId}/results`}
              download
              onClick={() => setTimeout(() => void job.refetch(), 3_000)}
            >
              Download the results file (CSV)
            </a>
            <span className="text-slate-600">
              {j.passwordsAvailable
                ? "It holds the one-time passwords of created members. They are removed from Steward once the file has been downloaded, and after a day at the latest: hand each to its member through a channel you trust."
                : j.results.create > 0
                  ? "The one-time passwords were removed after the first download (or a day). Reset a member's password from their page if one was lost."
                  : "One line per row of your file, with its outcome and message."}
            </span>
          </div>
        )}
        {j.status !== "DRAFT" && <Rows jobId={jobId} phase={phase} counts={counts} total={j.total} />}
      </div>
    </Card>
  );
}

function Progress({ job }: { job: Job }) {
  if (job.status === "DRAFT" || job.status === "APPLYING") {
    const done = job.status === "DRAFT" ? job.previewed : job.applied;
    const percent = job.total ? Math.floor((done / job.total) * 100) : 0;
    const label = job.status === "DRAFT" ? "Computing the dry run" : "Applying";
    return (
      <div>
        <div className="mb-1 flex justify-between text-sm text-slate-600">
          <span>
            {label}: {done.toLocaleString("en")} of {plural(job.total, "row")}
          </span>
          <span>{percent}%</span>
        </div>
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={job.total}
          aria-valuenow={done}
          className="h-2.5 w-full overflow-hidden rounded-full bg-slate-100"
        >
          <div className="h-full rounded-full bg-indigo-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
        </div>
        <p className="mt-1 text-xs text-slate-500">This runs on the server: you may leave this page and come back.</p>
      </div>
    );
  }
  return (
    <p className="text-sm text-slate-600">
      {STATUS[job.status]} · {plural(job.total, "row")}
      {job.finishedAt ? ` · finished ${new Date(job.finishedAt).toLocaleString()}` : ""}
    </p>
  );
}

function Rows({ jobId, phase, counts, total }: { jobId: string; phase: "plan" | "result"; counts: Record<Outcome, number>; total: number }) {
  const trpc = useTRPC();
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [page, setPage] = useState(1);
  const rows = useQuery(trpc.importer.rows.queryOptions({ jobId, phase, outcome, page, pageSize: PAGE_SIZE }));
  const shown = outcome ? counts[outcome] : total;
  const pages = Math.max(1, Math.ceil((rows.data?.total ?? shown) / PAGE_SIZE));
  const choose = (o: Outcome | undefined) => {
    setOutcome(o);
    setPage(1);
  };
  return (
    <div className="space-y-3">
      <div role="group" aria-label="Show rows by outcome" className="flex flex-wrap gap-2">
        <FilterChip active={!outcome} onClick={() => choose(undefined)}>
          All <span className="tabular-nums">{total.toLocaleString("en")}</span>
        </FilterChip>
        {OUTCOMES.map((o) => (
          <FilterChip key={o.key} active={outcome === o.key} onClick={() => choose(o.key)} disabled={counts[o.key] === 0}>
            {phase === "plan" ? o.label : o.done} <span className="tabular-nums">{counts[o.key].toLocaleString("en")}</span>
          </FilterChip>
        ))}
      </div>
      <ScrollFrame label="Rows of the file" className="rounded-lg bg-white ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2.5">
                Line
              </th>
              <th scope="col" className="px-4 py-2.5">
                Email
              </th>
              <th scope="col" className="px-4 py-2.5">
                {phase === "plan" ? "Planned" : "Result"}
              </th>
              <th scope="col" className="px-4 py-2.5">
                Details
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.data?.rows.map((r) => (
              <tr key={r.line} className="align-top hover:bg-slate-50">
                <td className="px-4 py-2 tabular-nums text-slate-500">{r.line}</td>
                <td className="px-4 py-2 font-medium text-slate-900">{r.email || <span className="text-slate-500">(no address)</span>}</td>
                <td className="px-4 py-2">{r.outcome ? <Badge tone={TONE[r.outcome]}>{r.outcome}</Badge> : <span className="text-slate-500">pending</span>}</td>
                <td className="px-4 py-2 text-slate-600">
                  {phase === "plan" && r.changes.length > 0 && r.outcome !== "refused" ? (
                    <ul className="space-y-0.5">
                      {r.changes.map((c) => (
                        <li key={c.field}>
                          <span className="text-slate-500">{c.field}</span>{" "}
                          {c.before ? <del className="text-rose-700 decoration-rose-300">{c.before}</del> : null}
                          {c.before ? " → " : ""}
                          <ins className="text-emerald-700 no-underline">{c.after || "(empty)"}</ins>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    r.message
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.isLoading && <Loading label="Loading rows…" className="px-4 py-4" />}
        {rows.data && rows.data.rows.length === 0 && <p className="px-4 py-6 text-sm text-slate-500">No rows with this outcome.</p>}
      </ScrollFrame>
      <div className="flex items-center justify-between text-sm text-slate-600">
        <p aria-live="polite">
          Page {page} of {pages}
        </p>
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" onClick={() => setPage((p) => p - 1)} disabled={page <= 1}>
            Previous
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setPage((p) => p + 1)} disabled={page >= pages}>
            Next
          </Button>
        </div>
      </div>
    </div>
  );
}

function FilterChip({ active, children, ...props }: { active: boolean; children: React.ReactNode; onClick: () => void; disabled?: boolean }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      {...props}
      className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-xs font-medium ring-1 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-40 ${
        active ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
      }`}
    >
      {children}
    </button>
  );
}
