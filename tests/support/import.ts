// Runs the import tool as a person does (upload, dry run, confirm, apply, results file), with
// the worker's steps run in the test instead of in the background.
import Papa from "papaparse";
import type { Db } from "@/server/db";
import { drainImportJobs } from "@/server/services/import-run";
import type { createCaller } from "@/server/trpc/root";

type Caller = ReturnType<typeof createCaller>;
export type ImportCsvRow = Partial<Record<"email" | "name" | "username" | "company" | "group" | "status" | "action", string>>;
export type RowResult = { line: number; email: string; outcome: string; message: string; oneTimePassword?: string };

export const IMPORT_HEADER = ["email", "name", "username", "company", "group", "status", "action"];

export function toCsv(rows: ImportCsvRow[]): string {
  return Papa.unparse({ fields: IMPORT_HEADER, data: rows.map((r) => IMPORT_HEADER.map((c) => r[c as keyof ImportCsvRow] ?? "")) });
}

/** Uploads and computes the dry run; returns the job and its planned rows, in file order. */
export async function dryRun(db: Db, caller: Caller, csv: string) {
  const uploaded = await caller.importer.upload({ fileName: "members.csv", csv });
  await drainImportJobs(db, { jobId: uploaded.id });
  const job = await caller.importer.job({ jobId: uploaded.id });
  const rows = [];
  for (let page = 1; ; page++) {
    const p = await caller.importer.rows({ jobId: job.id, phase: "plan", page, pageSize: 200 });
    rows.push(...p.rows);
    if (rows.length >= p.total) break;
  }
  return { job, rows };
}

/** Every row of the results file. */
export async function resultsOf(caller: Caller, jobId: string): Promise<RowResult[]> {
  const out: RowResult[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<Caller["importer"]["results"]>> = await caller.importer.results({ jobId, cursor });
    out.push(
      ...page.rows.map((r) => ({
        line: r.line,
        email: r.email,
        outcome: r.outcome,
        message: r.message,
        ...(r.one_time_password ? { oneTimePassword: r.one_time_password } : {}),
      })),
    );
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** The whole round: dry run, then (when it found changes) confirm and apply; the result of every row. */
export async function runImport(db: Db, caller: Caller, rows: ImportCsvRow[] | string): Promise<RowResult[]> {
  const { job, rows: planned } = await dryRun(db, caller, typeof rows === "string" ? rows : toCsv(rows));
  if (job.changes === 0) return planned.map((r) => ({ line: r.line, email: r.email, outcome: r.outcome ?? "", message: r.message }));
  await caller.importer.confirm({ jobId: job.id });
  await drainImportJobs(db, { jobId: job.id });
  return resultsOf(caller, job.id);
}
