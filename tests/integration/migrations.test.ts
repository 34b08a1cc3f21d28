// Instances that start together each apply migrations (npm start does): on PostgreSQL they
// queue for as long as the first one takes, and the others then find nothing left to apply.
// Prisma's engine alone would wait 10 s and fail the start (docs/operations.md, "Upgrades").
import pg from "pg";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openConnection } from "@/server/db/connection";
import { applyMigrations, readMigrationList } from "@/server/db/schema-engine";

const serverUrl = process.env.DATABASE_URL;

describe.runIf(serverUrl)("migrations on PostgreSQL", () => {
  it("lets instances starting together wait their turn past the engine's 10 s, and applies each migration once", async () => {
    const name = `steward_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    // Another instance's long migration, as far as the waiting ones can tell: it holds the turn for 12 s.
    const busy = new pg.Client({ connectionString: url.toString() });
    await busy.connect();
    try {
      await busy.query("SELECT pg_advisory_lock(72707370)");
      const released = new Promise((resolve) => setTimeout(resolve, 12_000)).then(() => busy.end());
      const started = Date.now();
      const applied = await Promise.all(
        [1, 2].map(async () => {
          const conn = openConnection({ url: url.toString(), timeouts: false });
          try {
            return await applyMigrations(conn.factory);
          } finally {
            await conn.close();
          }
        }),
      );
      await released;
      expect(Date.now() - started).toBeGreaterThan(11_000);
      const all = (await readMigrationList()).migrationDirectories.length;
      expect(applied.map((a) => a.length).sort((a, b) => a - b)).toEqual([0, all]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 90_000);
});
