// The operator CLI as an operator runs it: a separate process on an embedded database.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/server/auth/crypto";
import { createDb } from "@/server/db";
import { openConnection } from "@/server/db/connection";
import { verifyCredentials } from "@/server/services/account";
import { kidOf, newKey, saveEnv } from "../support/keys";

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

describe("npm run steward -- org, operator, instance", () => {
  const fails = async (...args: string[]) => (await cli(...args).catch((e: unknown) => e)) as { code: number; stderr: string };

  it("setup made the owner the first operator; the last operator cannot be removed", async () => {
    expect((await cli("operator", "list")).stdout).toContain("gavin@hooli.test");
    const err = await fails("operator", "remove", "gavin@hooli.test");
    expect(err.code).toBe(1);
    expect(err.stderr).toContain("last operator");
  }, 120_000);

  it("creates an organization for a new owner with a one-time password, and for an existing account without one", async () => {
    const made = await cli("org", "create", "--name", "Pied Piper", "--owner", "Richard@PiedPiper.test", "--slug", "pied-piper");
    expect(made.stdout).toContain("Created organization “Pied Piper” (/o/pied-piper) owned by richard@piedpiper.test.");
    expect(made.stdout).toMatch(/One-time password: \S{20}/);
    const again = await cli("org", "create", "--name", "Hooli XYZ", "--owner", "gavin@hooli.test");
    expect(again.stdout).toContain("(/o/hooli-xyz) owned by gavin@hooli.test.");
    expect(again.stdout).not.toContain("One-time password");
    const taken = await fails("org", "create", "--name", "Other", "--owner", "x@y.test", "--slug", "pied-piper");
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("The address /o/pied-piper is already taken.");
    const bad = await fails("org", "create", "--name", "Other", "--owner", "x@y.test", "--slug", "Bad Slug");
    expect(bad.stderr).toContain("is not an address");
  }, 120_000);

  it("adds and removes operators, and refuses unknown addresses", async () => {
    expect((await cli("operator", "add", "richard@piedpiper.test")).stdout).toContain("is now an operator");
    expect((await fails("operator", "add", "richard@piedpiper.test")).stderr).toContain("already an operator");
    expect((await fails("operator", "add", "nobody@nowhere.test")).stderr).toContain("No account has the address nobody@nowhere.test");
    expect((await cli("operator", "remove", "richard@piedpiper.test")).stdout).toContain("no longer an operator");
  }, 120_000);

  it("sets who may create organizations, and refuses a value it does not know", async () => {
    expect((await cli("instance", "set", "organization-creation", "open")).stdout).toContain("organization-creation: open (Anyone)");
    expect((await cli("instance", "show")).stdout).toContain("organization-creation: open");
    const err = await fails("instance", "set", "organization-creation", "everyone");
    expect(err.stderr).toContain("is not one of operators, members, open");
  }, 120_000);

  it("suspends, resumes and deletes organizations by address", async () => {
    expect((await cli("org", "suspend", "pied-piper", "--reason", "Unpaid invoice")).stdout).toContain("Suspended Pied Piper");
    expect((await cli("org", "list")).stdout).toMatch(/\/o\/pied-piper\tPied Piper\t1 member\towner richard@piedpiper.test\tsuspended \(Unpaid invoice\)/);
    expect((await cli("org", "resume", "pied-piper")).stdout).toContain("Resumed Pied Piper");
    expect((await fails("org", "delete", "pied-piper", "--confirm", "Pied")).stderr).toContain("Type the organization's name, “Pied Piper”");
    expect((await cli("org", "delete", "pied-piper", "--confirm", "Pied Piper")).stdout).toContain("Deleted Pied Piper and all its data.");
    expect((await fails("org", "resume", "pied-piper")).stderr).toContain("No organization has the address /o/pied-piper.");
  }, 180_000);
});

