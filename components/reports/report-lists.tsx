"use client";
// The lists behind a report's figures: dormant, never signed in, covered but not enrolled,
// pending and expired invitations. Keyset pages from the server (the pager keeps the cursor of
// each page it has passed), and the whole list as a CSV streamed by app/o/[slug]/reports/[list].
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createColumnHelper, type PaginationState } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { DataTable, Pager, usePagedTable } from "../data-table";
import { errorMessage, useTRPC, type RouterOutputs } from "../trpc";
import { Alert, Badge, Card, cx } from "../ui";
import type { Summary } from "./reports-panel";

export type ListKey = "dormant" | "neverSignedIn" | "notEnrolled" | "pendingInvitations" | "expiredInvitations";
type MemberRow = RouterOutputs["reports"]["members"]["rows"][number];
type InvitationRow = RouterOutputs["reports"]["invitations"]["rows"][number];

const LISTS: Record<ListKey, { label: string; path: string; total: (s: Summary) => number; what: string }> = {
  dormant: {
    label: "Dormant",
    path: "dormant",
    total: (s) => s.signIn.dormant,
    what: "Active members with no sign-in for the dormant period, oldest sign-in first.",
  },
  neverSignedIn: {
    label: "Never signed in",
    path: "never-signed-in",
    total: (s) => s.signIn.never,
    what: "Active members who never signed in, longest waiting first.",
  },
  notEnrolled: {
    label: "Not enrolled in 2FA",
    path: "not-enrolled",
    total: (s) => s.twoFactor.coveredNotEnrolled,
    what: "Active members the two-factor policy covers who have not set up a second factor, by name.",
  },
  pendingInvitations: { label: "Pending invitations", path: "pending-invitations", total: (s) => s.invitations.pending, what: "Soonest to expire first." },
  expiredInvitations: { label: "Expired invitations", path: "expired-invitations", total: (s) => s.invitations.expired, what: "Longest expired first." },
};
const KEYS = Object.keys(LISTS) as ListKey[];
const isMemberList = (k: ListKey): k is "dormant" | "neverSignedIn" | "notEnrolled" => k === "dormant" || k === "neverSignedIn" || k === "notEnrolled";

const day = (d: Date) => d.toISOString().slice(0, 10);
function ago(d: Date, now: Date): string {
  const days = Math.floor((now.getTime() - d.getTime()) / 86_400_000);
  if (days < 0) return `in ${-days} day${days === -1 ? "" : "s"}`;
  return days === 0 ? "today" : `${days} day${days === 1 ? "" : "s"} ago`;
}
function When({ at, now }: { at: Date | null; now: Date }) {
  if (!at) return <span className="text-slate-500">never</span>;
  return (
    <span className="whitespace-nowrap">
      <time dateTime={at.toISOString()}>{day(at)}</time>
      <span className="ml-2 text-xs text-slate-500">{ago(at, now)}</span>
    </span>
  );
}

export function ReportLists({
  slug,
  groupId,
  summary,
  list,
  onList,
  canOpenMembers,
}: {
  slug: string;
  groupId: string;
  summary: Summary;
  list: ListKey;
  onList: (list: ListKey) => void;
  canOpenMembers: boolean;
}) {
  const info = LISTS[list];
  return (
    <Card
      title="Lists"
      actions={
        <a
          className="rounded-md px-2.5 py-1 text-xs font-medium text-indigo-600 ring-1 ring-slate-300 hover:bg-slate-50"
          href={`/o/${slug}/reports/${info.path}?group=${encodeURIComponent(groupId)}`}
          download
          aria-label={`Download the whole list “${info.label}” as CSV`}
        >
          Download CSV
        </a>
      }
    >
      <div className="space-y-3">
        <div role="group" aria-label="Which list" className="flex flex-wrap gap-1.5">
          {KEYS.map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={k === list}
              onClick={() => onList(k)}
              className={cx(
                "rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:outline-none",
                k === list ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
              )}
            >
              {LISTS[k].label}
              {/* The dark palette is mirrored (app/globals.css): there indigo-50 is the deep tint that reads on the pressed chip. */}
              <span className={cx("ml-1.5 tabular-nums", k === list ? "text-indigo-100 dark:text-indigo-50" : "text-slate-500")}>
                {LISTS[k].total(summary).toLocaleString("en")}
              </span>
            </button>
          ))}
        </div>
        <p className="text-sm text-slate-600">{info.what}</p>
        {/* A key per list and group: each starts from its first page. */}
        {isMemberList(list) ? (
          <MemberList
            key={`${groupId}:${list}`}
            slug={slug}
            groupId={groupId}
            list={list}
            total={info.total(summary)}
            now={summary.at}
            canOpenMembers={canOpenMembers}
          />
        ) : (
          <InvitationList
            key={`${groupId}:${list}`}
            groupId={groupId}
            state={list === "pendingInvitations" ? "PENDING" : "EXPIRED"}
            total={info.total(summary)}
            now={summary.at}
          />
        )}
      </div>
    </Card>
  );
}

/** Pager state over keyset pages: the cursor of every page reached so far. `bind` ties it to the
 * page shown, whose next cursor is the way forward. */
