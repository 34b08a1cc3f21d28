// A fresh, migrated database per test file: in-memory PGlite by default, or a throwaway
// database on the PostgreSQL server of DATABASE_URL (CI runs the suite both ways).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "@/server/db";
import { openConnection } from "@/server/db/connection";
import { applyMigrations } from "@/server/db/schema-engine";
import { createCaller } from "@/server/trpc/root";
import { verifyCredentials } from "@/server/services/account";
import { startSession } from "@/server/services/sessions";

export type TestDatabase = {
  db: Db;
  kind: "postgres" | "pglite";
  /** Another client of the same database, as a second app instance has (PGlite: the same one). */
  another: () => Db;
  close: () => Promise<void>;
};

export async function testDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const conn = openConnection({ memory: true });
    await applyMigrations(conn.factory);
    const db = createDb(conn);
    return {
      db,
      kind: "pglite",
      another: () => db,
      close: async () => {
        await db.$disconnect();
        await conn.close();
      },
    };
  }
  const name = `steward_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const conn = openConnection({ url: url.toString() });
  await applyMigrations(conn.factory);
  const db = createDb(conn);
  const others: Db[] = [];
  return {
    db,
    kind: "postgres",
    another: () => {
      const other = createDb(openConnection({ url: url.toString() }));
      others.push(other);
      return other;
    },
    close: async () => {
      await Promise.all([db, ...others].map((d) => d.$disconnect()));
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A tRPC caller for a person who signed in with this email and password, as the
 * Credentials provider does, acting in the organization with this slug. */
export async function signIn(db: Db, email: string, password: string, orgSlug: string | null = null) {
  const claims = await verifyCredentials(db, email, password);
  if (!claims) throw new Error(`Sign-in failed for ${email}`);
  const sessionId = await startSession(db, claims.userId, { userAgent: "vitest", ip: "127.0.0.1" });
  return callerFor(db, { userId: claims.userId, sessionVersion: claims.sessionVersion, sessionId }, orgSlug);
}

export function callerFor(db: Db, claims: { userId: string; sessionVersion: number; sessionId?: string } | null, orgSlug: string | null) {
  return createCaller({ db, claims, orgSlug, ip: "127.0.0.1" });
}

/** The refusal a call ends in (lazy, so no refused promise lies around unawaited); fails the test if it succeeds. */
export async function refusal(call: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected the call to be refused, but it succeeded");
}

/** Makes `holder` the process-wide database that code reading `getDb()` uses (route handlers,
 * next-auth's authorize()); the returned function puts back what was there before. A holder
 * rather than a client, so that a test can also make opening the database fail. */
export function setProcessDb(holder: { readonly db?: Db }): () => void {
  const process = globalThis as typeof globalThis & { __steward?: { readonly db?: Db } };
  const saved = process.__steward;
  process.__steward = holder;
  return () => {
    process.__steward = saved;
  };
}
