// Pruning expired rows: each rule deletes exactly what is past its cutoff, nothing still in
// use (pending mail, live links and sessions, a current sign-in window) and no history.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EmailStatus } from "@/server/db/generated/client";
import { enqueueEmail } from "@/server/email/outbox";
import { mailboxTransport } from "@/server/email/transport";
import { startMailWorker } from "@/server/email/worker";
import { DEFAULT_RETENTION, pruneExpired, retentionFromEnv, type PruneCounts } from "@/server/maintenance/prune";
import { setupFirstOrganization } from "@/server/services/setup";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let userId = "";
let organizationId = "";

const NOW = new Date("2031-03-10T12:00:00.000Z");
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const NOTHING: PruneCounts = {
  sentEmails: 0,
  failedEmails: 0,
  accountTokens: 0,
  endedSessions: 0,
  signInThrottles: 0,
  deletedOrganizations: 0,
  importJobs: 0,
  importPasswords: 0,
};

beforeAll(async () => {
  t = await testDatabase();
  const setup = await setupFirstOrganization(t.db, {
    organizationName: "Prune Co",
    ownerEmail: "owner@prune.test",
    ownerName: "Owner",
    password: "a long enough password",
  });
  organizationId = setup.organizationId;
  userId = setup.userId;
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.outboxEmail.deleteMany();
  await t.db.accountToken.deleteMany();
  await t.db.session.deleteMany();
  await t.db.signInThrottle.deleteMany();
});

async function email(to: string, status: EmailStatus, at: { sentAt?: Date; nextAttemptAt?: Date; createdAt?: Date }) {
  const createdAt = at.createdAt ?? at.nextAttemptAt ?? at.sentAt ?? NOW;
  await t.db.outboxEmail.create({
    data: {
      organizationId,
      kind: "password-reset",
      to,
      subject: to,
      status,
      createdAt,
      nextAttemptAt: at.nextAttemptAt ?? createdAt,
      sentAt: at.sentAt ?? null,
    },
  });
}
const emailsLeft = async () => (await t.db.outboxEmail.findMany({ select: { to: true }, orderBy: { to: "asc" } })).map((r) => r.to);

async function token(name: string, at: { createdAt: Date; expiresAt: Date; usedAt?: Date }) {
  await t.db.accountToken.create({ data: { userId, purpose: "PASSWORD_RESET", tokenHash: name, ...at } });
}
const tokensLeft = async () => (await t.db.accountToken.findMany({ select: { tokenHash: true }, orderBy: { tokenHash: "asc" } })).map((r) => r.tokenHash);

async function session(userAgent: string, at: { createdAt: Date; endedAt?: Date; lastSeenAt?: Date }) {
  await t.db.session.create({
    data: { userId, userAgent, createdAt: at.createdAt, lastSeenAt: at.lastSeenAt ?? at.endedAt ?? at.createdAt, endedAt: at.endedAt ?? null },
  });
}
const sessionsLeft = async () => (await t.db.session.findMany({ select: { userAgent: true }, orderBy: { userAgent: "asc" } })).map((r) => r.userAgent);

