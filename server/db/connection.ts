// Chooses the database: a PostgreSQL server when DATABASE_URL is set, otherwise an
// embedded PGlite stored in STEWARD_DATA_DIR (default ./.steward/pgdata).
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

/**
 * Opens the configured database. Options override the environment: `memory` gives a
 * throwaway PGlite, `url` a PostgreSQL server, `dataDir` an embedded folder (tests, CLI).
 */
export function openConnection(opts: { memory?: boolean; url?: string; dataDir?: string } = {}): Connection {
  const url = opts.dataDir ? undefined : (opts.url ?? process.env.DATABASE_URL);
  if (url && !opts.memory) {
    return {
      kind: "postgres",
      factory: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
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
