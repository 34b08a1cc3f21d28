"use client";
// The restore report (seed 004): per member in the viewer's span who owns resources the
// viewer sees, what restores and the last restore, paged on the server, sorted by member
// name, with a CSV download of the whole report (built like the runs report's).
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
import { Alert, Badge, Button, Card, EmptyState } from "../ui";
import { saveCsv } from "../save-csv";

type Report = inferRouterOutputs<AppRouter>["resources"]["restoreReport"];
type Row = Report["rows"][number];

const TONE: Record<string, "green" | "rose" | "indigo"> = { SUCCEEDED: "green", FAILED: "rose", RUNNING: "indigo" };
const column = createColumnHelper<Row>();
const minute = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");
const CSV_PAGE = 1000;

/** "vault, archive and 2 more": the first names the report carries, and how many it left out. */
function restorableText(r: Pick<Row, "restorable" | "restorableNames">): string {
  const more = r.restorable - r.restorableNames.length;
  return r.restorableNames.join(", ") + (more > 0 ? ` and ${more} more` : "");
}

export function RestoreReport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { slug } = useParams<{ slug: string }>();
  const { pagination, setPagination } = usePaging(10);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const report = useQuery({
    ...trpc.resources.restoreReport.queryOptions({ page: pagination.pageIndex + 1, pageSize: pagination.pageSize }),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: "Member",
        cell: ({ row }) => (
          <Link href={`/o/${slug}/members/${row.original.id}`} className="font-medium whitespace-nowrap text-indigo-600 hover:underline">
            {row.original.name}
          </Link>
        ),
      }),
      column.accessor("resources", { header: "Resources", cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span> }),
      column.accessor("restorable", {
        header: "Restorable",
        cell: ({ row }) => (
          <span>
            <span className="tabular-nums">{row.original.restorable}</span>
            {row.original.restorable > 0 && <span className="ml-2 text-xs text-slate-500">{restorableText(row.original)}</span>}
          </span>
        ),
      }),
      column.accessor("lastRestoreAt", {
        header: "Last restore",
        cell: ({ row }) => {
          const { lastRestoreAt: at, lastRestoreResult: result, lastRestoreResource: resource } = row.original;
          if (!at || !result) return <span className="text-slate-500">—</span>;
          return (
            <span className="inline-flex items-center gap-2 whitespace-nowrap">
              <Badge tone={TONE[result] ?? "slate"}>{result.toLowerCase()}</Badge>
              <span className="text-xs">{resource}</span>
              <time className="text-xs text-slate-500" dateTime={at.toISOString()}>
                {minute(at)}
              </time>
            </span>
          );
        },
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
        const chunk = await queryClient.fetchQuery(trpc.resources.restoreReport.queryOptions({ page, pageSize: CSV_PAGE }));
        rows.push(...chunk.rows);
        if (rows.length >= chunk.total || chunk.rows.length < CSV_PAGE) break;
      }
      const csv = Papa.unparse(
        rows.map((r) => ({
          member: r.name,
          email: r.email,
          resources: r.resources,
          restorable: r.restorable,
          restorable_first: r.restorableNames.join("; "),
          last_restore_at_utc: r.lastRestoreAt?.toISOString() ?? "",
          last_restore_result: r.lastRestoreResult ?? "",
          last_restore_resource: r.lastRestoreResource ?? "",
        })),
      );
      saveCsv(csv, `restore-report-${slug}.csv`);
    } catch (e) {
      setDownloadError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Card
      title="Restore report"
      actions={
        <Button size="sm" variant="secondary" onClick={download} disabled={downloading || !report.data?.total}>
          {downloading ? "Preparing…" : "Download CSV"}
        </Button>
      }
    >
      <div className="space-y-3">
        {report.error && <Alert>{errorMessage(report.error)}</Alert>}
        {downloadError && <Alert>{downloadError}</Alert>}
        <DataTable
          label="Restore report"
          table={table}
          loading={report.isPending}
          loadingText="Loading the report…"
          empty={<EmptyState title="No owners in your span">Members ranked below you, in your reach, who own resources you see are listed here.</EmptyState>}
        />
        <Pager table={table} total={report.data?.total} noun="members" />
      </div>
    </Card>
  );
}
