// The operator CLI as an operator runs it: a separate process on an embedded database.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/server/db";
import { openConnection } from "@/server/db/connection";
import { verifyCredentials } from "@/server/services/account";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "steward-cli-"));
const env = { ...process.env, DATABASE_URL: "", STEWARD_DATA_DIR: path.join(dir, "pgdata") };
const cli = (...args: string[]) => run(path.resolve("node_modules/.bin/tsx"), ["scripts/cli.ts", ...args], { env });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run steward -- setup", () => {
  let oneTimePassword = "";

  it("creates the organization and prints a one-time password that signs in and must be changed", async () => {
    const { stdout } = await cli("setup", "--org", "Hooli", "--email", "Gavin@Hooli.test", "--name", "Gavin Belson");
    expect(stdout).toContain("Created organization “Hooli” (/o/hooli) owned by gavin@hooli.test.");
    oneTimePassword = stdout.match(/One-time password: (\S+)/)?.[1] ?? "";
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
  });

  it("refuses to run again, exiting non-zero with the reason", async () => {
    const err = (await cli("setup", "--org", "Takeover", "--email", "m@evil.test").catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain("already set up");
  });

  it("explains bad usage", async () => {
    const err = (await cli("setup", "--org", "X", "--email", "nope").catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain("not a valid email address");
    expect(err.stderr).toContain("Usage: npm run steward");
  });

  it("left exactly one organization whose owner signs in with the one-time password", async () => {
    const conn = openConnection({ dataDir: env.STEWARD_DATA_DIR });
    const db = createDb(conn);
    try {
      expect(await db.organization.count()).toBe(1);
      const claims = await verifyCredentials(db, "gavin@hooli.test", oneTimePassword);
      expect(claims).not.toBeNull();
      const user = await db.user.findUniqueOrThrow({ where: { email: "gavin@hooli.test" } });
      expect(user.mustChangePassword).toBe(true);
    } finally {
      await db.$disconnect();
      await conn.close();
    }
  }, 60_000);
});
