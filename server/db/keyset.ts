// Keyset paging in SQL, for the lists that page by cursor (members, resources): an order is
// a few columns of one table read from one index, the id last to break ties, and a page is
// read after (or before) a boundary row's keys, so the thousandth page costs what the first
// does. Pure: it builds SQL, runs none. server/services/cursor.ts carries the keys between
// pages.
import { Prisma as P, type Prisma } from "./generated/client";

/** One key of an order: a column of the listed table and its SQL type (what a cursor's key is
 * cast to; `values`: an enum's, so that a forged key never reaches the database). */
export type SortKey = { column: string; type: string; values?: readonly string[] };
/** A list's orders, by name: each its keys before the id. */
export type SortKeys<S extends string = string> = Record<S, readonly SortKey[]>;
/** A row's place in an order: its sort keys then its id, as a page boundary. */
export type Keys = Array<string | number>;
/** How to read a page: after or before a boundary (`before` reads backwards: the caller
 * reverses the rows), backwards from the end (`fromEnd`), or from a position (`offset`, a jump,
 * which costs the rows it skips). */
export type KeysetRead = { limit: number; offset?: number; after?: Keys; before?: Keys; fromEnd?: boolean };

/**
 * The SQL of one order over the table under `alias`, read as `read` says: `select` gives the
 * keys as k0, k1, … and id; `orderBy` orders the table's rows, and `orderOf(outer)` the same
 * columns as a query reading the page under another alias (none: unqualified) sees them;
 * `boundary` is the condition "after the boundary" (empty without one). Descending reverses
 * the whole order, ties included, so that it reads the same index backwards.
 */
export function keysetOrder(alias: string, keys: readonly SortKey[], direction: "asc" | "desc", read: KeysetRead) {
  const columns = [...keys.map((k) => P.raw(`${alias}."${k.column}"`)), P.raw(`${alias}.id`)];
  const names = [...keys.map((_, i) => `k${i}`), "id"];
  const backwards = read.before !== undefined || read.fromEnd === true;
  const descending = (direction === "desc") !== backwards;
  const dir = P.raw(descending ? "DESC" : "ASC");
  const at = read.after ?? read.before;
  const types = [...keys.map((k) => k.type), "text"];
  return {
    select: P.join(
      columns.map((c, i) => P.sql`${c} AS ${P.raw(names[i]!)}`),
      ", ",
    ),
    orderBy: P.join(
      columns.map((c) => P.sql`${c} ${dir}`),
      ", ",
    ),
    orderOf: (outer?: string): Prisma.Sql =>
      P.join(
        names.map((n) => P.sql`${P.raw(outer ? `"${outer}".${n}` : n)} ${dir}`),
        ", ",
      ),
    boundary: at
      ? P.sql`(${P.join(columns, ", ")}) ${P.raw(descending ? "<" : ">")} (${P.join(
          at.map((key, i) => P.sql`${key}::${P.raw(types[i]!)}`),
          ", ",
        )})`
      : null,
  };
}
