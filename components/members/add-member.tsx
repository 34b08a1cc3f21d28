"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PickerGroup } from "@/server/services/members";
import { Dialog } from "../dialog";
import { DialogActions, GroupOptions } from "../form-parts";
import { errorMessage, fieldErrorsOf, refreshQueries, useTRPC } from "../trpc";
import { Alert, Button, Field, Input, Select } from "../ui";
import { OneTimePassword } from "./one-time-password";

type RoleOption = { id: string; name: string; creatable: boolean };
/** The "Add member" button, shown when the viewer may create members with some role. */
export function AddMemberButton() {
  const trpc = useTRPC();
  const options = useQuery(trpc.members.options.queryOptions());
  if (!options.data?.roles.some((r) => r.creatable)) return null;
  return <AddMember roles={options.data.roles} groups={options.data.groups} />;
}

function AddMember({ roles, groups }: { roles: RoleOption[]; groups: PickerGroup[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const create = useMutation(trpc.members.create.mutationOptions({ onSuccess: () => void refreshQueries(queryClient, trpc.members.list.queryKey()) }));
  const fieldErrors = fieldErrorsOf(create.error);
  const creatable = roles.filter((r) => r.creatable);
  const close = () => {
    setOpen(false);
    create.reset();
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>Add member</Button>
      <Dialog open={open} onClose={close} title={create.data ? "Member added" : "Add a member"}>
        {create.data ? (
          <div className="space-y-4">
            <OneTimePassword email={create.data.email} password={create.data.oneTimePassword} newMember />
            <div className="flex justify-end">
              <Button onClick={close}>Done</Button>
            </div>
          </div>
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const f = new FormData(e.currentTarget);
              create.mutate({
                name: String(f.get("name")),
                email: String(f.get("email")),
                username: String(f.get("username")) || undefined,
                company: String(f.get("company")),
                roleId: String(f.get("roleId")),
                groupId: String(f.get("groupId")),
              });
            }}
          >
            {create.error && !Object.keys(fieldErrors).length && <Alert>{errorMessage(create.error)}</Alert>}
            <Field label="Full name" htmlFor="new-name" error={fieldErrors.name?.[0]}>
              <Input id="new-name" name="name" required autoFocus autoComplete="off" />
            </Field>
            <Field label="Email" htmlFor="new-email" error={fieldErrors.email?.[0]}>
              <Input id="new-email" name="email" type="email" required autoComplete="off" />
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label="Username (optional)" htmlFor="new-username" error={fieldErrors.username?.[0]}>
                <Input id="new-username" name="username" autoComplete="off" />
              </Field>
              <Field label="Company (optional)" htmlFor="new-company" error={fieldErrors.company?.[0]}>
                <Input id="new-company" name="company" autoComplete="off" />
              </Field>
            </div>
            <Field label="Role" htmlFor="new-role" hint={creatable.length === 1 ? "Your role creates members with this role only." : undefined}>
              <Select id="new-role" name="roleId" defaultValue={creatable[creatable.length - 1]?.id}>
                {creatable.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Home group" htmlFor="new-group">
              <Select id="new-group" name="groupId">
                <GroupOptions groups={groups} />
              </Select>
            </Field>
            <DialogActions onCancel={close} submitting={create.isPending} disabled={!creatable.length || !groups.length}>
              {create.isPending ? "Adding…" : "Add member"}
            </DialogActions>
          </form>
        )}
      </Dialog>
    </>
  );
}
