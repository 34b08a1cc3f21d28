// The Prisma client. Services receive it (or a transaction client) as an argument so that
// the app, the CLI and the tests can each bring their own database.
import { PrismaClient } from "./generated/client";
import { openConnection, type Connection } from "./connection";

export type Db = PrismaClient;
export type { Prisma } from "./generated/client";
/** A client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(conn: Connection): Db {
  return new PrismaClient({ adapter: conn.factory });
}

type Holder = { db?: Db; conn?: Connection };
const holder = globalThis as typeof globalThis & { __steward?: Holder };

/** The process-wide client of the configured database (kept across hot reloads). */
export function getDb(): Db {
  holder.__steward ??= {};
  const h = holder.__steward;
  if (!h.db) {
    h.conn = openConnection();
    h.db = createDb(h.conn);
  }
  return h.db;
}
