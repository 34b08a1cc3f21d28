"use client";
// Email in the console: the organization's outbox with delivery status and last error;
// in built-in mailbox mode, the owner opens the emails here.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useState } from "react";
import type { AppRouter } from "@/server/trpc/root";
import { DataTable, Pager, usePagedTable, usePaging } from "../data-table";
import { Dialog } from "../dialog";
import { errorMessage, refreshQueries, useTRPC } from "../trpc";
import { Alert, Badge, Button, EmptyState, Select } from "../ui";

type Outbox = inferRouterOutputs<AppRouter>["email"]["outbox"];
type Row = Outbox["rows"][number];
type Status = Row["status"];

const STATUS_TONE = { PENDING: "amber", SENDING: "indigo", SENT: "green", FAILED: "rose" } as const;
const column = createColumnHelper<Row>();
const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

export function OutboxTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status | "">("");
  const { pagination, setPagination, toFirstPage } = usePaging(25);
  const [opened, setOpened] = useState<Row | null>(null);

  const outbox = useQuery({
    ...trpc.email.outbox.queryOptions({ status: status || undefined, page: pagination.pageIndex + 1, pageSize: pagination.pageSize }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
  const retry = useMutation(trpc.email.retry.mutationOptions({ onSuccess: () => void refreshQueries(queryClient, trpc.email.outbox.queryKey()) }));

  const columns = useMemo(
    () => [
      column.accessor("subject", {
        header: "Email",
        cell: ({ row }) => (
          <div className="max-w-md">
            <div className="truncate font-medium text-slate-900">{row.original.subject}</div>
            <div className="text-xs text-slate-500">to {row.original.to}</div>
          </div>
        ),
      }),
      column.accessor("status", {
        header: "Status",
        cell: ({ row }) => (
          <div className="space-y-1">
            <Badge tone={STATUS_TONE[row.original.status]}>
              {row.original.status === "SENT" && row.original.transport === "mailbox" ? "in mailbox" : row.original.status.toLowerCase()}
            </Badge>
            {row.original.attempts > 1 && <div className="text-xs text-slate-500">{row.original.attempts} attempts</div>}
          </div>
        ),
      }),
      column.display({
        id: "delivery",
        header: "Delivery",
        cell: ({ row }) => {
          const r = row.original;
          return (
            <div className="max-w-xs text-xs text-slate-500">
              <div className="whitespace-nowrap">queued {when(r.createdAt)}</div>
              {r.sentAt && <div className="whitespace-nowrap">delivered {when(r.sentAt)}</div>}
              {r.status === "PENDING" && r.attempts > 0 && <div className="whitespace-nowrap">next try {when(r.nextAttemptAt)}</div>}
              {r.lastError && (
                <div className="mt-1 break-words text-rose-700" title={r.lastError}>
                  {r.lastError.length > 140 ? `${r.lastError.slice(0, 140)}…` : r.lastError}
                </div>
              )}
            </div>
          );
        },
      }),
      column.display({
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row }) => (
          <div className="flex justify-end gap-1">
            {row.original.can.open && (
              <Button size="sm" variant="ghost" onClick={() => setOpened(row.original)} aria-label={`Open the email to ${row.original.to}`}>
                Open
              </Button>
            )}
            {row.original.can.retry && (
              <Button
                size="sm"
                variant="ghost"
                disabled={retry.isPending}
                onClick={() => retry.mutate({ emailId: row.original.id })}
                aria-label={`Retry the email to ${row.original.to}`}
              >
                Retry
              </Button>
            )}
          </div>
        ),
      }),
    ],
    [retry],
  );

  const table = usePagedTable({ rows: outbox.data?.rows, total: outbox.data?.total, columns, pagination, onPaginationChange: setPagination });
  const counts = outbox.data?.counts ?? {};

  return (
    <div className="space-y-4">
      {outbox.data?.mode === "mailbox" && (
        <Alert tone="info">
          No SMTP server is configured (SMTP_URL), so emails stay here in Steward’s built-in mailbox and their links are printed in the server log. The owner
          can open them.
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="filter-email-status" className="text-sm text-slate-600">
          Show
        </label>
        <Select
          id="filter-email-status"
          className="!w-auto"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as Status | "");
            toFirstPage();
          }}
        >
          <option value="">All emails</option>
          <option value="PENDING">Waiting ({counts.PENDING ?? 0})</option>
          <option value="SENDING">Sending ({counts.SENDING ?? 0})</option>
          <option value="SENT">Delivered ({counts.SENT ?? 0})</option>
          <option value="FAILED">Failed ({counts.FAILED ?? 0})</option>
        </Select>
      </div>
      {(outbox.error || retry.error) && <Alert>{errorMessage(outbox.error ?? retry.error)}</Alert>}
      <DataTable
        label="Emails"
        table={table}
        loading={outbox.isPending}
        loadingText="Loading emails…"
        empty={
          <EmptyState title={status ? "No emails with this status" : "No emails yet"}>
            Invitations and notices sent for this organization appear here.
          </EmptyState>
        }
      />
      <Pager table={table} total={outbox.data?.total} noun="emails" />
      {opened && <OpenedEmail email={opened} onClose={() => setOpened(null)} />}
    </div>
  );
}

function OpenedEmail({ email, onClose }: { email: Row; onClose: () => void }) {
  const trpc = useTRPC();
  const [view, setView] = useState<"html" | "text">("html");
  const content = useQuery(trpc.email.open.queryOptions({ emailId: email.id }));
  return (
    <Dialog open wide onClose={onClose} title={email.subject}>
      <div className="space-y-3">
        <div className="flex items-center justify-between gap-3 text-sm text-slate-600">
          <span>To {email.to}</span>
          <div role="group" aria-label="Part" className="flex gap-1">
            <Button size="sm" variant={view === "html" ? "secondary" : "ghost"} aria-pressed={view === "html"} onClick={() => setView("html")}>
              HTML
            </Button>
            <Button size="sm" variant={view === "text" ? "secondary" : "ghost"} aria-pressed={view === "text"} onClick={() => setView("text")}>
              Plain text
            </Button>
          </div>
        </div>
        {content.error && <Alert>{errorMessage(content.error)}</Alert>}
        {content.data &&
          (view === "html" ? (
            // sandbox without scripts; links open in a new tab so the console stays put.
            <iframe
              title={`Email: ${email.subject}`}
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              srcDoc={content.data.html.replace("<head>", '<head><base target="_blank">')}
              className="h-[28rem] w-full rounded-md ring-1 ring-slate-200"
            />
          ) : (
            // Focusable, so the keyboard can scroll a long email: nothing inside takes focus.
            <pre tabIndex={0} className="h-[28rem] overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-xs text-slate-800 ring-1 ring-slate-200">
              {content.data.text}
            </pre>
          ))}
        <div className="flex justify-end">
          <Button onClick={onClose}>Close</Button>
        </div>
      </div>
    </Dialog>
  );
}
