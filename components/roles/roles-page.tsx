"use client";
// The Roles page: ranked roles, highest first; the selected role's reach, resource access
// and permission matrix; and, for holders of "Manage roles", custom roles created, edited and
// deleted through the matrix (seed 002), and the role sets of seeds 000 and 001.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CAPABILITIES, CAPABILITY_LABELS, PERMISSION_AREAS, PERMISSIONS, ROLE_SETS, type Permission } from "@/server/authz";
import { Dialog } from "../dialog";
import { DataForm, DialogActions, FormError } from "../form-parts";
import { errorMessage, refreshQueries, type RouterOutputs, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card, cx, Field, Loading, PageHeader, Select } from "../ui";
import { RoleEditor, type RoleValues } from "./role-editor";

const REACH = { ORGANIZATION: "The whole organization", SUBTREE: "Home group and subgroups", SELF: "Own account only" };
const catalog = Object.entries(PERMISSIONS) as Array<[Permission, (typeof PERMISSIONS)[Permission]]>;

type Editing = { mode: "create" } | { mode: "edit"; roleId: string } | null;

type Initial = { roles: RouterOutputs["roles"]["list"]; authoring: RouterOutputs["roles"]["authoring"] };

/** `initial`: what the page read through the server caller, so the first render needs no fetch. */
export function RolesPage({ slug, selectedId, initial }: { slug: string; selectedId: string | null; initial: Initial }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const roles = useQuery(trpc.roles.list.queryOptions(undefined, { initialData: initial.roles }));
  const authoring = useQuery(trpc.roles.authoring.queryOptions(undefined, { initialData: initial.authoring }));
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState(false);
  const [addingSet, setAddingSet] = useState(false);
  const refresh = () => refreshQueries(queryClient, trpc.roles.list.queryKey());
  const select = (id: string) => router.replace(`/o/${slug}/roles?role=${id}`, { scroll: false });

  const create = useMutation(
    trpc.roles.create.mutationOptions({
      onSuccess: async ({ id }) => {
        setEditing(null);
        await refresh();
        select(id);
      },
    }),
  );
  const update = useMutation(
    trpc.roles.update.mutationOptions({
      onSuccess: async () => {
        setEditing(null);
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.roles.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(false);
        await refresh();
        router.replace(`/o/${slug}/roles`, { scroll: false });
      },
    }),
  );
  const addSet = useMutation(
    trpc.roles.addSet.mutationOptions({
      onSuccess: async ({ created }) => {
        setAddingSet(false);
        await refresh();
        if (created[0]) select(created[0]);
      },
    }),
  );

  if (roles.error || authoring.error) return <Alert>{errorMessage(roles.error ?? authoring.error)}</Alert>;
  if (!roles.data || !authoring.data) return <Loading label="Loading roles…" />;
  const list = roles.data;
  const author = authoring.data;
  const selected = list.find((r) => r.id === selectedId) ?? list.find((r) => r.isYours) ?? list[0]!;
  const yours = list.find((r) => r.isYours);
  const editingRole = editing?.mode === "edit" ? list.find((r) => r.id === editing.roleId) : undefined;
  // A new role goes just below your own by default: the highest place you may give it.
  const blank: RoleValues = { name: "", description: "", reach: "SELF", permissions: [], ceiling: ["view"], placeBelowRoleId: yours?.id ?? list[0]!.id };
  const moveTargets = list.filter((r) => r.mayAssign && r.id !== selected.id);

  return (
    <>
      <PageHeader
        title="Roles"
        description="Ranked roles, highest first. A member manages only members whose role ranks lower and holds no power they lack; what grants give them is capped by their role's resource access."
        actions={
          author.mayManage && (
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => setAddingSet(true)}>
                Add a role set
              </Button>
              <Button onClick={() => setEditing({ mode: "create" })}>New role</Button>
            </div>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <nav aria-label="Roles" className="rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
          <ol className="divide-y divide-slate-100">
            {list.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/o/${slug}/roles?role=${r.id}`}
                  scroll={false}
                  aria-current={r.id === selected.id ? "true" : undefined}
                  className={cx(
                    "flex items-center justify-between gap-2 px-4 py-2.5 text-sm",
                    r.id === selected.id ? "bg-indigo-50 text-indigo-700" : "hover:bg-slate-50",
                  )}
                >
                  <span className="font-medium">{r.name}</span>
                  <span className="flex items-center gap-1.5">
                    {r.isYours && <Badge tone="indigo">yours</Badge>}
                    {!r.builtIn && <Badge tone="green">custom</Badge>}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        <Card
          title={
            <span className="flex items-center gap-2">
              {selected.name} {selected.builtIn ? <Badge>built-in</Badge> : <Badge tone="green">custom</Badge>}
            </span>
          }
          actions={
            selected.mayEdit && (
              <div className="flex gap-2">
                <Button variant="secondary" onClick={() => setEditing({ mode: "edit", roleId: selected.id })}>
                  Edit
                </Button>
                <Button variant="danger" onClick={() => setDeleting(true)}>
                  Delete
                </Button>
              </div>
            )
          }
        >
          {selected.description && <p className="text-sm text-slate-600">{selected.description}</p>}
          <dl className="mt-3 grid gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">Reach</dt>
              <dd className="font-medium">{REACH[selected.reach]}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Resource access</dt>
              <dd className="font-medium">
                {CAPABILITIES.every((c) => selected.ceiling.includes(c))
                  ? "Everything grants give"
                  : selected.ceiling.map((c) => CAPABILITY_LABELS[c as keyof typeof CAPABILITY_LABELS]?.split(" ")[0] ?? c).join(", ")}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{selected.holders === null ? "Permissions" : "Held by"}</dt>
              <dd className="font-medium">
                {selected.holders === null ? selected.permissions.length : `${selected.holders} member${selected.holders === 1 ? "" : "s"}`}
              </dd>
            </div>
          </dl>
          {selected.builtIn && (
            <p className="mt-3 text-xs text-slate-500">Built-in roles are the seeds&apos; definitions and cannot be edited; create a custom role instead.</p>
          )}
          {!selected.builtIn && !selected.mayEdit && (
            <p className="mt-3 text-xs text-slate-500">You cannot edit this role: it is not below your role, or it holds powers your role lacks.</p>
          )}
          <div className="mt-5 grid gap-5 md:grid-cols-2">
            {PERMISSION_AREAS.map((area) => (
              <div key={area} role="group" aria-labelledby={`view-area-${area}`} className="space-y-2">
                <p id={`view-area-${area}`} className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                  {area}
                </p>
                {catalog
                  .filter(([, p]) => p.area === area)
                  .map(([key, p]) => {
                    const held = selected.permissions.includes(key);
                    return (
                      <div key={key} className="flex items-start gap-2 text-sm">
                        <span
                          aria-hidden
                          className={cx("mt-0.5 inline-block size-3.5 shrink-0 rounded-sm", held ? "bg-indigo-600" : "ring-1 ring-slate-300")}
                        />
                        <span>
                          <span className={held ? "text-slate-900" : "text-slate-500"}>
                            {p.label}
                            <span className="sr-only">{held ? ": held" : ": not held"}</span>
                          </span>
                          <span className="block text-xs text-slate-500">{p.description}</span>
                        </span>
                      </div>
                    );
                  })}
              </div>
            ))}
          </div>
        </Card>
      </div>

      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editingRole ? `Edit ${editingRole.name}` : "New role"} wide>
        {editing?.mode === "create" && (
          <RoleEditor
            initial={blank}
            roles={list}
            author={author.role}
            submitLabel="Create role"
            submitting={create.isPending}
            error={create.error}
            onSubmit={(values) => create.mutate(values as Parameters<typeof create.mutate>[0])}
            onCancel={() => setEditing(null)}
          />
        )}
        {editingRole && (
          <RoleEditor
            initial={{ ...editingRole, placeBelowRoleId: list[list.findIndex((r) => r.id === editingRole.id) - 1]?.id ?? list[0]!.id }}
            roles={list.filter((r) => r.id !== editingRole.id)}
            author={author.role}
            submitLabel="Save changes"
            submitting={update.isPending}
            error={update.error}
            onSubmit={(values) => {
              const above = list[list.findIndex((r) => r.id === editingRole.id) - 1]?.id;
              update.mutate({
                ...(values as Omit<Parameters<typeof update.mutate>[0], "roleId" | "version">),
                roleId: editingRole.id,
                version: editingRole.version,
                // Unchanged place: keep the rank as it is.
                placeBelowRoleId: values.placeBelowRoleId === above ? undefined : values.placeBelowRoleId,
              });
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>

      <Dialog open={deleting} onClose={() => setDeleting(false)} title={`Delete ${selected.name}`}>
        <DataForm
          onData={(form) => {
            const moveHoldersTo = String(form.get("moveHoldersTo") ?? "");
            remove.mutate({ roleId: selected.id, ...(moveHoldersTo ? { moveHoldersTo } : {}) });
          }}
        >
          {selected.holders ? (
            <>
              <p className="text-sm text-slate-700">
                {selected.holders} member{selected.holders === 1 ? " holds" : "s hold"} {selected.name}. A role in use cannot be deleted: move{" "}
                {selected.holders === 1 ? "them" : "them all"} to another role first, in the same step.
              </p>
              <Field label="Move the holders to" htmlFor="move-to">
                <Select id="move-to" name="moveHoldersTo" required defaultValue={moveTargets[0]?.id}>
                  {moveTargets.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </Select>
              </Field>
              {!moveTargets.length && <Alert>There is no role you may give them. Ask someone with a higher role.</Alert>}
            </>
          ) : (
            <p className="text-sm text-slate-700">Nobody holds {selected.name}. Deleting it cannot be undone; the audit log keeps its definition.</p>
          )}
          <FormError error={remove.error} />
          <DialogActions
            onCancel={() => setDeleting(false)}
            submitting={remove.isPending}
            disabled={!!selected.holders && !moveTargets.length}
            variant="danger"
          >
            {selected.holders ? "Move and delete" : "Delete role"}
          </DialogActions>
        </DataForm>
      </Dialog>

      <Dialog open={addingSet} onClose={() => setAddingSet(false)} title="Add a role set" wide>
        <DataForm
          onData={(form) =>
            addSet.mutate({ set: String(form.get("set")) as (typeof ROLE_SETS)[number]["key"], placeBelowRoleId: String(form.get("placeBelowRoleId")) })
          }
        >
          <fieldset className="space-y-3">
            <legend className="mb-1 text-sm font-medium text-slate-700">Set</legend>
            {ROLE_SETS.map((set, i) => (
              <label key={set.key} className="flex items-start gap-3 rounded-md p-3 text-sm ring-1 ring-slate-200">
                <input type="radio" name="set" value={set.key} defaultChecked={i === 0} className="mt-1 accent-indigo-600" />
                <span>
                  <span className="font-medium text-slate-900">{set.name}</span>
                  <span className="block text-xs text-slate-500">{set.source}</span>
                  <span className="mt-1 block text-xs text-slate-600">{set.roles.map((r) => r.name).join(" · ")}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <Field label="Place them just below" htmlFor="set-below" hint="They become custom roles, in the set's order; edit them afterwards like any other.">
            <Select id="set-below" name="placeBelowRoleId" defaultValue={yours?.id}>
              {list.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
          </Field>
          <FormError error={addSet.error} />
          <DialogActions onCancel={() => setAddingSet(false)} submitting={addSet.isPending}>
            Add roles
          </DialogActions>
        </DataForm>
      </Dialog>
    </>
  );
}
