"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { GroupNode } from "@/server/services/groups";
import { Dialog } from "../dialog";
import { errorMessage, useTRPC } from "../trpc";
import { Alert, Button, Field, Select } from "../ui";
import type { MemberRow } from "./members-table";

export type MemberAction = { kind: "role" | "group"; member: MemberRow } | null;
type RoleOption = { id: string; name: string; assignable: boolean; reason: string };

export function MemberDialogs({ action, onClose, roles, groups }: { action: MemberAction; onClose: () => void; roles: RoleOption[]; groups: GroupNode[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
    close();
  };
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: done }));
  const changeGroup = useMutation(trpc.members.changeGroup.mutationOptions({ onSuccess: done }));
  function close() {
    changeRole.reset();
    changeGroup.reset();
    onClose();
  }
  if (!action) return <Dialog open={false} onClose={close} title="" children={null} />;
  const m = action.member;
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
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {"\u00a0\u00a0".repeat(g.depth)}
                  {g.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={mutation.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
