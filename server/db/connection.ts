// Chooses the database: a PostgreSQL server when DATABASE_URL is set, otherwise an
// embedded PGlite stored in STEWARD_DATA_DIR (default ./.steward/pgdata).
import { createHash } from "node:crypto";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export type Connection = {
  kind: "postgres" | "pglite";
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
  describe: string;
};

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.STEWARD_DATA_DIR ?? path.join(process.cwd(), ".steward", "pgdata"));
}

/** Milliseconds from the environment: a whole number, 0 meaning "no limit". */
function millis(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of milliseconds (0: no limit), not "${raw}".`);
  return value;
}

/**
 * How long a request may wait on PostgreSQL, so that a frozen or overloaded server answers
 * "try again" within seconds instead of holding requests. The statement limit is enforced by
 * the server; the read limit by the client, for a server that stopped answering at all.
 * Migrations pass `timeouts: false`: building an index may take longer.
 */
export function postgresTimeouts() {
  const statement = millis("DATABASE_STATEMENT_TIMEOUT_MS", 5_000);
  return {
    connectionTimeoutMillis: millis("DATABASE_CONNECT_TIMEOUT_MS", 3_000),
    statement_timeout: statement || undefined,
    query_timeout: statement ? statement + 2_000 : undefined,
    idle_in_transaction_session_timeout: statement ? statement * 2 : undefined,
  };
}

/**
 * How many distinct statements each process prepares by name (DATABASE_STATEMENT_CACHE,
 * default 200; 0: none). A named statement is parsed once per connection and afterwards only
 * executed; an unnamed one is parsed again every time, which was about a fifth of
 * PostgreSQL's work on a members page, whose statement is long. Statements past the limit
 * stay unnamed, so neither node-postgres's map of prepared names nor PostgreSQL's memory per
 * connection grows without bound. Off for a pooler in transaction mode that does not carry
 * prepared statements.
 */
export function statementCacheSize(): number {
  const raw = process.env.DATABASE_STATEMENT_CACHE;
  if (raw === undefined || raw === "") return 200;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`DATABASE_STATEMENT_CACHE must be a whole number of statements (0: none), not "${raw}".`);
  return value;
}

/**
 * Names the first `size` distinct statements of this process (a hash of their text), and
 * leaves every later one unnamed. node-postgres prepares a named statement on a connection the
 * first time that connection runs it.
 */
export function statementNamer(size: number): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return (query) => {
    let name = names.get(query.sql);
    if (name === undefined && names.size < size) {
      name = `steward_${createHash("sha256").update(query.sql).digest("base64url").slice(0, 32)}`;
      names.set(query.sql, name);
    }
    // node-postgres runs a query with no name as an unnamed statement; the adapter's type says string.
    return name as string;
  };
}

/**
 * The connection string and the startup `options` with `option` added. node-postgres takes a
 * URL's own `options=` over the pool's, so one given in DATABASE_URL is moved out of the URL and
 * kept beside ours rather than silently replacing it.
 */
export function withStartupOption(url: string, option: string | null): { connectionString: string; options?: string } {
  if (!option) return { connectionString: url };
  if (!/[?&]options=/.test(url)) return { connectionString: url, options: option };
  const link = new URL(url);
  const own = link.searchParams.get("options");
  link.searchParams.delete("options");
  return { connectionString: link.toString(), options: own ? `${own} ${option}` : option };
}

/**
 * Opens the configured database. Options override the environment: `memory` gives a
 * throwaway PGlite, `url` a PostgreSQL server, `dataDir` an embedded folder (tests, CLI).
 */
export function openConnection(opts: { memory?: boolean; url?: string; dataDir?: string; timeouts?: boolean } = {}): Connection {
  const url = opts.dataDir ? undefined : (opts.url ?? process.env.DATABASE_URL);
  if (url && !opts.memory) {
    const timeouts = opts.timeouts === false ? {} : postgresTimeouts();
    const cached = statementCacheSize();
    // A prepared statement would otherwise switch to one generic plan after five runs, the same
    // for every parameter; a list's best plan depends on them (a Group Admin's span of a hundred
    // or of ten thousand), so each run is still planned for its own: only the parsing is saved.
    const { connectionString, options } = withStartupOption(url, cached ? "-c plan_cache_mode=force_custom_plan" : null);
    return {
      kind: "postgres",
      factory: new PrismaPg(
        { connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), ...timeouts, ...(options ? { options } : {}) },
        cached ? { statementNameGenerator: statementNamer(cached) } : undefined,
      ),
      close: async () => {},
      describe: url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"),
    };
  }
  let client: PGlite;
  let describe = "in-memory PGlite";
  if (opts.memory) {
    client = new PGlite();
  } else {
    const dir = opts.dataDir ?? dataDir();
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
    describe = `embedded PGlite in ${dir}`;
  }
  return {
    kind: "pglite",
    factory: new PrismaPGlite(client),
    close: () => client.close(),
    describe,
  };
}
