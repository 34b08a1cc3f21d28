"use client";
import { useMutation } from "@tanstack/react-query";
import Papa from "papaparse";
import { useState } from "react";
import { errorMessage, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card } from "../ui";

const COLUMNS = ["email", "name", "username", "company", "group", "status", "action"] as const;
/** Columns of the export tool's members CSV that the import leaves aside, so an export re-imports. */
const EXPORT_ONLY = ["role", "two_factor", "last_sign_in"];
const EXAMPLE = `email,name,username,company,group,status,action
ana@example.com,Ana Lima,ana,Example Ltd,Sales/EMEA,ACTIVE,upsert
bo@example.com,,,,,DISABLED,upsert
old@example.com,,,,,,delete`;

type Row = Partial<Record<(typeof COLUMNS)[number], string>>;
const TONES = { created: "green", updated: "indigo", unchanged: "slate", deleted: "amber", refused: "rose" } as const;

/** A CSV row as the API takes it: empty cells mean "leave as it is". */
function toInput(row: Row) {
  const value = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
  return {
    email: row.email?.trim() ?? "",
    action: (value(row.action)?.toLowerCase() ?? "upsert") as "upsert" | "delete",
    name: value(row.name),
    username: value(row.username),
    company: value(row.company),
    group: value(row.group),
    status: value(row.status)?.toUpperCase() as "ACTIVE" | "DISABLED" | undefined,
  };
}

export function ImportTool() {
  const trpc = useTRPC();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const run = useMutation(trpc.importer.run.mutationOptions());

  function load(text: string) {
    run.reset();
    const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: "greedy", transformHeader: (h) => h.trim().toLowerCase() });
    const unknown = (parsed.meta.fields ?? []).filter((f) => !COLUMNS.includes(f as (typeof COLUMNS)[number]) && !EXPORT_ONLY.includes(f));
    if (!parsed.meta.fields?.includes("email")) return setParseError("The first line must name the columns, including email.");
    if (unknown.length) return setParseError(`Unknown column(s): ${unknown.join(", ")}. Known: ${COLUMNS.join(", ")}.`);
    if (parsed.errors.length) return setParseError(`Line ${(parsed.errors[0]!.row ?? 0) + 2}: ${parsed.errors[0]!.message}`);
    setParseError(null);
    setRows(parsed.data);
  }

  return (
    <div className="space-y-6">
      <Card title="1. Choose a CSV file">
        <p className="mb-3 text-sm text-slate-600">
          Columns: <code className="text-xs">{COLUMNS.join(", ")}</code>. Members are matched by email. Empty cells leave a value as it is; new members become
          end users (role User) with a one-time password. <code className="text-xs">group</code> is a path below the root, such as{" "}
          <code className="text-xs">Sales/EMEA</code>. A members export re-imports as it is: its role, two_factor and last_sign_in columns are left aside.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <label className="text-sm font-medium text-slate-700" htmlFor="import-file">
            CSV file
          </label>
          <input id="import-file" type="file" accept=".csv,text/csv" className="text-sm" onChange={(e) => void e.target.files?.[0]?.text().then(load)} />
          <Button variant="ghost" size="sm" onClick={() => load(EXAMPLE)}>
            Load an example
          </Button>
        </div>
        {parseError && (
          <div className="mt-3">
            <Alert>{parseError}</Alert>
          </div>
        )}
      </Card>

      {rows && !run.data && (
        <Card
          title={`2. Check ${rows.length} row${rows.length === 1 ? "" : "s"}`}
          actions={
            <Button onClick={() => run.mutate({ rows: rows.map(toInput) })} disabled={run.isPending || rows.length === 0}>
              {run.isPending ? "Importing…" : "Run import"}
            </Button>
          }
        >
          {run.error && (
            <div className="mb-3">
              <Alert>{errorMessage(run.error)}</Alert>
            </div>
          )}
          <div className="max-h-96 overflow-auto">
            <table className="min-w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="px-2 py-1">Line</th>
                  {COLUMNS.map((c) => (
                    <th key={c} className="px-2 py-1">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.slice(0, 200).map((r, i) => (
                  <tr key={i}>
                    <td className="px-2 py-1 text-slate-500">{i + 1}</td>
                    {COLUMNS.map((c) => (
                      <td key={c} className="px-2 py-1">
                        {r[c]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}

      {run.data && (
        <Card title={`3. Results: ${run.data.filter((r) => r.outcome !== "refused").length} of ${run.data.length} rows applied`}>
          {run.data.some((r) => r.oneTimePassword) && (
            <div className="mb-3">
              <Alert tone="info">
                One-time passwords are shown only now. Hand each to its member through a channel you trust. Someone who already uses Steward in another
                organization keeps signing in with their own password, and theirs does nothing.
              </Alert>
            </div>
          )}
          <table className="min-w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="px-2 py-1">Line</th>
                <th className="px-2 py-1">Email</th>
                <th className="px-2 py-1">Result</th>
                <th className="px-2 py-1">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {run.data.map((r) => (
                <tr key={r.line}>
                  <td className="px-2 py-1 text-slate-500">{r.line}</td>
                  <td className="px-2 py-1">{r.email}</td>
                  <td className="px-2 py-1">
                    <Badge tone={TONES[r.outcome]}>{r.outcome}</Badge>
                  </td>
                  <td className="px-2 py-1 text-slate-600">
                    {r.message}
                    {r.oneTimePassword && (
                      <code className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-900 select-all">{r.oneTimePassword}</code>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
