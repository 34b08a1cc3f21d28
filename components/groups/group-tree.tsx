"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import type { GroupNode } from "@/server/services/groups";
import { Dialog } from "../dialog";
import { PolicyDialog } from "./policy-dialog";
import { treeKey } from "./tree-keys";
import { DialogActions, FormError, GroupOptions } from "../form-parts";
import { errorMessage, fieldErrorsOf, refreshQueries, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card, cx, EmptyState, Field, Input, Loading, Select } from "../ui";

type Action = { kind: "create" | "rename" | "move" | "delete"; group: GroupNode } | null;

/** `openPolicyOf`: a group whose policy dialog opens at once (Settings links here).
 * `shown`: a group to bring into view, focus and mark (the command palette links here). */
export function GroupTree({ openPolicyOf = null, shown = null }: { openPolicyOf?: string | null; shown?: string | null }) {
  const trpc = useTRPC();
  const groups = useQuery(trpc.groups.list.queryOptions());
  const [action, setAction] = useState<Action>(null);
  const [policyOf, setPolicyOf] = useState<string | null>(openPolicyOf);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  // One row of the tree is in the Tab order (the last one focused); arrows move between rows.
  const [activeId, setActiveId] = useState<string | null>(shown);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());

  const visible = useMemo(() => {
    const list = groups.data ?? [];
    const hidden = new Set<string>();
    return list.filter((g) => {
      if (g.parentId && (hidden.has(g.parentId) || collapsed.has(g.parentId))) {
        hidden.add(g.id);
        return false;
      }
      return true;
    });
  }, [groups.data, collapsed]);

  const loaded = groups.data !== undefined;
  useEffect(() => {
    const row = loaded && shown ? rowRefs.current.get(shown) : undefined;
    if (!row) return;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "center" });
  }, [loaded, shown]);

  if (groups.isPending) return <Loading label="Loading groups…" />;
  if (groups.error) return <Alert>{errorMessage(groups.error)}</Alert>;
  if (groups.data.length === 0) return <EmptyState title="No groups in your reach" />;
  const minDepth = Math.min(...groups.data.map((g) => g.depth));

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const active = Math.max(
    0,
    visible.findIndex((g) => g.id === activeId),
  );
  const rows = visible.map((g) => ({ id: g.id, parentId: g.parentId, name: g.name, hasChildren: g.subgroupCount > 0 }));
  const onRowKey = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    // Keys pressed on a row's buttons are the buttons'.
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const move = treeKey(rows, index, event.key, collapsed);
    if (!move) return;
    event.preventDefault();
    if ("toggle" in move) return toggle(move.toggle);
    const id = visible[move.focus]!.id;
    setActiveId(id);
    rowRefs.current.get(id)?.focus();
  };

  return (
    <Card>
      <ul role="tree" aria-label="Group tree" className="-my-2 divide-y divide-slate-100">
        {visible.map((g, index) => {
          // Only the current row's buttons are in the Tab order: Tab goes from a row to its
          // actions and then out of the tree, not through every row's.
          const tab = index === active ? undefined : -1;
          return (
            <li
              key={g.id}
              ref={(el) => {
                if (el) rowRefs.current.set(g.id, el);
                else rowRefs.current.delete(g.id);
              }}
              id={`group-${g.id}`}
              aria-current={g.id === shown ? "true" : undefined}
              role="treeitem"
              tabIndex={index === active ? 0 : -1}
              onKeyDown={(event) => onRowKey(event, index)}
              onFocus={() => setActiveId(g.id)}
              aria-level={g.depth - minDepth + 1}
              aria-expanded={g.subgroupCount ? !collapsed.has(g.id) : undefined}
              aria-selected={false}
              aria-labelledby={`group-${g.id}-name`}
              aria-describedby={`group-${g.id}-counts`}
              // On a phone the counts and the actions wrap under the name, and each level indents less.
              className={cx(
                "group flex flex-wrap items-center gap-x-3 gap-y-1 rounded py-2 pl-[calc(var(--level)*1rem)] outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-inset sm:pl-[calc(var(--level)*1.5rem)]",
                g.id === shown && "bg-indigo-50",
              )}
              style={{ "--level": g.depth - minDepth } as CSSProperties}
            >
              {g.subgroupCount ? (
                <button
                  type="button"
                  // The arrow keys open and close rows; the chevron is for the pointer.
                  tabIndex={-1}
                  onClick={() => toggle(g.id)}
                  aria-label={`${collapsed.has(g.id) ? "Expand" : "Collapse"} ${g.name}`}
                  className="flex h-6 w-6 items-center justify-center rounded text-slate-500 hover:bg-slate-100"
                >
                  {collapsed.has(g.id) ? "▸" : "▾"}
                </button>
              ) : (
                <span className="w-6" aria-hidden />
              )}
              <span id={`group-${g.id}-name`} className="font-medium text-slate-900" data-testid="group-name">
                {g.name}
              </span>
              {g.parentId === null && <Badge tone="indigo">root</Badge>}
              {g.hasPolicy && <Badge tone="amber">policy</Badge>}
              <span id={`group-${g.id}-counts`} className="text-xs text-slate-500">
                {g.memberCount} member{g.memberCount === 1 ? "" : "s"}
                {g.subgroupCount ? ` · ${g.subgroupCount} subgroup${g.subgroupCount === 1 ? "" : "s"}` : ""}
              </span>
              <span className="ml-auto flex flex-wrap gap-1">
                {g.can.viewPolicy && (
                  <Button size="sm" variant="ghost" tabIndex={tab} onClick={() => setPolicyOf(g.id)} aria-label={`Policy of ${g.name}`}>
                    Policy
                  </Button>
                )}
                {g.can.create && (
                  <Button
                    size="sm"
                    variant="ghost"
                    tabIndex={tab}
                    onClick={() => setAction({ kind: "create", group: g })}
                    aria-label={`Add subgroup to ${g.name}`}
                  >
                    Add subgroup
                  </Button>
                )}
                {g.can.rename && (
                  <Button size="sm" variant="ghost" tabIndex={tab} onClick={() => setAction({ kind: "rename", group: g })} aria-label={`Rename ${g.name}`}>
                    Rename
                  </Button>
                )}
                {g.can.move && (
                  <Button size="sm" variant="ghost" tabIndex={tab} onClick={() => setAction({ kind: "move", group: g })} aria-label={`Move ${g.name}`}>
                    Move
                  </Button>
                )}
                {g.can.delete && (
                  <Button
                    size="sm"
                    variant="ghost"
                    className="!text-rose-600"
                    tabIndex={tab}
                    onClick={() => setAction({ kind: "delete", group: g })}
                    aria-label={`Delete ${g.name}`}
                  >
                    Delete
                  </Button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <GroupDialogs action={action} groups={groups.data} onClose={() => setAction(null)} />
      <PolicyDialog groupId={policyOf} onClose={() => setPolicyOf(null)} />
    </Card>
  );
}

function GroupDialogs({ action, groups, onClose }: { action: Action; groups: GroupNode[]; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const done = () => {
    void refreshQueries(queryClient, trpc.groups.list.queryKey());
    onClose();
  };
  const create = useMutation(trpc.groups.create.mutationOptions({ onSuccess: done }));
  const rename = useMutation(trpc.groups.rename.mutationOptions({ onSuccess: done }));
  const move = useMutation(trpc.groups.move.mutationOptions({ onSuccess: done }));
  const remove = useMutation(trpc.groups.delete.mutationOptions({ onSuccess: done }));
  const mutation = action ? { create, rename, move, delete: remove }[action.kind] : null;
  const close = () => {
    for (const m of [create, rename, move, remove]) m.reset();
    onClose();
  };
  if (!action)
    return (
      <Dialog open={false} onClose={close} title="">
        {null}
      </Dialog>
    );
  const g = action.group;
  const titles = { create: `New subgroup of ${g.name}`, rename: `Rename ${g.name}`, move: `Move ${g.name}`, delete: `Delete ${g.name}?` };
  // A group cannot move under itself or its own descendants.
  const targets = groups.filter((t) => !t.path.startsWith(g.path) && t.id !== g.parentId);

  return (
    <Dialog open onClose={close} title={titles[action.kind]}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          if (action.kind === "create") create.mutate({ parentId: g.id, name: String(form.get("name")) });
          if (action.kind === "rename") rename.mutate({ groupId: g.id, name: String(form.get("name")) });
          if (action.kind === "move") move.mutate({ groupId: g.id, newParentId: String(form.get("parent")) });
          if (action.kind === "delete") remove.mutate({ groupId: g.id });
        }}
      >
        <FormError error={mutation?.error} />
        {(action.kind === "create" || action.kind === "rename") && (
          <Field label="Name" htmlFor="group-name" error={fieldErrorsOf(mutation?.error).name?.[0]}>
            <Input id="group-name" name="name" required autoFocus maxLength={80} defaultValue={action.kind === "rename" ? g.name : ""} />
          </Field>
        )}
        {action.kind === "move" &&
          (targets.length ? (
            <Field label="New parent" htmlFor="group-parent" hint="Its members and subgroups move with it.">
              {/* Nothing chosen until the person picks: one click must never re-parent a group. */}
              <Select id="group-parent" name="parent" autoFocus required defaultValue="">
                <option value="" disabled>
                  Choose the new parent…
                </option>
                <GroupOptions groups={targets} />
              </Select>
            </Field>
          ) : (
            <p className="text-sm text-slate-600">There is no other group in your reach to move it under.</p>
          ))}
        {action.kind === "delete" && (
          <p className="text-sm text-slate-600">
            {g.memberCount || g.subgroupCount
              ? `${g.name} still holds ${g.memberCount} member(s) and ${g.subgroupCount} subgroup(s). Only empty groups can be deleted.`
              : `${g.name} is empty. Deleting it cannot be undone.`}
          </p>
        )}
        <DialogActions
          onCancel={close}
          variant={action.kind === "delete" ? "danger" : "primary"}
          submitting={mutation?.isPending}
          disabled={action.kind === "move" && !targets.length}
        >
          {{ create: "Create", rename: "Save", move: "Move", delete: "Delete" }[action.kind]}
        </DialogActions>
      </form>
    </Dialog>
  );
}
