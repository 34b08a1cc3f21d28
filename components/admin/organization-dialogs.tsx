"use client";
// The operators' two heavy actions on an organization: suspending it (with a reason its
// members will read) and deleting it (typing its name to confirm). Each form mounts with
// its dialog, so that its state and error start afresh for the next organization.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "../dialog";
import { DataForm, DialogActions, FormError } from "../form-parts";
import { fieldErrorsOf, refreshQueries, useTRPC } from "../trpc";
import { Field, Input } from "../ui";
import type { OrganizationRow } from "./organizations-table";

type Props = { organization: OrganizationRow | null; onClose: () => void };
type FormProps = { organization: OrganizationRow; onClose: () => void };
const membersOf = (n: number) => (n === 1 ? "one member" : `${n} members`);

/** After a change: every instance list (organizations, events) reloads, and the dialog closes. */
function useDone(onClose: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void refreshQueries(queryClient, trpc.instance.pathKey());
    onClose();
  };
}

export function SuspendOrganizationDialog({ organization, onClose }: Props) {
  return (
    <Dialog open={organization !== null} onClose={onClose} title={organization ? `Suspend ${organization.name}?` : ""}>
      {organization && <SuspendForm key={organization.id} organization={organization} onClose={onClose} />}
    </Dialog>
  );
}

function SuspendForm({ organization, onClose }: FormProps) {
  const trpc = useTRPC();
  const suspend = useMutation(trpc.instance.suspend.mutationOptions({ onSuccess: useDone(onClose) }));
  return (
    <DataForm onData={(form) => suspend.mutate({ organizationId: organization.id, reason: String(form.get("reason") ?? "") })}>
      <p className="text-sm text-slate-600">
        {organization.members === 1 ? "Its one member is" : `Its ${organization.members} members are`} refused at their next request, and its emails wait in the
        outbox, until an operator resumes it. Nothing is deleted.
      </p>
      <FormError error={suspend.error} />
      <Field
        label="Reason (optional)"
        htmlFor="suspend-reason"
        hint="Its members read it when they open the organization."
        error={fieldErrorsOf(suspend.error).reason?.[0]}
      >
        <Input id="suspend-reason" name="reason" maxLength={300} autoFocus placeholder="e.g. Unpaid invoice since March" />
      </Field>
      <DialogActions onCancel={onClose} submitting={suspend.isPending} variant="danger">
        Suspend
      </DialogActions>
    </DataForm>
  );
}

export function DeleteOrganizationDialog({ organization, onClose }: Props) {
  return (
    <Dialog open={organization !== null} onClose={onClose} title={organization ? `Delete ${organization.name}?` : ""}>
      {organization && <DeleteForm key={organization.id} organization={organization} onClose={onClose} />}
    </Dialog>
  );
}

function DeleteForm({ organization, onClose }: FormProps) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.instance.deleteOrganization.mutationOptions({ onSuccess: useDone(onClose) }));
  const [typed, setTyped] = useState("");
  return (
    <DataForm onData={() => remove.mutate({ organizationId: organization.id, confirmName: typed })}>
      <p className="text-sm text-slate-600">
        This deletes the organization and everything in it: the memberships of its {membersOf(organization.members)}, its groups, roles, teams, resources,
        invitations and activity. The people’s accounts stay. It cannot be undone, and /o/{organization.slug} becomes free for others.
      </p>
      <FormError error={remove.error} />
      <Field label={`Type “${organization.name}” to confirm`} htmlFor="delete-confirm" error={fieldErrorsOf(remove.error).confirmName?.[0]}>
        <Input id="delete-confirm" name="confirmName" autoComplete="off" autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} />
      </Field>
      <DialogActions onCancel={onClose} submitting={remove.isPending} disabled={typed.trim() !== organization.name} variant="danger">
        Delete organization
      </DialogActions>
    </DataForm>
  );
}