function useKeysetPaging() {
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 10 });
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const bind = (page: { rows: unknown[]; nextCursor: string | null } | undefined, total: number) => {
    const onPaginationChange = (updater: PaginationState | ((old: PaginationState) => PaginationState)) => {
      const next = typeof updater === "function" ? updater(pagination) : updater;
      if (next.pageSize !== pagination.pageSize) {
        setCursors([null]);
        setPagination({ pageIndex: 0, pageSize: next.pageSize });
      } else if (next.pageIndex === pagination.pageIndex + 1 && page?.nextCursor) {
        setCursors((c) => [...c.slice(0, next.pageIndex), page.nextCursor]);
        setPagination(next);
      } else if (next.pageIndex < pagination.pageIndex) {
        setPagination(next);
      }
    };
    // The figure may have moved since it was counted: the pages' own end decides "Next".
    const reached = pagination.pageIndex * pagination.pageSize + (page?.rows.length ?? 0);
    const rowCount = page?.nextCursor ? Math.max(total, reached + 1) : page ? reached : total;
    return { pagination, onPaginationChange, rowCount };
  };
  return { pagination, cursor: cursors[pagination.pageIndex] ?? null, bind };
}

const member = createColumnHelper<MemberRow>();

function MemberList({
  slug,
  groupId,
  list,
  total,
  now,
  canOpenMembers,
}: {
  slug: string;
  groupId: string;
  list: "dormant" | "neverSignedIn" | "notEnrolled";
  total: number;
  now: Date;
  canOpenMembers: boolean;
}) {
  const trpc = useTRPC();
  const paging = useKeysetPaging();
  const query = useQuery({
    ...trpc.reports.members.queryOptions({ groupId, list, cursor: paging.cursor, pageSize: paging.pagination.pageSize }),
    placeholderData: keepPreviousData,
  });
  // While the next page loads, the shown one is the previous page's: no step forward from it.
  const bound = paging.bind(query.isPlaceholderData ? undefined : query.data, total);
  const columns = useMemo(
    () => [
      member.accessor("name", {
        header: "Member",
        cell: ({ row }) =>
          canOpenMembers ? (
            <Link href={`/o/${slug}/members/${row.original.id}`} className="font-medium whitespace-nowrap text-indigo-600 hover:underline">
              {row.original.name}
            </Link>
          ) : (
            <span className="font-medium text-slate-900">{row.original.name}</span>
          ),
      }),
      member.accessor("email", { header: "Email", cell: ({ getValue }) => <span className="text-slate-600">{getValue()}</span> }),
      member.accessor("role", { header: "Role" }),
      member.accessor("group", { header: "Group" }),
      member.accessor("lastSignInAt", { header: "Last sign-in", cell: ({ getValue }) => <When at={getValue()} now={now} /> }),
      member.accessor("twoFactor", { header: "2FA", cell: ({ getValue }) => (getValue() ? <Badge tone="green">on</Badge> : <Badge>off</Badge>) }),
      member.accessor("createdAt", { header: "Member since", cell: ({ getValue }) => <time dateTime={getValue().toISOString()}>{day(getValue())}</time> }),
    ],
    [slug, now, canOpenMembers],
  );
  const table = usePagedTable({
    rows: query.data?.rows,
    total: bound.rowCount,
    columns,
    pagination: bound.pagination,
    onPaginationChange: bound.onPaginationChange,
  });
  return (
    <div className="space-y-3">
      {query.error && <Alert>{errorMessage(query.error)}</Alert>}
      <DataTable
        label={LISTS[list].label}
        table={table}
        loading={query.isPending}
        loadingText="Loading the list…"
        empty={<p className="text-sm text-slate-500">Nobody here.</p>}
      />
      <Pager table={table} total={Math.max(total, bound.rowCount)} noun="members" />
    </div>
  );
}

const invitation = createColumnHelper<InvitationRow>();

function InvitationList({ groupId, state, total, now }: { groupId: string; state: "PENDING" | "EXPIRED"; total: number; now: Date }) {
  const trpc = useTRPC();
  const paging = useKeysetPaging();
  const query = useQuery({
    ...trpc.reports.invitations.queryOptions({ groupId, state, cursor: paging.cursor, pageSize: paging.pagination.pageSize }),
    placeholderData: keepPreviousData,
  });
  // While the next page loads, the shown one is the previous page's: no step forward from it.
  const bound = paging.bind(query.isPlaceholderData ? undefined : query.data, total);
  const columns = useMemo(
    () => [
      invitation.accessor("email", { header: "Email", cell: ({ getValue }) => <span className="font-medium text-slate-900">{getValue()}</span> }),
      invitation.accessor("role", { header: "Role" }),
      invitation.accessor("group", { header: "Group" }),
      invitation.accessor("invitedBy", { header: "Invited by" }),
      invitation.accessor("lastSentAt", { header: "Last sent", cell: ({ getValue }) => <When at={getValue()} now={now} /> }),
      invitation.accessor("expiresAt", {
        header: state === "PENDING" ? "Expires" : "Expired",
        cell: ({ getValue }) => <When at={getValue()} now={now} />,
      }),
    ],
    [state, now],
  );
  const table = usePagedTable({
    rows: query.data?.rows,
    total: bound.rowCount,
    columns,
    pagination: bound.pagination,
    onPaginationChange: bound.onPaginationChange,
  });
  return (
    <div className="space-y-3">
      {query.error && <Alert>{errorMessage(query.error)}</Alert>}
      <DataTable
        label={LISTS[state === "PENDING" ? "pendingInvitations" : "expiredInvitations"].label}
        table={table}
        loading={query.isPending}
        loadingText="Loading the list…"
        empty={<p className="text-sm text-slate-500">None here.</p>}
      />
      <Pager table={table} total={Math.max(total, bound.rowCount)} noun="invitations" />
    </div>
  );
}
