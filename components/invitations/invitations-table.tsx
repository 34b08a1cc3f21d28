"use client";
// The invitations list (pending, expired, accepted, revoked), with resend and revoke.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useState } from "react";
import type { AppRouter } from "@/server/trpc/root";
import { DataTable, Pager, usePagedTable, usePaging } from "../data-table";
import { Dialog } from "../dialog";
import { DialogActions } from "../form-parts";
import { errorMessage, refreshQueries, useTRPC } from "../trpc";
import { Alert, Badge, Button, EmptyState, Select } from "../ui";

type Row = inferRouterOutputs<AppRouter>["invitations"]["list"]["rows"][number];
type State = Row["state"];

const STATE_TONE = { PENDING: "amber", EXPIRED: "slate", ACCEPTED: "green", REVOKED: "rose" } as const;
const column = createColumnHelper<Row>();
const day = (d: Date) => d.toISOString().slice(0, 10);

export function InvitationsTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State | "">("");
  const { pagination, setPagination, toFirstPage } = usePaging(25);
  const [revoking, setRevoking] = useState<Row | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const list = useQuery({
    ...trpc.invitations.list.queryOptions({ state: state || undefined, page: pagination.pageIndex + 1, pageSize: pagination.pageSize }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void refreshQueries(queryClient, trpc.invitations.list.queryKey());
  const resend = useMutation(
    trpc.invitations.resend.mutationOptions({
      onSuccess: (r) => {
        setNotice(`A new link was sent to ${r.email}; the previous link no longer works.`);
        refresh();
      },
      onError: (e) => setNotice(errorMessage(e)),
    }),
  );

  const columns = useMemo(
    () => [
      column.accessor("email", {
        header: "Invitee",
        cell: ({ row }) => (
          <div>
            <div className="font-medium text-slate-900">{row.original.email}</div>
            <div className="text-xs text-slate-500">
              {row.original.role} in {row.original.group ?? <em>a deleted group</em>}
              {row.original.teamCount > 0 && ` · ${row.original.teamCount} team${row.original.teamCount === 1 ? "" : "s"}`}
            </div>
          </div>
        ),
      }),
      column.accessor("state", { header: "Status", cell: ({ getValue }) => <Badge tone={STATE_TONE[getValue()]}>{getValue().toLowerCase()}</Badge> }),
      column.accessor((r) => r.invitedBy.name, {
        id: "invitedBy",
        header: "Invited by",
        cell: ({ row }) => (
          <div>
            <div>{row.original.invitedBy.name}</div>
            <div className="text-xs text-slate-500">{row.original.invitedBy.email}</div>
          </div>
        ),
      }),
      column.display({
        id: "when",
        header: "When",
        cell: ({ row }) => {
          const r = row.original;
          const detail =
            r.state === "ACCEPTED" && r.acceptedAt
              ? `accepted ${day(r.acceptedAt)}`
              : r.state === "REVOKED" && r.revokedAt
                ? `revoked ${day(r.revokedAt)}${r.revokedBy ? ` by ${r.revokedBy}` : ""}`
                : `${r.state === "EXPIRED" ? "expired" : "expires"} ${day(r.expiresAt)}`;
          return (
            <div className="whitespace-nowrap text-slate-500">
              <div>
                sent {day(r.lastSentAt)}
                {r.sendCount > 1 && ` (${r.sendCount}×)`}
              </div>
              <div className="text-xs">{detail}</div>
            </div>
          );
        },
      }),
      column.display({
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row }) => (
          <div className="flex justify-end gap-1">
            {row.original.can.resend && (
              <Button
                size="sm"
                variant="ghost"
                disabled={resend.isPending}
                onClick={() => resend.mutate({ invitationId: row.original.id })}
                aria-label={`Resend the invitation of ${row.original.email}`}
              >
                Resend
              </Button>
            )}
            {row.original.can.revoke && (
              <Button size="sm" variant="ghost" onClick={() => setRevoking(row.original)} aria-label={`Revoke the invitation of ${row.original.email}`}>
                Revoke
              </Button>
            )}
          </div>
        ),
      }),
    ],
    [resend],
  );

  const table = usePagedTable({ rows: list.data?.rows, total: list.data?.total, columns, pagination, onPaginationChange: setPagination });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="filter-state" className="text-sm text-slate-600">
          Show
        </label>
        <Select
          id="filter-state"
          className="!w-auto"
          value={state}
          onChange={(e) => {
            setState(e.target.value as State | "");
            toFirstPage();
          }}
        >
          <option value="">All invitations</option>
          <option value="PENDING">Pending</option>
          <option value="EXPIRED">Expired</option>
          <option value="ACCEPTED">Accepted</option>
          <option value="REVOKED">Revoked</option>
        </Select>
      </div>
      {notice && <Alert tone={resend.isError ? "error" : "success"}>{notice}</Alert>}
      {list.error && <Alert>{errorMessage(list.error)}</Alert>}
      <DataTable
        label="Invitations"
        table={table}
        loading={list.isPending}
        loadingText="Loading invitations…"
        empty={
          <EmptyState title={state ? `No ${state.toLowerCase()} invitations` : "No invitations yet"}>
            Invite people by email; their invitations appear here.
          </EmptyState>
        }
      />
      <Pager table={table} total={list.data?.total} noun="invitations" />
      {revoking && (
        <RevokeDialog
          invitation={revoking}
          onClose={() => setRevoking(null)}
          onDone={(m) => {
            setNotice(m);
            refresh();
          }}
        />
      )}
    </div>
  );
}

function RevokeDialog({ invitation, onClose, onDone }: { invitation: Row; onClose: () => void; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSuccess: (r) => {
        onDone(`The invitation of ${r.email} was revoked; its link no longer works.`);
        onClose();
      },
    }),
  );
  return (
    <Dialog open onClose={onClose} title="Revoke invitation">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          revoke.mutate({ invitationId: invitation.id });
        }}
      >
        {revoke.error && <Alert>{errorMessage(revoke.error)}</Alert>}
        <p className="text-sm text-slate-600">
          {invitation.email} will no longer be able to join with the link they were sent. Opening it will tell them it was withdrawn. You can invite them again
          later.
        </p>
        <DialogActions onCancel={onClose} submitting={revoke.isPending} variant="danger">
          Revoke invitation
        </DialogActions>
      </form>
    </Dialog>
  );
}
