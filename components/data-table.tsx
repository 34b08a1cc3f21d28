"use client";
// The table frame every list shares: sortable headers (as buttons, with aria-sort), rows,
// a loading line, an empty state, and the pager under it. Lists are paged on the server.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type PaginationState, type Table } from "@tanstack/react-table";
import { useCallback, useState, type ReactNode } from "react";
import { Button, cx, Loading, ScrollFrame, Select } from "./ui";

/** How many leading columns stay in view when the table scrolls sideways on a narrow screen:
 * the one that names the row, and the selection checkbox before it when there is one. */
function pinnedColumns<Row>(table: Table<Row>) {
  return table.getVisibleLeafColumns()[0]?.id === SELECT_COLUMN ? 2 : 1;
}
const SELECT_COLUMN = "select";

/** Classes of a header or body cell by position: pinned cells stick to the left edge and
 * need a background of their own, or the scrolled cells would show through them. */
function cellPosition(index: number, pinned: number, columnId: string, background: string) {
  if (index >= pinned) return "relative";
  return cx(
    "sticky z-1",
    background,
    // The checkbox column has a set width so the name column knows where to stick (left-12).
    index === 0 ? "left-0" : "left-12",
    columnId === SELECT_COLUMN && "w-12 min-w-12",
    // A hairline where the scrolled columns slide under, on screens narrow enough to scroll.
    index === pinned - 1 && "max-md:shadow-[inset_-1px_0_0_var(--color-slate-200)]",
  );
}

/** `label`: what the table lists, read out when its scrolling frame takes focus. */
export function DataTable<Row>({
  table,
  loading,
  loadingText,
  empty,
  label,
}: {
  table: Table<Row>;
  loading: boolean;
  loadingText: string;
  empty: ReactNode;
  label?: string;
}) {
  const pinned = pinnedColumns(table);
  return (
    <ScrollFrame label={label} className="rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((header, index) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                    className={cx(
                      "px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500",
                      cellPosition(index, pinned, header.column.id, "bg-slate-50"),
                    )}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden>{sorted === "asc" ? "↑" : sorted === "desc" ? "↓" : "↕"}</span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="group hover:bg-slate-50">
              {row.getVisibleCells().map((cell, index) => (
                <td key={cell.id} className={cx("px-4 py-2.5 align-middle", cellPosition(index, pinned, cell.column.id, "bg-white group-hover:bg-slate-50"))}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {loading && <Loading label={loadingText} lines={5} className="px-4 py-4" />}
      {!loading && table.getRowModel().rows.length === 0 && <div className="p-4">{empty}</div>}
    </ScrollFrame>
  );
}

/** 46,294 rather than 46294; one fixed locale, so the server's and the browser's render agree. */
const count = (n: number) => n.toLocaleString("en-US");

export function Pager<Row>({
  table,
  total,
  totalExact = true,
  noun,
}: {
  table: Table<Row>;
  /** Undefined while the first page loads: the count then says nothing rather than "0". */
  total: number | undefined;
  /** False when the server counted only up to a cap: `total` is then the cap plus one. */
  totalExact?: boolean;
  noun: string;
}) {
  const { pageIndex, pageSize } = table.getState().pagination;
  const known = total !== undefined;
  total ??= 0;
  const from = total ? pageIndex * pageSize + 1 : 0;
  const to = totalExact ? Math.min(total, (pageIndex + 1) * pageSize) : from + table.getRowModel().rows.length - 1;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">
        {!known ? "" : total ? `${count(from)}–${count(to)} of ${totalExact ? count(total) : `more than ${count(total - 1)}`}` : `0 ${noun}`}
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor={`${noun}-page-size`}>Per page</label>
        <Select
          id={`${noun}-page-size`}
          className="!w-auto"
          value={pageSize}
          onChange={(e) => table.setPagination({ pageIndex: 0, pageSize: Number(e.target.value) })}
        >
          {[10, 25, 50, 100].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
        <Button variant="secondary" size="sm" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
          Previous
        </Button>
        <Button variant="secondary" size="sm" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
          Next
        </Button>
      </div>
    </div>
  );
}

/** Paging state for a server-paged list, and a way back to its first page when a filter changes. */
export function usePaging(pageSize: number) {
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize });
  const toFirstPage = useCallback(() => setPagination((p) => (p.pageIndex === 0 ? p : { ...p, pageIndex: 0 })), []);
  return { pagination, setPagination, toFirstPage };
}

/** A table paged on the server, in the order the server gives (no client sorting). */
export function usePagedTable<Row extends { id: string }>(options: {
  rows: Row[] | undefined;
  total: number | undefined;
  /** False when the total is only a lower bound: the pager then always offers the next page while pages come full. */
  totalExact?: boolean;
  /** Columns of several value types, as TanStack's column helper makes them. */
  columns: Array<ColumnDef<Row, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each column has its own value type
  pagination: PaginationState;
  onPaginationChange: (updater: PaginationState | ((old: PaginationState) => PaginationState)) => void;
}) {
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table opts this component out of the React Compiler, as intended
  return useReactTable({
    data: options.rows ?? [],
    columns: options.columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    // A lower bound counts no pages: Next stays offered while pages come back full.
    ...(options.totalExact === false
      ? { pageCount: (options.rows?.length ?? 0) < options.pagination.pageSize ? options.pagination.pageIndex + 1 : -1 }
      : { rowCount: options.total ?? 0 }),
    state: { pagination: options.pagination },
    onPaginationChange: options.onPaginationChange,
    getRowId: (r) => r.id,
    enableSorting: false,
  });
}

/** A small table shown whole (a report's summary), in the order given. */
export function useStaticTable<Row extends { id: string }>(options: {
  rows: Row[];
  columns: Array<ColumnDef<Row, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each column has its own value type
}) {
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table opts this component out of the React Compiler, as intended
  return useReactTable({ data: options.rows, columns: options.columns, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.id, enableSorting: false });
}
