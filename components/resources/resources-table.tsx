"use client";
// The resources the viewer sees (their role, grants and scope decide; the server filters).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper, getCoreRowModel, useReactTable, type SortingState } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { RESOURCE_TYPE_KEYS, RESOURCE_TYPES, type ResourceType } from "@/server/authz/resources";
import type { AppRouter } from "@/server/trpc/root";
import { CursorPager, useCursorPaging } from "../cursor-pager";
import { DataTable } from "../data-table";
import { Dialog } from "../dialog";
import { DataForm, DialogActions, FormError } from "../form-parts";
import { errorMessage, fieldErrorsOf, refreshQueries, useTRPC } from "../trpc";
import { useDebounced } from "../use-debounced";
import { Alert, Badge, Button, EmptyState, Field, Input, Select } from "../ui";

type Row = inferRouterOutputs<AppRouter>["resources"]["list"]["rows"][number];
const column = createColumnHelper<Row>();

export const typeLabel = (type: string) => RESOURCE_TYPES[type as ResourceType]?.label ?? type;

/** With `asMembershipId`: the read-only "view as member" preview. */
export function ResourcesTable({ asMembershipId }: { asMembershipId?: string }) {
  const trpc = useTRPC();
  const { slug } = useParams<{ slug: string }>();
  const [type, setType] = useState<ResourceType | "">("");
  const [search, setSearch] = useState("");
  const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
  const { position, setPosition, pageSize, setPageSize, toFirstPage } = useCursorPaging(25);
  const q = useDebounced(search, 250);
  // Another filter, order or page size is another list: back to its first page.
  useEffect(toFirstPage, [q, type, sorting, pageSize]); // eslint-disable-line react-hooks/exhaustive-deps -- toFirstPage only sets state

  const list = useQuery({
    ...trpc.resources.list.queryOptions({
      pageSize,
      cursor: position.cursor,
      last: position.last || undefined,
      sort: (sorting[0]?.id ?? "name") as "name" | "updatedAt",
      direction: sorting[0]?.desc ? "desc" : "asc",
      type: type || undefined,
      search: q || undefined,
      asMembershipId,
    }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: "Name",
        cell: ({ row }) => (
          <div>
            <Link
              href={`/o/${slug}/resources/${row.original.id}${asMembershipId ? `?as=${asMembershipId}` : ""}`}
              className="font-medium text-slate-900 hover:text-indigo-600 hover:underline"
            >
              {row.original.name}
            </Link>{" "}
            {row.original.private && <Badge tone="amber">private</Badge>}
            {row.original.description && <div className="max-w-lg truncate text-xs text-slate-500">{row.original.description}</div>}
          </div>
        ),
      }),
      column.accessor("type", { header: "Type", enableSorting: false, cell: ({ getValue }) => typeLabel(getValue()) }),
      column.accessor((r) => r.owner.name, {
        id: "owner",
        header: "Owner",
        enableSorting: false,
        cell: ({ row }) => (row.original.owner.isYou ? <Badge tone="indigo">you</Badge> : row.original.owner.name),
      }),
      column.accessor("updatedAt", {
        header: "Updated",
        cell: ({ getValue }) => <span className="whitespace-nowrap text-slate-500">{getValue().toISOString().slice(0, 10)}</span>,
      }),
    ],
    [slug, asMembershipId],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table opts this component out of the React Compiler, as intended
  const table = useReactTable({
    data: list.data?.rows ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
    getRowId: (row) => row.id,
  });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3" role="search">
        <div className="min-w-56 flex-1">
          <label htmlFor="resource-search" className="sr-only">
            Search resources
          </label>
          <Input id="resource-search" type="search" placeholder="Search by name or description" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <label htmlFor="resource-type" className="sr-only">
          Type
        </label>
        <Select id="resource-type" className="!w-auto" value={type} onChange={(e) => setType(e.target.value as ResourceType | "")}>
          <option value="">All types</option>
          {RESOURCE_TYPE_KEYS.map((t) => (
            <option key={t} value={t}>
              {RESOURCE_TYPES[t].plural}
            </option>
          ))}
        </Select>
      </div>
      {list.data?.viewingAs && (
        <Alert tone="info">
          Viewing as {list.data.viewingAs.name}: what they see, read-only.
          {list.data.hidden > 0 &&
            ` ${list.data.hidden} more resource${list.data.hidden === 1 ? "" : "s"} they see ${list.data.hidden === 1 ? "is" : "are"} hidden from you, as you cannot see ${list.data.hidden === 1 ? "it" : "them"} yourself.`}{" "}
          <Link href={`/o/${slug}/resources`} className="font-medium underline">
            Back to your own view
          </Link>
        </Alert>
      )}
      {list.error && <Alert>{errorMessage(list.error)}</Alert>}
      <DataTable
        label="Resources"
        table={table}
        loading={list.isPending}
        loadingText="Loading resources…"
        empty={
          <EmptyState title={q || type ? "No resources match" : "No resources for you yet"}>
            {q || type ? "Clear the search or the type filter." : "Resources appear here when you create them or someone gives you access."}
          </EmptyState>
        }
      />
      <CursorPager page={list.data} position={position} onMove={setPosition} pageSize={pageSize} onPageSize={setPageSize} noun="resources" />
    </div>
  );
}

/** `types`: those the member may create (all with "Create resources"; else what organization-wide access allows). */
export function NewResourceButton({ types }: { types: ResourceType[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { slug } = useParams<{ slug: string }>();
  const [open, setOpen] = useState(false);
  const create = useMutation(
    trpc.resources.create.mutationOptions({
      onSuccess: (r) => {
        void refreshQueries(queryClient, trpc.resources.list.queryKey());
        router.push(`/o/${slug}/resources/${r.id}`);
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New resource</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="New resource">
        <DataForm
          onData={(f) => {
            create.mutate({
              type: String(f.get("type")) as ResourceType,
              name: String(f.get("name")),
              description: String(f.get("description")),
              private: f.get("private") === "on",
            });
          }}
        >
          <FormError error={create.error} />
          <div className="grid grid-cols-3 gap-3">
            <Field label="Type" htmlFor="resource-new-type">
              <Select id="resource-new-type" name="type" defaultValue={types.includes("job") ? "job" : types[0]}>
                {types.map((t) => (
                  <option key={t} value={t}>
                    {RESOURCE_TYPES[t].label}
                  </option>
                ))}
              </Select>
            </Field>
            <div className="col-span-2">
              <Field label="Name" htmlFor="resource-new-name" error={errors.name?.[0]}>
                <Input id="resource-new-name" name="name" required autoFocus autoComplete="off" />
              </Field>
            </div>
          </div>
          <Field label="Description (optional)" htmlFor="resource-new-description" error={errors.description?.[0]}>
            <Input id="resource-new-description" name="description" autoComplete="off" />
          </Field>
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" name="private" className="mt-1 accent-indigo-600" />
            <span>
              <span className="font-medium text-slate-900">Private</span>
              <span className="block text-slate-500">
                Only people granted “View” on it see it; roles that see every resource and organization-wide access do not.
              </span>
            </span>
          </label>
          <p className="text-xs text-slate-500">You will own it, with Administrator access, and can then share it.</p>
          <DialogActions onCancel={() => setOpen(false)} submitting={create.isPending}>
            Create
          </DialogActions>
        </DataForm>
      </Dialog>
    </>
  );
}
