// The API over HTTP, through the real route handler with a session cookie: what a browser
// (or an attacker's page, or a script) can send, and what comes back.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/server/db";
import { openConnection } from "@/server/db/connection";
import { MAX_BATCH_SIZE } from "@/server/trpc/limits";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { APP_ORIGIN, callHttp, INTERNAL_TEXT, sessionCookie } from "../support/http";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let ownerCookie: string;
const savedUrl = process.env.NEXTAUTH_URL;
const savedProxies = process.env.TRUSTED_PROXIES;
const db = () => t.db;

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP_ORIGIN;
  delete process.env.TRUSTED_PROXIES;
  t = await testDatabase();
  acme = await org(t.db, "Acme").withTree("Sales").withMember("ulla", "user", "Sales").withMember("uwe", "user", "Sales").create();
  ownerCookie = await sessionCookie(t.db, acme.email("owner"), PASSWORD);
});
afterAll(async () => {
  process.env.NEXTAUTH_URL = savedUrl;
  if (savedProxies === undefined) delete process.env.TRUSTED_PROXIES;
  else process.env.TRUSTED_PROXIES = savedProxies;
  await t.close();
});

const openSessions = (email: string) => t.db.session.count({ where: { user: { email }, endedAt: null } });

describe("requests from other sites", () => {
  it("a simple multipart POST from another site ends no session; the same call from Steward's pages does", async () => {
    const email = acme.email("ulla");
    const first = await sessionCookie(t.db, email, PASSWORD);
    await sessionCookie(t.db, email, PASSWORD);
    const form = new FormData();
    form.set("x", "1");
    const before = await openSessions(email);
    const crossSite = await callHttp(db, "account.endOtherSessions", { cookie: first, origin: "https://evil.example", body: form });
    expect(crossSite.status).toBe(403);
    expect(crossSite.message).toMatch(/another site/);
    const noOrigin = await callHttp(db, "account.endOtherSessions", { cookie: first, origin: null, input: null });
    expect(noOrigin.status).toBe(403);
    const jsonCrossSite = await callHttp(db, "account.endOtherSessions", { cookie: first, origin: "https://evil.example", input: null });
    expect(jsonCrossSite.status).toBe(403);
    expect(await openSessions(email)).toBe(before);

    const sameSiteForm = await callHttp(db, "account.endOtherSessions", { cookie: first, body: form });
    expect(sameSiteForm.status).toBe(415);
    expect(await openSessions(email)).toBe(before);

    const ours = await callHttp(db, "account.endOtherSessions", { cookie: first, input: null });
    expect(ours.status).toBe(200);
    expect(await openSessions(email)).toBe(1);
  });

  it("reads are not state-changing and need no Origin", async () => {
    const me = await callHttp(db, "account.me", { method: "GET", cookie: ownerCookie });
    expect(me.status).toBe(200);
  });
});

describe("batches", () => {
  it(`carry at most ${MAX_BATCH_SIZE} calls; more is a clear 400`, async () => {
    const paths = (n: number) => Array.from({ length: n }, () => "roles.list").join(",");
    const ok = await callHttp(db, `${paths(MAX_BATCH_SIZE)}?batch=1`, { method: "GET", cookie: ownerCookie, org: acme.slug });
    expect(ok.status).toBe(200);
    const tooMany = await callHttp(db, `${paths(1360)}?batch=1`, { method: "GET", cookie: ownerCookie, org: acme.slug });
    expect(tooMany.status).toBe(400);
    expect(tooMany.message).toBe(`A request may carry at most ${MAX_BATCH_SIZE} calls.`);
    expect(tooMany.text.length).toBeLessThan(2_000);
  });

  it("share one gate when they read, and keep one per call when they change", async () => {
    const gates: string[] = [];
    const counting = t.db.$extends({
      query: {
        $allOperations({ model, args, query }) {
          const sql = model ? "" : String((args as { strings?: readonly string[] }).strings?.join("?") ?? "");
          if (sql.includes('u."sessionVersion"')) gates.push(sql);
          return query(args);
        },
      },
    }) as unknown as Db;
    const reads = await callHttp(() => counting, "roles.list,console.you,account.me?batch=1", { method: "GET", cookie: ownerCookie, org: acme.slug });
    expect(reads.status).toBe(200);
    expect(gates).toHaveLength(1);

    gates.length = 0;
    const input = JSON.stringify({ 0: { json: { organization: acme.slug, events: [] } }, 1: { json: { organization: acme.slug, events: ["failures"] } } });
    const changes = await callHttp(() => counting, "account.setNotifications,account.setNotifications?batch=1", {
      cookie: ownerCookie,
      org: acme.slug,
      body: input,
    });
    expect(changes.status).toBe(200);
    expect(gates).toHaveLength(2);
  });
});

