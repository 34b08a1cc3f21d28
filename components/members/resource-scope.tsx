"use client";
// Seed 002: a member's server/storage scope. Empty means all; when set, lists, logs and
// charts show them only those servers and storages.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "../dialog";
import { DialogActions } from "../form-parts";
import { errorMessage, refreshQueries, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card } from "../ui";

type Item = { id: string; name: string; type: string };

export function ResourceScopeCard({ membershipId, name, scope, canEdit }: { membershipId: string; name: string; scope: Item[]; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title="Resource scope"
      actions={
        canEdit && (
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
            Edit scope
          </Button>
        )
      }
    >
      {scope.length ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Servers and storages in scope">
          {scope.map((r) => (
            <li key={r.id}>
              <Badge tone="indigo">
                {r.name} · {r.type}
              </Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">All servers and storages their access allows.</p>
      )}
      {editing && <EditScope membershipId={membershipId} name={name} scope={scope} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function EditScope({ membershipId, name, scope, onClose }: { membershipId: string; name: string; scope: Item[]; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(new Set(scope.map((r) => r.id)));
  const servers = useQuery(trpc.resources.list.queryOptions({ page: 1, pageSize: 200, type: "server" }));
  const storages = useQuery(trpc.resources.list.queryOptions({ page: 1, pageSize: 200, type: "storage" }));
  const save = useMutation(
    trpc.members.setResourceScope.mutationOptions({
      onSuccess: () => {
        void refreshQueries(queryClient, trpc.members.get.queryKey({ membershipId }));
        onClose();
      },
    }),
  );
  const options = [...(servers.data?.rows ?? []), ...(storages.data?.rows ?? [])];
  return (
    <Dialog open onClose={onClose} title={`Scope of ${name}`}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ membershipId, resourceIds: [...chosen] });
        }}
      >
        {save.error && <Alert>{errorMessage(save.error)}</Alert>}
        <p className="text-sm text-slate-600">Choose the servers and storages {name} is limited to. Choose none to lift the limit.</p>
        <fieldset className="max-h-64 space-y-2 overflow-auto rounded-md p-3 ring-1 ring-slate-200">
          <legend className="sr-only">Servers and storages</legend>
          {options.map((r) => (
            <label key={r.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="accent-indigo-600"
                checked={chosen.has(r.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(r.id);
                  else next.delete(r.id);
                  setChosen(next);
                }}
              />
              <span className="font-medium text-slate-900">{r.name}</span> <span className="text-xs text-slate-500">{r.type}</span>
            </label>
          ))}
          {servers.data && storages.data && !options.length && <p className="text-sm text-slate-500">You see no servers or storages.</p>}
        </fieldset>
        <DialogActions onCancel={onClose} submitting={save.isPending}>
          {chosen.size ? `Limit to ${chosen.size}` : "Allow all"}
        </DialogActions>
      </form>
    </Dialog>
  );
}
