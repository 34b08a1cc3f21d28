"use client";
// One resource: what it is, your access, its actions, its activity and (for share holders)
// its Access tab with grants and "Explain access".
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Dialog } from "../dialog";
import { DataForm, DialogActions, FormError } from "../form-parts";
import { errorMessage, fieldErrorsOf, refreshQueries, type RouterOutputs, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card, cx, Field, Input, Loading, PageHeader } from "../ui";
import { AccessTab } from "./access-tab";
import { ActivityPanel } from "./activity-panel";
import { typeLabel } from "./resources-table";

type Tab = "activity" | "access";
type Local = "edit" | "delete" | "transfer" | null;

/** `initial`: the resource as the page read it on the server (not when viewing as someone). */
export function ResourceDetail({
  resourceId,
  asMembershipId,
  explainMembershipId,
  initial,
}: {
  resourceId: string;
  asMembershipId?: string;
  /** Opens the Access tab explaining this member's access (a member page's "Explain"). */
  explainMembershipId?: string;
  initial?: RouterOutputs["resources"]["get"];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const resource = useQuery(trpc.resources.get.queryOptions({ resourceId, asMembershipId }, { initialData: initial }));
  const [tab, setTab] = useState<Tab>(explainMembershipId ? "access" : "activity");
  const [local, setLocal] = useState<Local>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => void refreshQueries(queryClient, trpc.resources.pathKey());
  const act = useMutation(
    trpc.resources.act.mutationOptions({
      onSuccess: (_, v) => {
        setNotice(
          v.action === "run"
            ? "Run started. It shows as running in the activity below until its outcome is reported."
            : "Restore started. It shows as running in the activity below until its outcome is reported.",
        );
        refresh();
      },
      onError: (e) => setNotice(errorMessage(e)),
    }),
  );

  if (resource.isPending) return <Loading />;
  if (resource.error) return <Alert>{errorMessage(resource.error)}</Alert>;
  const r = resource.data;
  // A preview ("view as member") shows the member's access and offers no actions.
  const preview = r.viewingAs !== null;
  const shownTab: Tab = tab === "access" && r.can.share && !preview ? "access" : "activity";

  return (
    <>
      <PageHeader
        title={r.name}
        description={
          <>
            {typeLabel(r.type)} · owned by {r.owner.isYou && !preview ? "you" : r.owner.name} {r.private && <Badge tone="amber">private</Badge>}
          </>
        }
        actions={
          !preview && (
            <div className="flex flex-wrap gap-2">
              {r.actions.map((a) => (
                <Button key={a} disabled={act.isPending} onClick={() => act.mutate({ resourceId, action: a })}>
                  {a === "run" ? "Run now" : "Restore"}
                </Button>
              ))}
              {r.can.edit && (
                <Button variant="secondary" onClick={() => setLocal("edit")}>
                  Edit
                </Button>
              )}
              {r.can.transfer && (
                <Button variant="secondary" onClick={() => setLocal("transfer")}>
                  Transfer
                </Button>
              )}
              {r.can.delete && (
                <Button variant="danger" onClick={() => setLocal("delete")}>
                  Delete
                </Button>
              )}
            </div>
          )
        }
      />
      {preview && (
        <div className="mb-4">
          <Alert tone="info">Viewing as {r.viewingAs?.name}: their access, read-only.</Alert>
        </div>
      )}
      {notice && (
        <div className="mb-4">
          <Alert tone={act.isError ? "error" : "success"}>{notice}</Alert>
        </div>
      )}
      <div className="mb-6 grid gap-4 lg:grid-cols-3">
        <Card title="About" className="lg:col-span-2">
          <p className="text-sm text-slate-700">{r.description || <span className="text-slate-500">No description.</span>}</p>
          <p className="mt-3 text-xs text-slate-500">
            Created {r.createdAt.toISOString().slice(0, 10)} · owner {r.owner.name} ({r.owner.email})
          </p>
        </Card>
        <Card title={preview ? `${r.viewingAs?.name}'s access` : "Your access"}>
          <p className="text-lg font-semibold text-slate-900">{r.access.summary}</p>
          <p className="mt-1 text-xs text-slate-500">{r.access.capabilities.join(", ")}</p>
        </Card>
      </div>

      {/* The Access tab needs Share (an "Explain" link may ask for it without): else Activity. */}
      {explainMembershipId && !r.can.share && (
        <div className="mb-4">
          <Alert tone="info">
            Explaining someone else&apos;s access needs Share on this resource.{" "}
            <Link href={`?as=${encodeURIComponent(explainMembershipId)}`} className="font-medium underline">
              View it as them
            </Link>{" "}
            to see what they may do here.
          </Alert>
        </div>
      )}
      <div role="tablist" aria-label="Resource" className="mb-4 flex gap-1 border-b border-slate-200">
        {(["activity", ...(r.can.share && !preview ? (["access"] as const) : [])] as Tab[]).map((t) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={shownTab === t}
            aria-controls={`panel-${t}`}
            id={`tab-${t}`}
            onClick={() => setTab(t)}
            className={cx(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              shownTab === t ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {t === "activity" ? "Activity" : "Access"}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${shownTab}`} aria-labelledby={`tab-${shownTab}`}>
        {shownTab === "access" ? (
          <AccessTab resourceId={resourceId} explainMembershipId={explainMembershipId} />
        ) : (
          <ActivityPanel resourceId={resourceId} reportable={preview ? [] : r.actions} />
        )}
      </div>

      {local === "edit" && <EditDialog resource={r} onClose={() => setLocal(null)} />}
      {local === "delete" && <DeleteDialog resource={r} onClose={() => setLocal(null)} />}
      {local === "transfer" && <TransferDialog resource={r} onClose={() => setLocal(null)} />}
    </>
  );
}

type ResourceView = { id: string; name: string; description: string; private: boolean; type: string; owner: { membershipId: string; name: string } };

function EditDialog({ resource, onClose }: { resource: ResourceView; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.resources.update.mutationOptions({
      onSuccess: () => {
        void refreshQueries(queryClient, trpc.resources.pathKey());
        onClose();
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);
  return (
    <Dialog open onClose={onClose} title={`Edit ${resource.name}`}>
      <DataForm
        onData={(f) => {
          update.mutate({
            resourceId: resource.id,
            name: String(f.get("name")),
            description: String(f.get("description")),
            private: f.get("private") === "on",
          });
        }}
      >
        <FormError error={update.error} />
        <Field label="Name" htmlFor="resource-edit-name" error={errors.name?.[0]}>
          <Input id="resource-edit-name" name="name" defaultValue={resource.name} required autoFocus />
        </Field>
        <Field label="Description" htmlFor="resource-edit-description" error={errors.description?.[0]}>
          <Input id="resource-edit-description" name="description" defaultValue={resource.description} />
        </Field>
        <label className="flex items-center gap-3 text-sm">
          <input type="checkbox" name="private" defaultChecked={resource.private} className="accent-indigo-600" />
          <span className="font-medium text-slate-900">Private</span>
        </label>
        <DialogActions onCancel={onClose} submitting={update.isPending}>
          Save
        </DialogActions>
      </DataForm>
    </Dialog>
  );
}

function DeleteDialog({ resource, onClose }: { resource: ResourceView; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { slug } = useParams<{ slug: string }>();
  const remove = useMutation(trpc.resources.delete.mutationOptions({ onSuccess: () => router.push(`/o/${slug}/resources`) }));
  return (
    <Dialog open onClose={onClose} title={`Delete ${resource.name}?`}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          remove.mutate({ resourceId: resource.id });
        }}
      >
        {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
        <p className="text-sm text-slate-600">Its grants and its activity go with it. This cannot be undone.</p>
        <DialogActions onCancel={onClose} submitting={remove.isPending} variant="danger">
          Delete {typeLabel(resource.type).toLowerCase()}
        </DialogActions>
      </form>
    </Dialog>
  );
}

function TransferDialog({ resource, onClose }: { resource: ResourceView; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const transfer = useMutation(
    trpc.resources.transfer.mutationOptions({
      onSuccess: () => {
        void refreshQueries(queryClient, trpc.resources.pathKey());
        onClose();
      },
    }),
  );
  return (
    <Dialog open onClose={onClose} title={`Transfer ${resource.name}`}>
      <MemberSearch
        resourceId={resource.id}
        search={search}
        onSearch={setSearch}
        exclude={resource.owner.membershipId}
        onPick={(m) => transfer.mutate({ resourceId: resource.id, toMembershipId: m })}
      />
      {transfer.error && <Alert>{errorMessage(transfer.error)}</Alert>}
      <p className="mt-3 text-xs text-slate-500">The new owner gets Administrator on it; {resource.owner.name} keeps only what grants give them.</p>
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}

/** Search the members this viewer may find (their span, or anyone by full email address) and pick one. */
export function MemberSearch({
  resourceId,
  search,
  onSearch,
  onPick,
  exclude,
  label = "Find a member",
}: {
  resourceId: string;
  search: string;
  onSearch: (s: string) => void;
  onPick: (membershipId: string, name: string) => void;
  exclude?: string;
  label?: string;
}) {
  const trpc = useTRPC();
  const inputId = useId();
  const hintId = useId();
  const found = useQuery(trpc.resources.principals.queryOptions({ resourceId, search }));
  // Without a span to search, colleagues are found by their exact address only (rule 5).
  const limited = found.data?.directory.members === "address";
  return (
    <div className="space-y-2">
      <Field label={label} htmlFor={inputId}>
        <Input
          id={inputId}
          type="search"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          placeholder={limited ? "Full email address" : "Name or email"}
          autoComplete="off"
          aria-describedby={limited ? hintId : undefined}
        />
        {limited && (
          <p id={hintId} className="text-xs text-slate-500">
            Type a colleague&apos;s full email address to find them.
          </p>
        )}
      </Field>
      <ul className="max-h-56 divide-y divide-slate-100 overflow-auto rounded-md ring-1 ring-slate-200" aria-label="Matching members">
        {found.data?.members
          .filter((m) => m.membershipId !== exclude)
          .map((m) => (
            <li key={m.membershipId} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span>
                <span className="font-medium text-slate-900">{m.name}</span> <span className="text-xs text-slate-500">{m.email}</span>
              </span>
              <Button size="sm" variant="secondary" onClick={() => onPick(m.membershipId, m.name)} aria-label={`Choose ${m.name}`}>
                Choose
              </Button>
            </li>
          ))}
        {found.data && !found.data.members.length && <li className="px-3 py-2 text-sm text-slate-500">No member matches.</li>}
      </ul>
    </div>
  );
}