describe("malformed requests", () => {
  it.each([
    ["broken JSON", '{"json": {'],
    ["JSON with a bad key", "{json: 1}"],
    ["deeply nested JSON", `${"[".repeat(200_000)}${"]".repeat(200_000)}`],
  ])("%s: 400 in our words", async (_, body) => {
    const r = await callHttp(db, "accountLinks.requestPasswordReset", { body, headers: { "content-type": "application/json" } });
    expect(r.status).toBe(400);
    expect(r.message).toMatch(/not valid JSON|nested too deeply|input/i);
    expect(r.text).not.toMatch(INTERNAL_TEXT);
  });

  it("an unknown procedure is a 404 in our words", async () => {
    const r = await callHttp(db, "nothing.here", { method: "GET" });
    expect(r.status).toBe(404);
    expect(r.message).toBe("There is no such procedure.");
  });

  it("a procedure only Steward's own routes call does not exist over HTTP: no client records an audit export", async () => {
    const audits = await t.db.auditEvent.count({ where: { action: "audit.export" } });
    const input = { filters: {}, format: "csv", rows: 1_000_000, complete: true };
    const r = await callHttp(db, "audit.recordExport", { cookie: ownerCookie, org: acme.slug, input });
    expect(r.status).toBe(404);
    expect(r.message).toBe("There is no such procedure.");
    expect(await t.db.auditEvent.count({ where: { action: "audit.export" } })).toBe(audits);
  });

  it("an oversized body is 413 before it is read", async () => {
    const r = await callHttp(db, "accountLinks.requestPasswordReset", {
      body: "{}",
      headers: { "content-type": "application/json", "content-length": String(64 * 1024 * 1024) },
    });
    expect(r.status).toBe(413);
  });
});

describe("hostile text", () => {
  it.each([
    ["NUL, signed out", "accountLinks.requestPasswordReset", { email: "a\u0000@acme.test" }, null],
    ["NUL in a setting", "organization.updateSettings", { name: "Acme\u0000", twoFactorPolicy: "OFF" }, "owner"],
    ["a lone surrogate in a name", "teams.create", { name: "x\ud800y" }, "owner"],
    ["NUL in a notification preference", "account.setNotifications", { organization: "ac\u0000me", events: [] }, "owner"],
  ])("%s: 400 with a sentence, nothing written", async (_, path, input, who) => {
    const audits = await t.db.auditEvent.count();
    const r = await callHttp(db, path, { input, cookie: who ? ownerCookie : null, org: acme.slug });
    expect(r.status).toBe(400);
    expect(r.message).toMatch(/control characters|broken Unicode/);
    expect(r.text).not.toMatch(INTERNAL_TEXT);
    expect(await t.db.auditEvent.count()).toBe(audits);
  });

  it("a bad id names no schema path", async () => {
    const r = await callHttp(db, "members.get", { method: "GET", input: { membershipId: "../../etc" }, cookie: ownerCookie, org: acme.slug });
    expect(r.status).toBe(400);
    expect(r.message).toBe("Member id is not a valid id.");
    const missing = await callHttp(db, "members.get", { method: "GET", input: {}, cookie: ownerCookie, org: acme.slug });
    expect(missing.message).toBe("Member id is required.");
    const wrongType = await callHttp(db, "members.list", { method: "GET", input: { page: "two" }, cookie: ownerCookie, org: acme.slug });
    expect(wrongType.message).toBe("Page must be a number.");
  });
});

