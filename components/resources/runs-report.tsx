"use client";
// The runs report: per resource the viewer sees, runs and restores over a period and how
// they ended, paged on the server, with a CSV download of the whole report.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useParams } from "next/navigation";
import Papa from "papaparse";
import { useMemo, useState } from "react";
import type { AppRouter } from "@/server/trpc/root";
import { DataTable, Pager, usePagedTable, usePaging } from "../data-table";
import { errorMessage, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card, EmptyState, Select } from "../ui";
import { typeLabel } from "./resources-table";
import { saveCsv } from "../save-csv";

type Report = inferRouterOutputs<AppRouter>["resources"]["report"];
type Row = Report["rows"][number];
type Sort = "failed" | "runs" | "name" | "last";

const PERIODS = [7, 30, 90, 365] as const;
const SORTS: Record<Sort, string> = { failed: "Most failures", runs: "Most runs", last: "Latest run", name: "Name" };
const TONE: Record<string, "green" | "rose" | "indigo"> = { SUCCEEDED: "green", FAILED: "rose", RUNNING: "indigo" };
const column = createColumnHelper<Row>();
const minute = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");
const failureRate = (r: Pick<Row, "failed" | "succeeded">) => (r.failed + r.succeeded ? Math.round((100 * r.failed) / (r.failed + r.succeeded)) : null);
const CSV_PAGE = 1000;

export function RunsReport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { slug } = useParams<{ slug: string }>();
  const [days, setDays] = useState<number>(30);
  const [sort, setSort] = useState<Sort>("failed");
  const { pagination, setPagination, toFirstPage } = usePaging(10);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const report = useQuery({
    ...trpc.resources.report.queryOptions({ days, sort, page: pagination.pageIndex + 1, pageSize: pagination.pageSize }),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: "Resource",
        cell: ({ row }) => (
          <Link href={`/o/${slug}/resources/${row.original.id}`} className="font-medium whitespace-nowrap text-indigo-600 hover:underline">
            {row.original.name}
          </Link>
        ),
      }),
      column.accessor("type", { header: "Type", cell: ({ getValue }) => typeLabel(getValue()) }),
      column.accessor("runs", { header: "Started", cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span> }),
      column.accessor("succeeded", { header: "Succeeded", cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span> }),
      column.accessor("failed", {
        header: "Failed",
        cell: ({ getValue }) => <span className={getValue() ? "font-medium text-rose-700 tabular-nums" : "tabular-nums"}>{getValue()}</span>,
      }),
      column.accessor("running", { header: "Running", cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span> }),
      column.display({
        id: "rate",
        header: "Failure rate",
        cell: ({ row }) => {
          const rate = failureRate(row.original);
          return <span className="tabular-nums">{rate === null ? "—" : `${rate}%`}</span>;
        },
      }),
      column.accessor("lastAt", {
        header: "Last",
        cell: ({ row }) => (
          <span className="inline-flex items-center gap-2 whitespace-nowrap">
            <Badge tone={TONE[row.original.lastResult] ?? "slate"}>{row.original.lastResult.toLowerCase()}</Badge>
            <time className="text-xs text-slate-500" dateTime={row.original.lastAt.toISOString()}>
              {minute(row.original.lastAt)}
            </time>
          </span>
        ),
      }),
    ],
    [slug],
  );
  const table = usePagedTable({ rows: report.data?.rows, total: report.data?.total, columns, pagination, onPaginationChange: setPagination });

  async function download() {
    setDownloading(true);
    setDownloadError(null);
    try {
      const rows: Row[] = [];
      for (let page = 1; ; page++) {
        const chunk = await queryClient.fetchQuery(trpc.resources.report.queryOptions({ days, sort, page, pageSize: CSV_PAGE }));
        rows.push(...chunk.rows);
        if (rows.length >= chunk.total || chunk.rows.length < CSV_PAGE) break;
      }
      const csv = Papa.unparse(
        rows.map((r) => ({
          resource: r.name,
          type: typeLabel(r.type),
          started: r.runs,
          succeeded: r.succeeded,
          failed: r.failed,
          running: r.running,
          failure_rate_percent: failureRate(r) ?? "",
          last_at_utc: r.lastAt.toISOString(),
          last_result: r.lastResult,
        })),
      );
      saveCsv(csv, `runs-report-${slug}-${days}d.csv`);
    } catch (e) {
      setDownloadError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Card
      title="Runs report"
      actions={
        <Button size="sm" variant="secondary" onClick={download} disabled={downloading || !report.data?.total}>
          {downloading ? "Preparing…" : "Download CSV"}
        </Button>
      }
    >
      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <label htmlFor="report-period">Period</label>
          <Select
            id="report-period"
            className="!w-auto"
            value={days}
            onChange={(e) => {
              setDays(Number(e.target.value));
              toFirstPage();
            }}
          >
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                Last {d} days
              </option>
            ))}
          </Select>
          <label htmlFor="report-sort">Sort by</label>
          <Select
            id="report-sort"
            className="!w-auto"
            value={sort}
            onChange={(e) => {
              setSort(e.target.value as Sort);
              toFirstPage();
            }}
          >
            {(Object.keys(SORTS) as Sort[]).map((s) => (
              <option key={s} value={s}>
                {SORTS[s]}
              </option>
            ))}
          </Select>
        </div>
        {report.error && <Alert>{errorMessage(report.error)}</Alert>}
        {downloadError && <Alert>{downloadError}</Alert>}
        <DataTable
          label="Runs report"
          table={table}
          loading={report.isPending}
          loadingText="Loading the report…"
          empty={<EmptyState title={`No runs in the last ${days} days`}>Runs and restores of the resources you see are counted here.</EmptyState>}
        />
        <Pager table={table} total={report.data?.total} noun="resources" />
      </div>
    </Card>
  );
}
