"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createColumnHelper, getCoreRowModel, useReactTable, type RowSelectionState, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";
import { BULK_MATCHING_CAP } from "@/server/authz";
import { CursorPager, useCursorPaging } from "../cursor-pager";
import { DataTable } from "../data-table";
import { useDebounced } from "../use-debounced";
import { GroupOptions } from "../form-parts";
import { errorMessage, useTRPC } from "../trpc";
import { Alert, Badge, Button, EmptyState, Input, Select } from "../ui";
import { BulkBar } from "./bulk-bar";
import { MemberDialogs, type MemberAction } from "./member-dialogs";

export type MemberRow = inferRouterOutputs<AppRouter>["members"]["list"]["rows"][number];
type Sort = "name" | "email" | "role" | "group" | "status" | "createdAt";
type Status = "INVITED" | "ACTIVE" | "DISABLED";

const STATUS_TONE = { ACTIVE: "green", INVITED: "amber", DISABLED: "rose" } as const;
const column = createColumnHelper<MemberRow>();

export function MembersTable() {
  const trpc = useTRPC();
  const { slug } = useParams<{ slug: string }>();
  const [search, setSearch] = useState("");
  const [groupId, setGroupId] = useState("");
  const [roleId, setRoleId] = useState("");
  const [status, setStatus] = useState<Status | "">("");
  const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
  const { position, setPosition, pageSize, setPageSize, toFirstPage } = useCursorPaging(25);
  const [action, setAction] = useState<MemberAction>(null);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  // "Select all N matching": every member the filters match, beyond this page.
  const [allMatching, setAllMatching] = useState(false);
  const q = useDebounced(search, 250);

  // Another filter, order or page size is another list: back to its first page.
  useEffect(toFirstPage, [q, groupId, roleId, status, sorting, pageSize]); // eslint-disable-line react-hooks/exhaustive-deps -- toFirstPage only sets state
  // A selection is of what is on screen: it does not follow across pages or filters.
  useEffect(() => setRowSelection({}), [q, groupId, roleId, status, position, sorting, pageSize]);
  useEffect(() => setAllMatching(false), [q, groupId, roleId, status, rowSelection]);

  const options = useQuery(trpc.members.options.queryOptions());
  const input = {
    pageSize,
    cursor: position.cursor,
    last: position.last || undefined,
    sort: (sorting[0]?.id ?? "name") as Sort,
    direction: sorting[0]?.desc ? ("desc" as const) : ("asc" as const),
    search: q || undefined,
    groupId: groupId || undefined,
    roleId: roleId || undefined,
    status: status || undefined,
  };
  const list = useQuery({ ...trpc.members.list.queryOptions(input), placeholderData: keepPreviousData });
  const manages = list.data?.manages ?? false;

  const columns = useMemo(
    () => [
      column.display({
        id: "select",
        header: ({ table }) => (
          <input
            type="checkbox"
            aria-label="Select all members on this page"
            className="accent-indigo-600"
            checked={table.getIsAllRowsSelected()}
            ref={(el) => {
              if (el) el.indeterminate = table.getIsSomeRowsSelected();
            }}
            onChange={table.getToggleAllRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`Select ${row.original.name}`}
            className="accent-indigo-600"
            checked={row.getIsSelected()}
            disabled={!row.getCanSelect()}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
      }),
      column.accessor("name", {
        header: "Name",
        cell: ({ row }) => (
          <div>
            <div className="font-medium text-slate-900">
              <Link href={`/o/${slug}/members/${row.original.id}`} className="hover:text-indigo-600 hover:underline">
                {row.original.name}
              </Link>{" "}
              {row.original.isSelf && <Badge tone="indigo">you</Badge>} {row.original.isOwner && <Badge tone="indigo">owner</Badge>}{" "}
              {manages && !row.original.isSelf && !row.original.can.changeRole && !row.original.can.changeGroup && !row.original.can.setStatus && (
                <span title="You see this member but cannot change them: open them for the reason.">
                  <Badge>view only</Badge>
                </span>
              )}
            </div>
            <div className="text-xs text-slate-500">{row.original.email}</div>
          </div>
        ),
      }),
      column.accessor((r) => r.role.name, { id: "role", header: "Role" }),
      column.accessor((r) => r.group.name, { id: "group", header: "Group" }),
      column.accessor("status", {
        header: "Status",
        cell: ({ getValue, row }) => (
          <span className="flex flex-wrap gap-1">
            <Badge tone={STATUS_TONE[getValue()]}>{getValue().toLowerCase()}</Badge>
            {row.original.lockedUntil && (
              <span title={`Sign-in refused until ${row.original.lockedUntil.toISOString().replace("T", " ").slice(0, 16)} UTC`}>
                <Badge tone="rose">locked</Badge>
              </span>
            )}
          </span>
        ),
      }),
      column.accessor("createdAt", {
        header: "Added",
        cell: ({ getValue }) => <span className="whitespace-nowrap text-slate-500">{getValue().toISOString().slice(0, 10)}</span>,
      }),
      column.display({
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row }) => (
          <div className="flex justify-end gap-1">
            {row.original.can.changeRole && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setAction({ kind: "role", member: row.original })}
                aria-label={`Change role of ${row.original.name}`}
              >
                Change role
              </Button>
            )}
            {row.original.can.changeGroup && (
              <Button size="sm" variant="ghost" onClick={() => setAction({ kind: "group", member: row.original })} aria-label={`Move ${row.original.name}`}>
                Move
              </Button>
            )}
            {row.original.can.setStatus && row.original.status !== "INVITED" && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setAction({ kind: "status", member: row.original })}
                aria-label={`${row.original.status === "DISABLED" ? "Enable" : "Disable"} ${row.original.name}`}
              >
                {row.original.status === "DISABLED" ? "Enable" : "Disable"}
              </Button>
            )}
          </div>
        ),
      }),
    ],
    [slug, manages],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table opts this component out of the React Compiler, as intended
  const table = useReactTable({
    data: list.data?.rows ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    state: { sorting, rowSelection },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
    getRowId: (row) => row.id,
    enableRowSelection: (row) => row.original.can.setStatus || row.original.can.changeRole || row.original.can.changeGroup,
    onRowSelectionChange: setRowSelection,
  });
  const selected = table.getSelectedRowModel().rows.map((r) => ({ id: r.original.id, name: r.original.name }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3" role="search">
        <div className="min-w-56 flex-1">
          <label htmlFor="member-search" className="sr-only">
            Search by name or email
          </label>
          <Input id="member-search" type="search" placeholder="Search by name or email" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <label className="sr-only" htmlFor="filter-group">
          Group
        </label>
        <Select id="filter-group" className="!w-auto" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
          <option value="">All groups in reach</option>
          <GroupOptions groups={options.data?.groups ?? []} suffix=" and subgroups" />
        </Select>
        <label className="sr-only" htmlFor="filter-role">
          Role
        </label>
        <Select id="filter-role" className="!w-auto" value={roleId} onChange={(e) => setRoleId(e.target.value)}>
          <option value="">All roles</option>
          {options.data?.roles.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </Select>
        <label className="sr-only" htmlFor="filter-status">
          Status
        </label>
        <Select id="filter-status" className="!w-auto" value={status} onChange={(e) => setStatus(e.target.value as Status | "")}>
          <option value="">Any status</option>
          <option value="ACTIVE">Active</option>
          <option value="DISABLED">Disabled</option>
        </Select>
      </div>

      {list.error && <Alert>{errorMessage(list.error)}</Alert>}
      {selected.length > 0 && (
        <BulkBar
          selected={selected}
          matching={
            allMatching && list.data
              ? {
                  filters: { search: q || undefined, groupId: groupId || undefined, roleId: roleId || undefined, status: status || undefined },
                  count: list.data.total,
                }
              : undefined
          }
          roles={options.data?.roles ?? []}
          groups={options.data?.groups ?? []}
          onDone={() => {
            setRowSelection({});
            setAllMatching(false);
          }}
        />
      )}
      {list.data && table.getIsAllPageRowsSelected() && list.data.total > list.data.rows.length && (
        <p className="text-sm text-slate-600" aria-live="polite">
          {allMatching ? (
            <>
              All {list.data.total.toLocaleString("en-US")} members matching the filters are selected, yourself and those you may not change included: each is
              decided on its own.{" "}
              <Button size="sm" variant="ghost" onClick={() => setAllMatching(false)}>
                Only this page
              </Button>
            </>
          ) : list.data.totalExact && list.data.total <= BULK_MATCHING_CAP ? (
            <>
              All {list.data.rows.length} on this page are selected.{" "}
              <Button size="sm" variant="ghost" onClick={() => setAllMatching(true)}>
                Select all {list.data.total.toLocaleString("en-US")} matching
              </Button>
            </>
          ) : (
            <>
              All {list.data.rows.length} on this page are selected. To act on every match at once, narrow the search or filters to at most{" "}
              {BULK_MATCHING_CAP.toLocaleString("en-US")}.
            </>
          )}
        </p>
      )}

      <DataTable
        table={table}
        loading={list.isPending}
        loadingText="Loading members…"
        label="Members"
        empty={<EmptyState title="No members match">Clear the search or filters to list everyone again.</EmptyState>}
      />
      <CursorPager page={list.data} position={position} onMove={setPosition} pageSize={pageSize} onPageSize={setPageSize} noun="members" />
      <MemberDialogs action={action} onClose={() => setAction(null)} roles={options.data?.roles ?? []} groups={options.data?.groups ?? []} />
    </div>
  );
}
