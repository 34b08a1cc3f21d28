"use client";
// Every organization of the instance, for its operators: name and address, owner, size,
// age and status, paged on the server; suspending, resuming and deleting one.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { DataTable, Pager, usePagedTable, usePaging } from "../data-table";
import { errorMessage, refreshQueries, type RouterOutputs, useTRPC } from "../trpc";
import { Alert, Badge, Button, cx, EmptyState, Input } from "../ui";
import { useDebounced } from "../use-debounced";
import { DeleteOrganizationDialog, SuspendOrganizationDialog } from "./organization-dialogs";

export type OrganizationRow = RouterOutputs["instance"]["organizations"]["rows"][number];
type Status = "ACTIVE" | "SUSPENDED" | "";
type Action = { kind: "suspend" | "delete"; organization: OrganizationRow } | null;

const STATUSES: Array<{ value: Status; label: string }> = [
  { value: "", label: "All" },
  { value: "ACTIVE", label: "Active" },
  { value: "SUSPENDED", label: "Suspended" },
];
const column = createColumnHelper<OrganizationRow>();
const day = (d: Date) => d.toISOString().slice(0, 10);

export function OrganizationsTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<Status>("");
  const [action, setAction] = useState<Action>(null);
  const { pagination, setPagination, toFirstPage } = usePaging(25);
  const q = useDebounced(search.trim(), 250);

  const list = useQuery({
    ...trpc.instance.organizations.queryOptions({
      search: q || undefined,
      status: status || undefined,
      page: pagination.pageIndex + 1,
      pageSize: pagination.pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const resume = useMutation(trpc.instance.resume.mutationOptions({ onSuccess: () => refreshQueries(queryClient, trpc.instance.pathKey()) }));
  // Stable pieces only: new columns remount the cells, and the focused button with them.
  const { mutate: resumeOrganization, isPending: resuming } = resume;

  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: "Organization",
        cell: ({ row }) => (
          <div>
            <div className="font-medium text-slate-900">{row.original.name}</div>
            <div className="font-mono text-xs text-slate-500">/o/{row.original.slug}</div>
          </div>
        ),
      }),
      column.accessor("owner", {
        header: "Owner",
        cell: ({ getValue }) => {
          const owner = getValue();
          return owner ? (
            <div>
              <div className="text-slate-900">{owner.name}</div>
              <div className="text-xs text-slate-500">{owner.email}</div>
            </div>
          ) : (
            <span className="text-slate-500">No owner</span>
          );
        },
      }),
      column.accessor("members", { header: "Members", cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span> }),
      column.accessor("createdAt", { header: "Created", cell: ({ getValue }) => <span className="whitespace-nowrap text-slate-500">{day(getValue())}</span> }),
      column.display({
        id: "status",
        header: "Status",
        cell: ({ row }) => {
          const { suspendedAt, suspendedReason } = row.original;
          if (!suspendedAt) return <Badge tone="green">active</Badge>;
          return (
            <div className="max-w-xs space-y-1">
              <Badge tone="rose">suspended</Badge>
              <div className="text-xs text-slate-500">
                since {day(suspendedAt)}
                {suspendedReason ? `: ${suspendedReason}` : ", no reason given"}
              </div>
            </div>
          );
        },
      }),
      column.display({
        id: "actions",
        // In the flow (not absolute like plain sr-only), so that it stays inside the scrolling table on narrow screens.
        header: () => <span className="sr-only !relative">Actions</span>,
        cell: ({ row }) => {
          const org = row.original;
          return (
            <div className="flex justify-end gap-1">
              {org.suspendedAt ? (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={resuming}
                  onClick={() => resumeOrganization({ organizationId: org.id })}
                  aria-label={`Resume ${org.name}`}
                >
                  Resume
                </Button>
              ) : (
                <Button size="sm" variant="ghost" onClick={() => setAction({ kind: "suspend", organization: org })} aria-label={`Suspend ${org.name}`}>
                  Suspend
                </Button>
              )}
              <Button
                size="sm"
                variant="ghost"
                className="!text-rose-700 hover:!bg-rose-50"
                onClick={() => setAction({ kind: "delete", organization: org })}
                aria-label={`Delete ${org.name}`}
              >
                Delete
              </Button>
            </div>
          );
        },
      }),
    ],
    [resumeOrganization, resuming],
  );
  const table = usePagedTable({ rows: list.data?.rows, total: list.data?.total, columns, pagination, onPaginationChange: setPagination });
  const close = () => setAction(null);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="organizations-search" className="sr-only">
          Search organizations
        </label>
        <Input
          id="organizations-search"
          type="search"
          className="!w-72"
          placeholder="Search by name or address"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            toFirstPage();
          }}
        />
        <div role="group" aria-label="Status" className="inline-flex rounded-md bg-slate-100 p-0.5">
          {STATUSES.map((s) => (
            <button
              key={s.value}
              type="button"
              aria-pressed={status === s.value}
              onClick={() => {
                setStatus(s.value);
                toFirstPage();
              }}
              className={cx(
                "rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600",
                status === s.value ? "bg-white text-slate-900 shadow-xs" : "text-slate-600 hover:text-slate-900",
              )}
            >
              {s.label}
            </button>
          ))}
        </div>
      </div>
      {(list.error || resume.error) && <Alert>{errorMessage(list.error ?? resume.error)}</Alert>}
      <DataTable
        label="Organizations"
        table={table}
        loading={list.isPending}
        loadingText="Loading organizations…"
        empty={
          <EmptyState title={q || status ? "No organization matches" : "No organizations yet"}>
            {q || status ? "Try another search or status." : "Organizations created on this Steward appear here."}
          </EmptyState>
        }
      />
      <Pager table={table} total={list.data?.total} noun="organizations" />
      <SuspendOrganizationDialog organization={action?.kind === "suspend" ? action.organization : null} onClose={close} />
      <DeleteOrganizationDialog organization={action?.kind === "delete" ? action.organization : null} onClose={close} />
    </div>
  );
}