async function throttle(key: string, lastAttemptAt: Date) {
  await t.db.signInThrottle.create({ data: { key, attempts: 10, windowStartedAt: new Date(lastAttemptAt.getTime() - 60_000), lastAttemptAt } });
}
const throttlesLeft = async () => (await t.db.signInThrottle.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((r) => r.key);

describe("pruneExpired", () => {
  it("deletes sent emails after 30 days and failed ones 90 days after their last attempt, never pending or sending ones", async () => {
    await email("sent-31d", "SENT", { sentAt: ago(31 * DAY) });
    await email("sent-29d", "SENT", { sentAt: ago(29 * DAY), createdAt: ago(200 * DAY) });
    await email("failed-91d", "FAILED", { nextAttemptAt: ago(91 * DAY) });
    await email("failed-89d", "FAILED", { nextAttemptAt: ago(89 * DAY), createdAt: ago(200 * DAY) });
    await email("failed-45d", "FAILED", { nextAttemptAt: ago(45 * DAY) });
    await email("pending-200d", "PENDING", { nextAttemptAt: ago(200 * DAY) });
    await email("sending-200d", "SENDING", { nextAttemptAt: ago(200 * DAY) });

    expect(await pruneExpired(t.db, NOW, DEFAULT_RETENTION)).toEqual({ ...NOTHING, sentEmails: 1, failedEmails: 1 });
    expect(await emailsLeft()).toEqual(["failed-45d", "failed-89d", "pending-200d", "sending-200d", "sent-29d"]);
    expect(await pruneExpired(t.db, NOW, DEFAULT_RETENTION)).toEqual(NOTHING);
  });

  it("deletes account links used or expired more than a day ago, and keeps live and recently closed ones", async () => {
    // Used 25 hours ago, expired only an hour ago: the use alone puts it past the cutoff.
    await token("used-25h", { createdAt: ago(25 * HOUR + 60_000), expiresAt: ago(HOUR), usedAt: ago(25 * HOUR) });
    await token("used-12h", { createdAt: ago(13 * HOUR), expiresAt: ago(12 * HOUR - 30 * 60_000), usedAt: ago(12 * HOUR) });
    await token("expired-2d", { createdAt: ago(2 * DAY + 30 * 60_000), expiresAt: ago(2 * DAY) });
    await token("expired-12h", { createdAt: ago(12 * HOUR + 30 * 60_000), expiresAt: ago(12 * HOUR) });
    await token("live", { createdAt: ago(10 * 60_000), expiresAt: new Date(NOW.getTime() + 20 * 60_000) });

    expect(await pruneExpired(t.db, NOW, DEFAULT_RETENTION)).toEqual({ ...NOTHING, accountTokens: 2 });
    expect(await tokensLeft()).toEqual(["expired-12h", "live", "used-12h"]);
    expect(await pruneExpired(t.db, NOW, DEFAULT_RETENTION)).toEqual(NOTHING);
  });

  it("deletes sessions ended, or unseen, more than 30 days ago, and never one in use, however old", async () => {
    await session("ended-31d", { createdAt: ago(40 * DAY), endedAt: ago(31 * DAY) });
    await session("ended-29d", { createdAt: ago(40 * DAY), endedAt: ago(29 * DAY) });
    await session("idle-31d", { createdAt: ago(40 * DAY), lastSeenAt: ago(31 * DAY) });
    await session("idle-29d", { createdAt: ago(40 * DAY), lastSeenAt: ago(29 * DAY) });
    await session("in-use-400d", { createdAt: ago(400 * DAY), lastSeenAt: ago(HOUR) });

    expect(await pruneExpired(t.db, NOW, DEFAULT_RETENTION)).toEqual({ ...NOTHING, endedSessions: 2 });
    expect(await sessionsLeft()).toEqual(["ended-29d", "idle-29d", "in-use-400d"]);
    expect(await pruneExpired(t.db, NOW, DEFAULT_RETENTION)).toEqual(NOTHING);
  });

  it("deletes sign-in counters a day past the 15-minute window, keeping those that could still count", async () => {
    await throttle("login:stale@prune.test", ago(DAY + 16 * 60_000));
    await throttle("address:192.0.2.1", ago(DAY + 16 * 60_000));
    await throttle("login:recent@prune.test", ago(23 * HOUR));
    await throttle("login:now@prune.test", ago(60_000));

    expect(await pruneExpired(t.db, NOW, DEFAULT_RETENTION)).toEqual({ ...NOTHING, signInThrottles: 2 });
    expect(await throttlesLeft()).toEqual(["login:now@prune.test", "login:recent@prune.test"]);
    expect(await pruneExpired(t.db, NOW, DEFAULT_RETENTION)).toEqual(NOTHING);
  });

  it("leaves history alone: audit events and expired or revoked invitations stay, however old", async () => {
    const role = await t.db.role.findFirstOrThrow({ where: { organizationId } });
    const old = ago(3 * 365 * DAY);
    for (const status of ["PENDING", "REVOKED", "ACCEPTED"] as const) {
      await t.db.invitation.create({
        data: {
          organizationId,
          email: `${status}@prune.test`,
          roleId: role.id,
          inviterName: "Owner",
          inviterEmail: "owner@prune.test",
          tokenHash: status,
          status,
          expiresAt: old,
          lastSentAt: old,
          createdAt: old,
        },
      });
    }
    await t.db.auditEvent.create({ data: { organizationId, action: "old.thing", targetType: "Organization", targetId: organizationId, at: old } });
    const before = { audit: await t.db.auditEvent.count(), invitations: await t.db.invitation.count() };

    expect(await pruneExpired(t.db, NOW, DEFAULT_RETENTION)).toEqual(NOTHING);
    expect({ audit: await t.db.auditEvent.count(), invitations: await t.db.invitation.count() }).toEqual(before);
    expect(before.invitations).toBe(3);
  });

  it("works through a backlog larger than one batch", async () => {
    for (let i = 0; i < 7; i++) await email(`old-${i}`, "SENT", { sentAt: ago((40 + i) * DAY) });
    await email("recent", "SENT", { sentAt: ago(DAY) });

    expect(await pruneExpired(t.db, NOW, DEFAULT_RETENTION, 2)).toEqual({ ...NOTHING, sentEmails: 7 });
    expect(await emailsLeft()).toEqual(["recent"]);
  });

  it("is harmless when two instances prune at the same time", async () => {
    for (let i = 0; i < 20; i++) await email(`old-${String(i).padStart(2, "0")}`, "SENT", { sentAt: ago(40 * DAY) });
    await email("recent", "SENT", { sentAt: ago(DAY) });

    const [a, b] = await Promise.all([pruneExpired(t.db, NOW, DEFAULT_RETENTION, 3), pruneExpired(t.another(), NOW, DEFAULT_RETENTION, 3)]);
    // Rows one pruner skipped while the other held them are there for the next run.
    const again = await pruneExpired(t.db, NOW, DEFAULT_RETENTION);
    expect(a.sentEmails + b.sentEmails + again.sentEmails).toBe(20);
    expect(await emailsLeft()).toEqual(["recent"]);
  });

  it("follows the configured retention for sent emails", async () => {
    await email("sent-8d", "SENT", { sentAt: ago(8 * DAY) });
    await email("sent-6d", "SENT", { sentAt: ago(6 * DAY) });
    await email("failed-91d", "FAILED", { nextAttemptAt: ago(91 * DAY) });

    expect(await pruneExpired(t.db, NOW, retentionFromEnv({ STEWARD_OUTBOX_RETENTION_DAYS: "7" }))).toEqual({ ...NOTHING, sentEmails: 1, failedEmails: 1 });
    expect(await emailsLeft()).toEqual(["sent-6d"]);
  });
});

describe("retentionFromEnv", () => {
  it("defaults to 30 days for sent emails and 90 for failed ones", () => {
    expect(retentionFromEnv({})).toEqual({ sentEmails: 30, failedEmails: 90, accountLinks: 1, endedSessions: 30 });
    expect(retentionFromEnv({ STEWARD_OUTBOX_RETENTION_DAYS: " " })).toEqual(DEFAULT_RETENTION);
  });

  it("keeps failed emails at least as long as sent ones", () => {
    expect(retentionFromEnv({ STEWARD_OUTBOX_RETENTION_DAYS: "7" })).toMatchObject({ sentEmails: 7, failedEmails: 90 });
    expect(retentionFromEnv({ STEWARD_OUTBOX_RETENTION_DAYS: "365" })).toMatchObject({ sentEmails: 365, failedEmails: 365 });
  });

  it("refuses anything but a whole number of days from 1 to 36500", () => {
    expect(retentionFromEnv({ STEWARD_OUTBOX_RETENTION_DAYS: "36500" })).toMatchObject({ sentEmails: 36500 });
    for (const bad of ["0", "-5", "1.5", "30d", "abc", "1e3", "36501"]) {
      expect(() => retentionFromEnv({ STEWARD_OUTBOX_RETENTION_DAYS: bad })).toThrow(
        `STEWARD_OUTBOX_RETENTION_DAYS must be a whole number of days from 1 to 36500 (it is “${bad}”)`,
      );
    }
  });
});

describe("the mail worker's housekeeping", () => {
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("runs on its own timer and never holds up delivery", async () => {
    let runs = 0;
    let release = () => {};
    const blocked = new Promise<void>((r) => (release = r));
    const lines: string[] = [];
    const worker = startMailWorker(
      t.db,
      mailboxTransport((l) => lines.push(l)),
      {
        intervalMs: 20,
        housekeeping: {
          firstMs: 0,
          everyMs: 30,
          run: async () => {
            runs += 1;
            if (runs === 1) await blocked;
          },
        },
      },
    );
    try {
      for (let i = 0; i < 50 && runs === 0; i++) await pause(10);
      expect(runs).toBe(1);
      // The first run is still going: an email queued now is delivered all the same.
      await t.db.$transaction((tx) =>
        enqueueEmail(tx, {
          organizationId: null,
          to: "ivy@prune.test",
          message: { kind: "password-reset", props: { name: "Ivy", link: "http://steward.test/reset-password/ivy", expiresAt: NOW } },
        }),
      );
      for (let i = 0; i < 100 && lines.length === 0; i++) await pause(20);
      expect(lines.join("\n")).toContain("ivy@prune.test");
      expect(runs).toBe(1);
      release();
      for (let i = 0; i < 100 && runs < 3; i++) await pause(10);
      expect(runs).toBeGreaterThanOrEqual(3);
    } finally {
      release();
      await worker.stop();
    }
    const after = runs;
    await pause(100);
    expect(runs).toBe(after);
  });

  it("logs a failed run and tries again at the next one", async () => {
    let runs = 0;
    const logged: unknown[] = [];
    const worker = startMailWorker(
      t.db,
      mailboxTransport(() => {}),
      {
        intervalMs: 1_000,
        log: (e) => logged.push(e),
        housekeeping: {
          firstMs: 0,
          everyMs: 20,
          run: async () => {
            runs += 1;
            if (runs === 1) throw new Error("database away");
          },
        },
      },
    );
    try {
      for (let i = 0; i < 100 && runs < 2; i++) await pause(10);
      expect(runs).toBeGreaterThanOrEqual(2);
      expect(logged).toEqual([new Error("database away")]);
    } finally {
      await worker.stop();
    }
  });
});