describe("npm run steward -- prune", () => {
  const DAY = 24 * 60 * 60_000;
  const ago = (ms: number) => new Date(Date.now() - ms);

  async function withDb<T>(work: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
    const conn = openConnection({ dataDir: env.STEWARD_DATA_DIR });
    const db = createDb(conn);
    try {
      return await work(db);
    } finally {
      await db.$disconnect();
      await conn.close();
    }
  }

  it("deletes the expired rows, keeps the rest and prints how many went", async () => {
    await withDb(async (db) => {
      const user = await db.user.create({ data: { email: "prune@hooli.test", name: "Prune" } });
      await db.outboxEmail.createMany({
        data: [
          {
            kind: "password-reset",
            to: "old@hooli.test",
            subject: "old",
            status: "SENT",
            createdAt: ago(40 * DAY),
            nextAttemptAt: ago(40 * DAY),
            sentAt: ago(40 * DAY),
          },
          { kind: "password-reset", to: "new@hooli.test", subject: "new", status: "SENT", sentAt: ago(DAY) },
          { kind: "password-reset", to: "due@hooli.test", subject: "due", status: "PENDING", createdAt: ago(40 * DAY), nextAttemptAt: ago(40 * DAY) },
        ],
      });
      await db.accountToken.create({
        data: { userId: user.id, purpose: "PASSWORD_RESET", tokenHash: "old", createdAt: ago(3 * DAY), expiresAt: ago(3 * DAY) },
      });
      await db.session.createMany({
        data: [
          { userId: user.id, userAgent: "ended", createdAt: ago(50 * DAY), endedAt: ago(40 * DAY) },
          { userId: user.id, userAgent: "live", createdAt: ago(50 * DAY) },
        ],
      });
      await db.signInThrottle.create({ data: { key: "login:old@hooli.test", attempts: 4, windowStartedAt: ago(3 * DAY), lastAttemptAt: ago(3 * DAY) } });
    });

    const { stdout } = await cli("prune");
    expect(stdout).toContain(
      "Deleted sent emails 1, failed emails 0, account links 1, ended sessions 1, sign-in counters 1, deleted organizations purged 0, import jobs 0, imported one-time passwords 0.",
    );
    await withDb(async (db) => {
      expect((await db.outboxEmail.findMany({ orderBy: { to: "asc" } })).map((e) => e.to)).toEqual(["due@hooli.test", "new@hooli.test"]);
      expect(await db.accountToken.count()).toBe(0);
      expect((await db.session.findMany()).map((s) => s.userAgent)).toEqual(["live"]);
      expect(await db.signInThrottle.count()).toBe(0);
    });
    expect((await cli("prune")).stdout).toContain(
      "Deleted sent emails 0, failed emails 0, account links 0, ended sessions 0, sign-in counters 0, deleted organizations purged 0, import jobs 0, imported one-time passwords 0.",
    );
  }, 120_000);

  it("refuses a retention that is not a whole number of days", async () => {
    const bad = run(path.resolve("node_modules/.bin/tsx"), ["scripts/cli.ts", "prune"], { env: { ...env, STEWARD_OUTBOX_RETENTION_DAYS: "30d" } });
    const err = (await bad.catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain("STEWARD_OUTBOX_RETENTION_DAYS must be a whole number of days from 1 to 36500 (it is “30d”).");
    expect(err.stderr).toContain("Usage: npm run steward");
  });
});

describe("npm run steward -- rotate-key", () => {
  const A = newKey();
  const B = newKey();
  const rotate = (keys: string) =>
    run(path.resolve("node_modules/.bin/tsx"), ["scripts/cli.ts", "rotate-key"], { env: { ...env, STEWARD_ENCRYPTION_KEY: keys } });

  it("reseals under the first key and prints the counts; a second run reseals nothing; a missing key fails the run, named", async () => {
    const restore = saveEnv("STEWARD_ENCRYPTION_KEY");
    process.env.STEWARD_ENCRYPTION_KEY = A;
    const content = encryptSecret(JSON.stringify({ html: "<p>hi</p>", text: "hi", link: null }));
    restore();
    const conn = openConnection({ dataDir: env.STEWARD_DATA_DIR });
    const db = createDb(conn);
    const { id } = await db.outboxEmail.create({ data: { kind: "password-reset", to: "rot@hooli.test", subject: "s", content }, select: { id: true } });
    await db.$disconnect();
    await conn.close();

    const first = await rotate(`${B},${A}`);
    expect(first.stdout).toContain(`Re-encrypted stored secrets under key ${kidOf(B)}:`);
    expect(first.stdout).toContain(`email contents: 1 resealed, 1 under key ${kidOf(B)}`);
    expect(first.stdout).toContain("the keys after the first can be removed");
    expect((await rotate(B)).stdout).toContain(`email contents: 0 resealed, 1 under key ${kidOf(B)}`);

    // A key missing: the value stays, the key it needs is named, and the exit code says so.
    const missing = (await rotate(A).catch((e: unknown) => e)) as { code: number; stdout: string; stderr: string };
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(`email contents: 0 resealed, 0 under key ${kidOf(A)}, 1 unreadable (need key ${kidOf(B)})`);
    expect(missing.stderr).toContain("1 value could not be decrypted");

    const check = openConnection({ dataDir: env.STEWARD_DATA_DIR });
    const after = createDb(check);
    try {
      const row = await after.outboxEmail.findUniqueOrThrow({ where: { id } });
      expect(row.content!.startsWith(`v2.${kidOf(B)}.`)).toBe(true);
      expect(await after.auditEvent.count({ where: { action: "encryptionKey.reseal", actorUserId: null, organizationId: null } })).toBe(1);
    } finally {
      await after.$disconnect();
      await check.close();
    }
  }, 120_000);

  it("refuses a key that is not 32 bytes of base64, without printing it", async () => {
    const err = (await rotate("not-a-real-key").catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain("STEWARD_ENCRYPTION_KEY: the key is not valid.");
    expect(err.stderr).not.toContain("not-a-real-key");
    expect(err.stderr).toContain("Usage: npm run steward");
  });
});
