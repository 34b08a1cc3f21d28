// The email outbox and its worker against a real SMTP server on loopback: outages delay
// mail and lose none, a send that hangs gives its row back before its lease lapses, a resent
// email keeps its Message-ID, several workers never send one email twice, and an email exists
// only if the change that caused it committed.
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueEmail } from "@/server/email/outbox";
import { mailboxTransport, SMTP_TIMEOUTS, smtpTransport, type MailTransport } from "@/server/email/transport";
import { backoffMs, deliverDueEmails, DEFAULT_RETRY, startMailWorker, type RetryPolicy } from "@/server/email/worker";
import { deliverTo, startSmtpCatcher, type SmtpCatcher } from "../support/smtp-catcher";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let smtp: SmtpCatcher;
const FAST: RetryPolicy = { baseMs: 1, capMs: 5, maxAttempts: 5, leaseMs: 60_000 };

beforeAll(async () => {
  t = await testDatabase();
  smtp = await startSmtpCatcher();
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});
beforeEach(async () => {
  await t.db.outboxEmail.deleteMany();
  smtp.messages.length = 0;
  smtp.refuse(null);
});

function queue(to: string) {
  return t.db.$transaction((tx) =>
    enqueueEmail(tx, {
      organizationId: null,
      to,
      message: { kind: "password-reset", props: { name: "Ann", link: `http://steward.test/reset-password/${to}`, expiresAt: new Date() } },
    }),
  );
}

