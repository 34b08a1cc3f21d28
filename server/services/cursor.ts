// Paging a list by cursor (keyset paging; the SQL is server/db/keyset.ts): the cursor a page
// answers with, read back and checked, and the steps from a request (a cursor, the last page,
// or a page number) to a page with the cursors on either side of it. The members and resources
// lists page this way.
import { z } from "zod";
import type { Keys, KeysetRead, SortKey, SortKeys } from "../db/keyset";
import { StewardError } from "./errors";

/** The order of a list: one of its sorts, either way. */
export type ListOrder<S extends string> = { sort: S; direction: "asc" | "desc" };

/** What a page is asked for: a cursor from an earlier answer, else the last page, else a page by number. */
export type PageRequest<S extends string> = ListOrder<S> & {
  /** A page boundary from an earlier answer's nextCursor or prevCursor. */
  cursor?: string;
  /** The last page. */
  last?: boolean;
  /** A page by number (1 is the first): a jump, which costs the rows it skips. */
  page?: number;
  pageSize: number;
};

/** A page's row as the SQL reads it: its keys k0, k1, … and its id. */
type KeyedRow = { id: string } & { [key: `k${number}`]: unknown };

const NOT_VALID = "This page link is not valid: start again from the first page.";
const OTHER_ORDER = "This page link belongs to another order of the list: start again from the first page.";

/** Whether a cursor's key is a value of its column's type (else the database would refuse it). */
function keyFits(key: string | number, type: SortKey["type"], values: readonly string[] | undefined): boolean {
  if (values) return typeof key === "string" && values.includes(key);
  switch (type) {
    case "float8":
      return typeof key === "number" && Number.isFinite(key);
    case "timestamp(3)":
      return typeof key === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(key) && !Number.isNaN(Date.parse(key));
    default:
      return typeof key === "string";
  }
}

/** Cursor paging over a list's orders (`sortKeys`, as its SQL reads them); `list` names the
 * list in its cursors, so that one list's cursor is not taken for a place in another's. */
export function cursorPaging<S extends string>(list: string, sortKeys: SortKeys<S>) {
  const sorts = Object.keys(sortKeys) as [S, ...S[]];
  const longest = Math.max(...sorts.map((s) => sortKeys[s].length));
  const shape = z.object({
    list: z.literal(list),
    towards: z.enum(["before", "after"]),
    sort: z.enum(sorts),
    direction: z.enum(["asc", "desc"]),
    keys: z
      .array(z.union([z.string().max(1000), z.number()]))
      .min(2)
      .max(longest + 1),
  });
  type Cursor = z.infer<typeof shape>;

  const write = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

  /** A cursor from an earlier answer, for the same order; anything else is a clear BAD_REQUEST. */
  function read(text: string, order: ListOrder<S>): Cursor {
    let parsed: Cursor;
    try {
      parsed = shape.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    } catch {
      throw new StewardError("BAD_REQUEST", NOT_VALID);
    }
    const keys = sortKeys[order.sort];
    if (parsed.sort !== order.sort || parsed.direction !== order.direction || parsed.keys.length !== keys.length + 1) {
      throw new StewardError("BAD_REQUEST", OTHER_ORDER);
    }
    const types: SortKey[] = [...keys, { column: "id", type: "text" }];
    if (!parsed.keys.every((key, i) => keyFits(key, types[i]!.type, types[i]!.values))) throw new StewardError("BAD_REQUEST", NOT_VALID);
    return parsed;
  }

  /** A row's keys in an order, as a cursor carries them (dates as ISO text, read back as timestamps). */
  function keysOf(row: KeyedRow, sort: S): Keys {
    const values = sortKeys[sort].map((_, i) => row[`k${i}`] as string | number | Date);
    return [...values.map((v) => (v instanceof Date ? v.toISOString() : v)), row.id];
  }

  /**
   * The page `request` asks for, through `readRows` (which reads `limit` rows at most, in the
   * order, as `KeysetRead` says), with a cursor to each side where more rows lie. One row past
   * the page tells whether another follows; reading backwards, whether one precedes.
   */
  async function page<R extends KeyedRow>(request: PageRequest<S>, readRows: (read: KeysetRead) => Promise<R[]>) {
    const order = { sort: request.sort, direction: request.direction };
    const cursor = request.cursor ? read(request.cursor, order) : null;
    const limit = request.pageSize;
    let rows: R[];
    let before = false;
    let after = false;
    if (cursor?.towards === "before" || (!cursor && request.last)) {
      const got = (await readRows({ limit: limit + 1, before: cursor?.keys, fromEnd: !cursor })).reverse();
      before = got.length > limit;
      rows = before ? got.slice(1) : got;
      after = cursor !== null;
      // Fewer than a page before the boundary (rows went away): the first page, full.
      if (cursor && !before && rows.length < limit) {
        const first = await readRows({ limit: limit + 1 });
        after = first.length > limit;
        rows = first.slice(0, limit);
      }
    } else {
      const offset = cursor ? 0 : ((request.page ?? 1) - 1) * limit;
      const got = await readRows({ limit: limit + 1, after: cursor?.keys, offset });
      after = got.length > limit;
      rows = got.slice(0, limit);
      before = cursor !== null || offset > 0;
    }
    const boundary = (towards: "before" | "after", row: R | undefined) =>
      row ? write({ list, towards, ...order, keys: keysOf(row, order.sort) }) : cursor && write({ ...cursor, towards });
    return {
      rows,
      /** The page number asked for; null for a page read by cursor or the last page. */
      page: cursor || request.last ? null : (request.page ?? 1),
      nextCursor: after ? boundary("after", rows.at(-1)) : null,
      prevCursor: before ? boundary("before", rows[0]) : null,
    };
  }

  return { page };
}
