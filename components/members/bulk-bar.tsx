"use client";
// Actions over the selected members, or over every member the list's filters match. Each
// member is decided on its own; the results dialog says, member by member, what happened or
// why not.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PickerGroup } from "@/server/services/members";
import type { BulkResult } from "@/server/services/bulk";
import { Dialog } from "../dialog";
import { DialogActions, GroupOptions } from "../form-parts";
import { errorMessage, refreshQueries, useTRPC } from "../trpc";
import { Alert, Badge, Button, Field, Select } from "../ui";

type Selected = { id: string; name: string };
type RoleOption = { id: string; name: string; assignable: boolean };
type Pick = "role" | "group" | null;
type MemberFilters = { search?: string; groupId?: string; roleId?: string; status?: "INVITED" | "ACTIVE" | "DISABLED" };

export function BulkBar({
  selected,
  matching,
  roles,
  groups,
  onDone,
}: {
  selected: Selected[];
  /** Every member matching the list's filters, instead of `selected`: the filters and how many. */
  matching?: { filters: MemberFilters; count: number };
  roles: RoleOption[];
  groups: PickerGroup[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pick, setPick] = useState<Pick>(null);
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const finish = (r: BulkResult[]) => {
    setPick(null);
    setResults(r);
    void refreshQueries(queryClient, trpc.members.pathKey());
  };
  const status = useMutation(trpc.members.bulkSetStatus.mutationOptions({ onSuccess: finish }));
  const role = useMutation(trpc.members.bulkChangeRole.mutationOptions({ onSuccess: finish }));
  const group = useMutation(trpc.members.bulkChangeGroup.mutationOptions({ onSuccess: finish }));
  const who = matching ? { matching: matching.filters } : { membershipIds: selected.map((s) => s.id) };
  const count = matching ? matching.count : selected.length;
  const names = new Map(selected.map((s) => [s.id, s.name]));
  const error = status.error ?? role.error ?? group.error;

  return (
    <div role="region" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded-lg bg-indigo-50 px-4 py-2 text-sm ring-1 ring-indigo-200">
      <span className="font-medium text-indigo-900">{matching ? `All ${count.toLocaleString("en-US")} matching selected` : `${count} selected`}</span>
      <Button size="sm" variant="secondary" disabled={status.isPending} onClick={() => status.mutate({ ...who, status: "DISABLED" })}>
        Disable
      </Button>
      <Button size="sm" variant="secondary" disabled={status.isPending} onClick={() => status.mutate({ ...who, status: "ACTIVE" })}>
        Enable
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setPick("role")}>
        Change role…
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setPick("group")}>
        Move…
      </Button>
      <Button size="sm" variant="ghost" onClick={onDone}>
        Clear selection
      </Button>
      {error && !pick && <span className="text-rose-700">{errorMessage(error)}</span>}

      <Dialog open={pick !== null} onClose={() => setPick(null)} title={pick === "role" ? `Change the role of ${count} members` : `Move ${count} members`}>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            const value = String(new FormData(e.currentTarget).get("value"));
            if (pick === "role") role.mutate({ ...who, roleId: value });
            else group.mutate({ ...who, groupId: value });
          }}
        >
          {error && <Alert>{errorMessage(error)}</Alert>}
          {pick === "role" ? (
            <Field label="New role" htmlFor="bulk-role">
              <Select id="bulk-role" name="value" autoFocus>
                {roles
                  .filter((r) => r.assignable)
                  .map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
              </Select>
            </Field>
          ) : (
            <Field label="New home group" htmlFor="bulk-group">
              <Select id="bulk-group" name="value" autoFocus>
                <GroupOptions groups={groups} />
              </Select>
            </Field>
          )}
          <DialogActions onCancel={() => setPick(null)} submitting={role.isPending || group.isPending}>
            Apply to {count}
          </DialogActions>
        </form>
      </Dialog>

      <Dialog
        open={results !== null}
        onClose={() => {
          setResults(null);
          onDone();
        }}
        title="Results"
      >
        {results && (
          <div className="space-y-4">
            <p className="text-sm text-slate-600">
              {results.filter((r) => r.ok).length} of {results.length} done.
            </p>
            <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto text-sm">
              {results.map((r) => (
                <li key={r.membershipId} className="flex items-start justify-between gap-3 py-2">
                  <span className="font-medium text-slate-900">{r.name ?? names.get(r.membershipId) ?? "A member you do not see"}</span>
                  <span className="text-right">
                    <Badge tone={r.ok ? "green" : "rose"}>{r.ok ? "done" : "refused"}</Badge>
                    <span className="block text-xs text-slate-600">{r.message}</span>
                  </span>
                </li>
              ))}
            </ul>
            <div className="flex justify-end">
              <Button
                onClick={() => {
                  setResults(null);
                  onDone();
                }}
              >
                Close
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
