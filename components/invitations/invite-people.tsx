"use client";
// "Invite people": several addresses at once, one role and home group, a result per address.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "../dialog";
import { DataForm, DialogActions, GroupOptions } from "../form-parts";
import { errorMessage, refreshQueries, useTRPC } from "../trpc";
import { Alert, Badge, Button, Field, Select } from "../ui";

/** Addresses separated by commas, semicolons, spaces or lines; "Name <a@b>" keeps the address. */
export function parseAddresses(raw: string): string[] {
  return raw
    .split(/[\s,;]+/)
    .map((part) => part.replace(/^.*</, "").replace(/>.*$/, "").trim())
    .filter(Boolean);
}

export function InvitePeopleButton({
  label = "Invite people",
  variant = "primary",
  canManageTeams = false,
}: {
  label?: string;
  variant?: "primary" | "secondary";
  canManageTeams?: boolean;
}) {
  const trpc = useTRPC();
  const options = useQuery(trpc.members.options.queryOptions());
  const [open, setOpen] = useState(false);
  // Read when the dialog opens, not with the page: the page's own lists should not wait for it.
  const teams = useQuery(trpc.teams.options.queryOptions(undefined, { enabled: canManageTeams && open }));
  const roles = options.data?.roles.filter((r) => r.creatable) ?? [];
  if (!roles.length) return null;
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open && (
        <InviteDialog roles={roles} groups={options.data?.groups ?? []} teams={canManageTeams ? (teams.data ?? []) : []} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

function InviteDialog({
  roles,
  groups,
  teams,
  onClose,
}: {
  roles: Array<{ id: string; name: string }>;
  groups: Array<{ id: string; name: string; depth: number }>;
  teams: Array<{ id: string; name: string }>;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [addresses, setAddresses] = useState("");
  const invite = useMutation(trpc.invitations.invite.mutationOptions({ onSuccess: () => void refreshQueries(queryClient, trpc.invitations.list.queryKey()) }));
  const parsed = parseAddresses(addresses);
  const userRole = roles.find((r) => r.name === "User") ?? roles[roles.length - 1];

  return (
    <Dialog open onClose={onClose} title={invite.data ? "Invitations" : "Invite people"}>
      {invite.data ? (
        <div className="space-y-4">
          <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label="Result per address">
            {invite.data.map((r) => (
              <li key={r.email} className="flex items-start justify-between gap-3 px-3 py-2 text-sm">
                <div>
                  <div className="font-medium text-slate-900">{r.email}</div>
                  <div className="text-xs text-slate-500">{r.reason}</div>
                </div>
                <Badge tone={r.outcome === "invited" ? "green" : "amber"}>{r.outcome}</Badge>
              </li>
            ))}
          </ul>
          <div className="flex justify-end">
            <Button onClick={onClose}>Done</Button>
          </div>
        </div>
      ) : (
        <DataForm
          onData={(f) => {
            invite.mutate({ emails: parsed, roleId: String(f.get("roleId")), groupId: String(f.get("groupId")), teamIds: f.getAll("teamIds").map(String) });
          }}
        >
          {invite.error && <Alert>{errorMessage(invite.error)}</Alert>}
          <Field
            label="Email addresses"
            htmlFor="invite-emails"
            hint={parsed.length ? `${parsed.length} address${parsed.length === 1 ? "" : "es"}` : "Separate addresses with commas or new lines."}
          >
            <textarea
              id="invite-emails"
              name="emails"
              rows={4}
              required
              autoFocus
              value={addresses}
              onChange={(e) => setAddresses(e.target.value)}
              placeholder={"ana@example.com, ben@example.com"}
              className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
            />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field label="Role" htmlFor="invite-role">
              <Select id="invite-role" name="roleId" defaultValue={userRole?.id}>
                {roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Home group" htmlFor="invite-group">
              <Select id="invite-group" name="groupId">
                <GroupOptions groups={groups} />
              </Select>
            </Field>
          </div>
          {teams.length > 0 && (
            <fieldset>
              <legend className="mb-1 text-sm font-medium text-slate-700">Teams (optional)</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                {teams.map((t) => (
                  <label key={t.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="teamIds" value={t.id} className="accent-indigo-600" />
                    {t.name}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <p className="text-xs text-slate-500">
            Each person gets an email with a link to activate their account (or, if they already use Steward, to join with it). Nothing is created until they
            accept.
          </p>
          <DialogActions onCancel={onClose} submitting={invite.isPending} disabled={!parsed.length}>
            {invite.isPending ? "Sending…" : `Send ${parsed.length > 1 ? `${parsed.length} invitations` : "invitation"}`}
          </DialogActions>
        </DataForm>
      )}
    </Dialog>
  );
}