const deliver = (url = smtp.url, policy = FAST) => deliverTo(t.db, url, policy);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("retries", () => {
  it("retries while the SMTP server refuses, then delivers exactly once", async () => {
    const id = await queue("ann@example.test");
    smtp.refuse({ code: 421, message: "Service not available, try again later" });
    for (let i = 0; i < 3; i++) {
      expect(await deliver()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      await pause(10);
    }
    const waiting = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 3 });
    expect(waiting.lastError).toContain("421");
    expect(smtp.messages).toHaveLength(0);

    smtp.refuse(null);
    await pause(10);
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.messages.map((m) => m.to)).toEqual(["ann@example.test"]);
    expect(await t.db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 4, lastError: null, content: null });
  });

  it("survives the SMTP server being down: the email waits and goes when it is back", async () => {
    const down = await startSmtpCatcher();
    const { url } = down;
    await down.close();
    const id = await queue("bob@example.test");
    expect(await deliver(url)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await t.db.outboxEmail.findUniqueOrThrow({ where: { id } })).lastError).toMatch(/ECONNREFUSED|connect/i);

    const back = await startSmtpCatcher(down.port);
    try {
      await pause(10);
      expect(await deliver(url)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(back.messages.map((m) => m.to)).toEqual(["bob@example.test"]);
    } finally {
      await back.close();
    }
  });

  it("waits before retrying, longer after each failure, up to a cap", async () => {
    const id = await queue("cy@example.test");
    smtp.refuse({ code: 451, message: "Greylisted" });
    await deliver(smtp.url, DEFAULT_RETRY);
    const row = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
    const wait = row.nextAttemptAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(20_000);
    expect(wait).toBeLessThan(40_000);
    // Not due yet: nothing is claimed.
    expect(await deliver(smtp.url, DEFAULT_RETRY)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const fixed = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, DEFAULT_RETRY, fixed))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(30, DEFAULT_RETRY, fixed)).toBe(DEFAULT_RETRY.capMs);
  });

  it("gives up on a permanent refusal, keeping the error for the admin", async () => {
    const id = await queue("nobody@example.test");
    smtp.refuse({ code: 550, message: "No such mailbox" });
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const row = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toContain("No such mailbox");
  });

  it("gives up after the last attempt", async () => {
    const id = await queue("dee@example.test");
    smtp.refuse({ code: 421, message: "Busy" });
    for (let i = 0; i < FAST.maxAttempts; i++) {
      await deliver();
      await pause(10);
    }
    expect(await t.db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", attempts: FAST.maxAttempts });
  });

  it("takes back an email whose worker died mid-send once its claim lapses", async () => {
    const id = await queue("eve@example.test");
    await t.db.outboxEmail.update({ where: { id }, data: { status: "SENDING", attempts: 1, lockedUntil: new Date(Date.now() + 60_000) } });
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await t.db.outboxEmail.update({ where: { id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
  });
});

describe("a send that hangs", () => {
  /** A mail server that accepts connections and never says a word. */
  async function silentServer() {
    const sockets: net.Socket[] = [];
    let connected: () => void = () => {};
    const firstConnection = new Promise<void>((resolve) => (connected = resolve));
    const server = net.createServer((socket) => {
      sockets.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
      url: `smtp://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
      firstConnection,
      close: () => {
        sockets.forEach((s) => s.destroy());
        return new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  it("has less time than its lease, and the SMTP connection's own limits less than that, in seconds", () => {
    const sendLimit = DEFAULT_RETRY.sendTimeoutMs!;
    expect(sendLimit).toBeLessThan(DEFAULT_RETRY.leaseMs);
    // A crashed worker's rows wait a lease: seconds, not minutes.
    expect(DEFAULT_RETRY.leaseMs).toBeLessThanOrEqual(60_000);
    // Connecting and the greeting come one after the other; silence is counted afresh after each reply.
    expect(SMTP_TIMEOUTS.connectionTimeout + SMTP_TIMEOUTS.greetingTimeout).toBeLessThan(sendLimit);
    expect(SMTP_TIMEOUTS.socketTimeout).toBeLessThan(sendLimit);
  });

  it("is abandoned at the worker's send limit, leased until then, and delivered on a later pass", async () => {
    const silent = await silentServer();
    try {
      const id = await queue("hung@example.test");
      const policy: RetryPolicy = { ...FAST, leaseMs: 10_000, sendTimeoutMs: 400 };
      const started = Date.now();
      const pass = deliver(silent.url, policy);
      await silent.firstConnection;
      // While it hangs the row is leased: another worker takes nothing.
      expect(await t.db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENDING" });
      expect(await deliver(smtp.url, policy)).toEqual({ sent: 0, retrying: 0, failed: 0 });

      expect(await pass).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(400);
      expect(elapsed).toBeLessThan(3_000);
      const row = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "PENDING", lockedUntil: null });
      expect(row.lastError).toMatch(/did not finish within/);

      await pause(10);
      expect(await deliver(smtp.url, policy)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(smtp.messages.map((m) => m.to)).toEqual(["hung@example.test"]);
    } finally {
      await silent.close();
    }
  });

  it("is given up by the SMTP connection itself when the server never greets", async () => {
    const silent = await silentServer();
    const transport = smtpTransport(silent.url, "Steward <steward@steward.test>", { ...SMTP_TIMEOUTS, greetingTimeout: 300 });
    try {
      const started = Date.now();
      const mail = { id: "greeting", to: "x@example.test", subject: "s", html: "<p>h</p>", text: "h", link: null };
      await expect(transport.send(mail)).rejects.toThrow(/greeting/i);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      transport.close();
      await silent.close();
    }
  });
});

describe("at least once", () => {
  it("sends an email again with the same Message-ID, after a failure and after a worker died mid-send", async () => {
    const id = await queue("twice@example.test");
    // Accepted by the mail server, but the outcome never recorded (the connection dropped before the reply).
    const real = smtpTransport(smtp.url, "Steward <steward@steward.test>");
    const lost: MailTransport = {
      ...real,
      send: async (mail) => {
        await real.send(mail);
        throw new Error("Connection closed before the reply was read");
      },
    };
    expect(await deliverDueEmails(t.db, lost, FAST)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    real.close();
    // A worker that claimed the row again and died: the row is SENDING under a lapsed lease.
    await t.db.outboxEmail.update({ where: { id }, data: { status: "SENDING", attempts: { increment: 1 }, lockedUntil: new Date(Date.now() - 1000) } });
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(smtp.messages.map((m) => m.to)).toEqual(["twice@example.test", "twice@example.test"]);
    expect(smtp.messages.map((m) => m.messageId)).toEqual([`<${id}@steward.test>`, `<${id}@steward.test>`]);
    expect(await t.db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 3 });
  });
});

describe("several workers", () => {
  it("never send the same email twice", async () => {
    const count = 40;
    for (let i = 0; i < count; i++) await queue(`user${i}@example.test`);
    // Three app instances, each with its own connection pool, draining the outbox at once.
    const instances = [t.db, t.another(), t.another()];
    const transports = instances.map(() => smtpTransport(smtp.url, "Steward <steward@steward.test>"));
    const drain = async (i: number) => {
      let sent = 0;
      for (;;) {
        const r = await deliverDueEmails(instances[i]!, transports[i]!, FAST, 5);
        sent += r.sent;
        if (r.sent + r.retrying + r.failed === 0) return sent;
      }
    };
    const perInstance = await Promise.all(instances.map((_, i) => drain(i)));
    transports.forEach((tr) => tr.close());
    expect(perInstance.reduce((a, b) => a + b, 0)).toBe(count);
    expect(smtp.messages).toHaveLength(count);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(count);
    expect(new Set(smtp.messages.map((m) => m.to)).size).toBe(count);
    if (t.kind === "postgres") expect(perInstance.filter((n) => n > 0).length).toBeGreaterThan(1);
  });
});

describe("the outbox is transactional", () => {
  it("writes nothing when the change that caused the email rolls back", async () => {
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueueEmail(tx, {
          organizationId: null,
          to: "ghost@example.test",
          message: { kind: "password-reset", props: { name: "G", link: "http://x/y", expiresAt: new Date() } },
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.db.outboxEmail.count()).toBe(0);
  });

  it("keeps the content encrypted at rest", async () => {
    const id = await queue("fay@example.test");
    const row = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.content).toMatch(/^v2\.[0-9a-f]{8}\./);
    expect(row.content).not.toContain("reset-password");
  });
});

describe("the built-in mailbox", () => {
  it("keeps the email for the owner to open and prints its link", async () => {
    const id = await queue("gus@example.test");
    const lines: string[] = [];
    expect(
      await deliverDueEmails(
        t.db,
        mailboxTransport((l) => lines.push(l)),
        FAST,
      ),
    ).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(lines.join("\n")).toContain("http://steward.test/reset-password/gus@example.test");
    const row = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", transport: "mailbox" });
    expect(row.content).not.toBeNull();
  });

  it("a running worker delivers a newly queued email without being asked", async () => {
    const lines: string[] = [];
    const worker = startMailWorker(
      t.db,
      mailboxTransport((l) => lines.push(l)),
      { intervalMs: 50, policy: FAST },
    );
    try {
      await queue("hal@example.test");
      for (let i = 0; i < 100 && lines.length === 0; i++) await pause(20);
      expect(lines.join("\n")).toContain("hal@example.test");
    } finally {
      await worker.stop();
    }
  });
});
