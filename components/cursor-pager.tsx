"use client";
// The pager of a list read by cursor (keyset paging): first, previous, next and last, each
// costing what the first page does, with where the page sits in the list and its total.
import { useState } from "react";
import { Button, Select } from "./ui";

/** Where a cursor-paged list stands: the cursor to read (none: the first page), or the last page. */
export type CursorPosition = { cursor?: string; last?: boolean; index: number };

/** 46,294 rather than 46294; one fixed locale, so the server's and the browser's render agree. */
const count = (n: number) => n.toLocaleString("en-US");

/** The position state of a cursor-paged list, with its page size. */
export function useCursorPaging(initialPageSize = 25) {
  const [position, setPosition] = useState<CursorPosition>({ index: 0 });
  const [pageSize, setPageSize] = useState(initialPageSize);
  return { position, setPosition, pageSize, setPageSize, toFirstPage: () => setPosition({ index: 0 }) };
}

type Page = { rows: unknown[]; total: number; totalExact: boolean; nextCursor: string | null; prevCursor: string | null };

/** The index of a page's first row: 0 when nothing precedes it, counted back from the total for
 * the last page, else as the steps taken to it said. */
export function firstRowIndex(position: CursorPosition, page: Page | undefined): number {
  if (!page || page.prevCursor === null) return 0;
  if (position.last) return Math.max(0, page.total - page.rows.length);
  return position.index;
}

export function CursorPager({
  page,
  position,
  onMove,
  pageSize,
  onPageSize,
  noun,
}: {
  page: Page | undefined;
  position: CursorPosition;
  onMove: (to: CursorPosition) => void;
  pageSize: number;
  onPageSize: (n: number) => void;
  noun: string;
}) {
  const from = firstRowIndex(position, page);
  const shown = page?.rows.length ?? 0;
  const total = page ? (page.totalExact ? count(page.total) : `more than ${count(page.total - 1)}`) : "…";
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">{!page ? "" : shown ? `${count(from + 1)}–${count(from + shown)} of ${total}` : `0 ${noun}`}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${noun}-page-size`}>Per page</label>
        <Select id={`${noun}-page-size`} className="!w-auto" value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
          {[10, 25, 50, 100].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
        <Button variant="secondary" size="sm" onClick={() => onMove({ index: 0 })} disabled={!page?.prevCursor} aria-label={`First page of ${noun}`}>
          First
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => page?.prevCursor && onMove({ cursor: page.prevCursor, index: Math.max(0, from - pageSize) })}
          disabled={!page?.prevCursor}
        >
          Previous
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => page?.nextCursor && onMove({ cursor: page.nextCursor, index: from + shown })}
          disabled={!page?.nextCursor}
        >
          Next
        </Button>
        <Button variant="secondary" size="sm" onClick={() => onMove({ last: true, index: 0 })} disabled={!page?.nextCursor} aria-label={`Last page of ${noun}`}>
          Last
        </Button>
      </div>
    </div>
  );
}
