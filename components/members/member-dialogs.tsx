"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PickerGroup } from "@/server/services/members";
import { Dialog } from "../dialog";
import { DialogActions, GroupOptions } from "../form-parts";
import { errorMessage, refreshQueries, useTRPC } from "../trpc";
import { Alert, Button, Field, Select } from "../ui";
import type { MemberRow } from "./members-table";
import { OneTimePassword } from "./one-time-password";

/** What the dialogs need of a member, from a table row or the detail page. */
export type MemberRef = Pick<MemberRow, "id" | "name" | "status" | "role" | "group">;
export type MemberAction = { kind: "role" | "group" | "status" | "reset"; member: MemberRef } | null;
type RoleOption = { id: string; name: string; assignable: boolean; reason: string };

export function MemberDialogs({ action, onClose, roles, groups }: { action: MemberAction; onClose: () => void; roles: RoleOption[]; groups: PickerGroup[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const done = () => {
    void refreshQueries(queryClient, trpc.members.pathKey());
    close();
  };
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: done }));
  const changeGroup = useMutation(trpc.members.changeGroup.mutationOptions({ onSuccess: done }));
  const setStatus = useMutation(trpc.members.setStatus.mutationOptions({ onSuccess: done }));
  // The new password must stay on screen after success, so this one does not close.
  const reset = useMutation(trpc.members.resetPassword.mutationOptions());
  function close() {
    for (const m of [changeRole, changeGroup, setStatus, reset]) m.reset();
    onClose();
  }
  if (!action)
    return (
      <Dialog open={false} onClose={close} title="">
        {null}
      </Dialog>
    );
  const m = action.member;
  if (action.kind === "status" || action.kind === "reset")
    return <ConfirmDialog action={action.kind} member={m} mutation={action.kind === "status" ? setStatus : reset} onClose={close} />;
  const mutation = action.kind === "role" ? changeRole : changeGroup;
  const assignable = roles.filter((r) => r.assignable);

  return (
    <Dialog open onClose={close} title={action.kind === "role" ? `Change role of ${m.name}` : `Move ${m.name} to another group`}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const value = String(new FormData(e.currentTarget).get("value"));
          if (action.kind === "role") changeRole.mutate({ membershipId: m.id, roleId: value });
          else changeGroup.mutate({ membershipId: m.id, groupId: value });
        }}
      >
        {mutation.error && <Alert>{errorMessage(mutation.error)}</Alert>}
        {action.kind === "role" ? (
          <Field label="Role" htmlFor="member-role" hint="You can give only roles ranked below yours, made of powers you hold.">
            <Select id="member-role" name="value" defaultValue={m.role.id} autoFocus>
              {assignable.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Field label="Home group" htmlFor="member-group" hint="Members get what is granted to their group and its parents.">
            <Select id="member-group" name="value" defaultValue={m.group.id} autoFocus>
              <GroupOptions groups={groups} />
            </Select>
          </Field>
        )}
        <DialogActions onCancel={close} submitting={mutation.isPending}>
          Save
        </DialogActions>
      </form>
    </Dialog>
  );
}

type Mutation = {
  mutate: (input: never) => void;
  isPending: boolean;
  error: unknown;
  data?: unknown;
};

function ConfirmDialog({ action, member: m, mutation, onClose }: { action: "status" | "reset"; member: MemberRef; mutation: Mutation; onClose: () => void }) {
  const disabling = m.status !== "DISABLED";
  const result = mutation.data as { email: string; oneTimePassword: string } | undefined;
  const title = action === "reset" ? `Reset the password of ${m.name}?` : disabling ? `Disable ${m.name}?` : `Enable ${m.name}?`;
  const text =
    action === "reset"
      ? "A new one-time password replaces the current one and every session of theirs ends. They choose a new password when they next sign in."
      : disabling
        ? "They lose access to this organization at their next request. Nothing of theirs is deleted, and you can enable them again."
        : "They regain access to this organization with their current role and group.";
  return (
    <Dialog open onClose={onClose} title={result ? `New password for ${m.name}` : title}>
      {result ? (
        <div className="space-y-4">
          <OneTimePassword email={result.email} password={result.oneTimePassword} />
          <div className="flex justify-end">
            <Button onClick={onClose}>Done</Button>
          </div>
        </div>
      ) : (
        <div className="space-y-4">
          {mutation.error ? <Alert>{errorMessage(mutation.error)}</Alert> : null}
          <p className="text-sm text-slate-600">{text}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button
              variant={action === "reset" || disabling ? "danger" : "primary"}
              disabled={mutation.isPending}
              onClick={() =>
                action === "reset"
                  ? mutation.mutate({ membershipId: m.id } as never)
                  : mutation.mutate({ membershipId: m.id, status: disabling ? "DISABLED" : "ACTIVE" } as never)
              }
            >
              {action === "reset" ? "Reset password" : disabling ? "Disable" : "Enable"}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
