// Statements prepared by name on PostgreSQL (DATABASE_STATEMENT_CACHE): a statement run twice
// on a connection is parsed once; each run is still planned for its own parameters; past the
// limit statements stay unnamed; 0 names none and sends no startup option. On PGlite there
// is nothing to prepare, and the setting's parsing is checked alone.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db";
import { openConnection, statementCacheSize, statementNamer, withStartupOption } from "@/server/db/connection";
import { saveEnv } from "../support/keys";
import { testDatabase, type TestDatabase } from "./harness";

const restore = saveEnv("DATABASE_STATEMENT_CACHE", "DATABASE_POOL_SIZE");
afterEach(restore);

describe("the setting", () => {
  it("is 200 by default, a whole number otherwise", () => {
    delete process.env.DATABASE_STATEMENT_CACHE;
    expect(statementCacheSize()).toBe(200);
    process.env.DATABASE_STATEMENT_CACHE = "0";
    expect(statementCacheSize()).toBe(0);
    for (const wrong of ["-1", "2.5", "many"]) {
      process.env.DATABASE_STATEMENT_CACHE = wrong;
      expect(() => statementCacheSize()).toThrow(`DATABASE_STATEMENT_CACHE must be a whole number of statements (0: none), not "${wrong}".`);
    }
  });

  it("names the first distinct statements, the same text the same name, and no more", () => {
    const name = statementNamer(2);
    const a = name({ sql: "SELECT 1" });
    expect(a).toMatch(/^steward_[\w-]{32}$/);
    expect(name({ sql: "SELECT 1" })).toBe(a);
    const b = name({ sql: "SELECT 2" });
    expect(b).not.toBe(a);
    expect(name({ sql: "SELECT 3" })).toBeUndefined();
    expect(name({ sql: "SELECT 2" })).toBe(b);
  });
});

describe("the startup option", () => {
  const plan = "-c plan_cache_mode=force_custom_plan";
  it("is sent beside the URL's own options, which would otherwise replace it", () => {
    expect(withStartupOption("postgres://u@h/db", plan)).toEqual({ connectionString: "postgres://u@h/db", options: plan });
    expect(withStartupOption("postgres://u:p%40ss@h:5432/db?options=-c%20work_mem%3D5MB&sslmode=disable", plan)).toEqual({
      connectionString: "postgres://u:p%40ss@h:5432/db?sslmode=disable",
      options: `-c work_mem=5MB ${plan}`,
    });
    expect(withStartupOption("postgres://u@h/db?options=-c%20work_mem%3D5MB", null)).toEqual({
      connectionString: "postgres://u@h/db?options=-c%20work_mem%3D5MB",
    });
  });
});

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres("on PostgreSQL", () => {
  let t: TestDatabase;
  const opened: Db[] = [];
  beforeAll(async () => (t = await testDatabase()));
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.$disconnect()));
    await t.close();
  });

  /** A one-connection client of the test database with this cache size (and the URL's own query). */
  async function oneConnection(cache: string, query = ""): Promise<Db> {
    process.env.DATABASE_STATEMENT_CACHE = cache;
    process.env.DATABASE_POOL_SIZE = "1";
    const [{ db: name }] = await t.db.$queryRaw<[{ db: string }]>`SELECT current_database() AS db`;
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    url.search = query;
    const db = createDb(openConnection({ url: url.toString() }));
    opened.push(db);
    return db;
  }

  const prepared = (db: Db) =>
    db.$queryRaw<Array<{ name: string; statement: string }>>`SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'steward\\_%'`;

  it("prepares a statement once per connection and plans each run afresh", async () => {
    const db = await oneConnection("200");
    for (const email of ["a@x.test", "b@x.test", "c@x.test"]) await db.user.findUnique({ where: { email } });
    const statements = await prepared(db);
    expect(statements.filter((s) => s.statement.includes('FROM "public"."User"'))).toHaveLength(1);
    expect(await db.$queryRaw`SHOW plan_cache_mode`).toEqual([{ plan_cache_mode: "force_custom_plan" }]);
  });

  it("keeps options given in DATABASE_URL, and forces the plan mode beside them", async () => {
    const db = await oneConnection("200", "?options=-c%20work_mem%3D5MB");
    expect(await db.$queryRaw`SHOW work_mem`).toEqual([{ work_mem: "5MB" }]);
    expect(await db.$queryRaw`SHOW plan_cache_mode`).toEqual([{ plan_cache_mode: "force_custom_plan" }]);
  });

  it("names none with 0, and leaves the plan mode alone", async () => {
    const db = await oneConnection("0");
    await db.user.findUnique({ where: { email: "a@x.test" } });
    expect(await prepared(db)).toEqual([]);
    expect(await db.$queryRaw`SHOW plan_cache_mode`).toEqual([{ plan_cache_mode: "auto" }]);
  });
});