describe("faults of ours", () => {
  it("an unexpected error is a 500 with an id, logged with its detail, and no detail in the answer", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = new Proxy({} as Db, {
      get() {
        throw new TypeError("secret internal detail: cannot read property of undefined");
      },
    });
    const r = await callHttp(() => broken, "account.me", { method: "GET", cookie: ownerCookie });
    const logged = log.mock.calls.map((args) => args.map(String).join(" "));
    log.mockRestore();
    expect(r.status).toBe(500);
    const id = r.message?.match(/error ([0-9a-f]{12})/)?.[1];
    expect(id).toBeDefined();
    expect(r.text).not.toMatch(/secret internal detail|TypeError/);
    expect(logged.some((line) => line.includes(id!) && line.includes("secret internal detail"))).toBe(true);
  });
});

describe("a database that cannot answer", () => {
  // Servers of our own on loopback: one that refuses connections, one that accepts and never speaks.
  async function listening(onConnection: (socket: net.Socket) => void) {
    const server = net.createServer(onConnection);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { server, port: (server.address() as net.AddressInfo).port };
  }

  it("answers 503 with Retry-After and no host or port, when it is down or frozen", async () => {
    const down = await listening((s) => s.destroy());
    const sockets: net.Socket[] = [];
    const frozen = await listening((s) => sockets.push(s));
    try {
      for (const { port } of [down, frozen]) {
        const unreachable = createDb(openConnection({ url: `postgres://postgres@127.0.0.1:${port}/steward` }));
        const started = Date.now();
        const r = await callHttp(() => unreachable, "account.me", { method: "GET", cookie: ownerCookie });
        expect(r.status).toBe(503);
        expect(r.headers.get("retry-after")).toBe("5");
        expect(r.message).toBe("Steward cannot reach its database right now. Try again in a few seconds.");
        expect(r.text).not.toContain(String(port));
        expect(Date.now() - started).toBeLessThan(15_000);
        await unreachable.$disconnect().catch(() => {});
      }
    } finally {
      sockets.forEach((s) => s.destroy());
      down.server.close();
      frozen.server.close();
    }
  }, 60_000);
});

describe("the client's address", () => {
  it("is the connection's: a forged X-Forwarded-For lands nowhere without TRUSTED_PROXIES", async () => {
    const r = await callHttp(db, "teams.create", {
      input: { name: "Forged" },
      cookie: ownerCookie,
      org: acme.slug,
      peer: "192.0.2.10",
      headers: { "x-forwarded-for": "6.6.6.6" },
    });
    expect(r.status).toBe(200);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "team.create" }, orderBy: { at: "desc" } });
    expect(event.ip).toBe("192.0.2.10");
  });

  it("is the proxy's entry when TRUSTED_PROXIES says the connection is a proxy", async () => {
    process.env.TRUSTED_PROXIES = "192.0.2.0/24";
    try {
      const r = await callHttp(db, "teams.create", {
        input: { name: "Proxied" },
        cookie: ownerCookie,
        org: acme.slug,
        peer: "192.0.2.10",
        headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.23" },
      });
      expect(r.status).toBe(200);
      const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "team.create" }, orderBy: { at: "desc" } });
      expect(event.ip).toBe("198.51.100.23");
    } finally {
      delete process.env.TRUSTED_PROXIES;
    }
  });
});

describe("rule 9 at the door", () => {
  it("disabling a member ends their sessions there; enabling again revives none; a new sign-in works", async () => {
    const uwe = await sessionCookie(t.db, acme.email("uwe"), PASSWORD);
    const asUwe = () => callHttp(db, "resources.list", { method: "GET", input: {}, cookie: uwe, org: acme.slug });
    expect((await asUwe()).status).toBe(200);
    const owner = await acme.signIn("owner");
    await owner.members.setStatus({ membershipId: acme.member("uwe"), status: "DISABLED" });
    expect((await asUwe()).status).toBe(404);
    await owner.members.setStatus({ membershipId: acme.member("uwe"), status: "ACTIVE" });
    expect((await asUwe()).status).toBe(404);
    // A session begun after the membership was enabled again works.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const fresh = await sessionCookie(t.db, acme.email("uwe"), PASSWORD);
    expect((await callHttp(db, "resources.list", { method: "GET", input: {}, cookie: fresh, org: acme.slug })).status).toBe(200);
  });
});
