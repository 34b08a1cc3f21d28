// Personal API tokens over HTTP, through the real route handler with `Authorization: Bearer`
// (seed 000: "the configured access levels also apply to API tokens"; DESIGN.md rule 9). A
// token acts as its member now and never more: every change to the member reaches the
// token's very next request. Expected outcomes are written here from docs/authority.md.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { PEER_HEADER } from "@/server/http/client-address";
import { handleRestRequest, restRouteOf } from "@/server/http/rest-handler";
import { APP_ORIGIN, callHttp, sessionCookie } from "../support/http";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
const db = () => t.db;
const savedUrl = process.env.NEXTAUTH_URL;
const savedLimit = process.env.STEWARD_API_RATE_LIMIT;

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP_ORIGIN;
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withRole({ name: "Agent", rank: 15, reach: "ORGANIZATION", permissions: ["tokens.use", "members.view", "groups.view"], ceiling: ["view", "run"] })
    .withMember("gina", "group_data_admin", "Sales")
    .withMember("ada", "admin")
    .withMember("ulla", "user", "Sales/EMEA")
    .withMember("uwe", "user", "Engineering")
    .withMember("agent", "Agent", "Engineering")
    .create();
  globex = await org(t.db, "Globex").withMember("gus", "group_data_admin").create();
});
afterAll(async () => {
  process.env.NEXTAUTH_URL = savedUrl;
  if (savedLimit === undefined) delete process.env.STEWARD_API_RATE_LIMIT;
  else process.env.STEWARD_API_RATE_LIMIT = savedLimit;
  await t.close();
});

/** A tRPC caller signed in to Acme as this member. */
const as = (login: string, built: BuiltOrg = acme) => built.signIn(login);

/** Which face of the API a call with a token goes to: the console's (/api/trpc) or the
 * REST API (/api/v1). The tests of what ends a token run on both. */
let face: "/api/trpc" | "/api/v1" = "/api/trpc";

/** A call with a token: no cookie, no Origin (a script), Acme unless told. */
function withToken(secret: string, path: string, input?: unknown, opts: { method?: "GET" | "POST"; org?: string | null } = {}) {
  if (face === "/api/v1") return withRestToken(secret, path, input, opts.org === undefined ? acme.slug : opts.org);
  const method = opts.method ?? (input === undefined || path.match(/\.(list|get|options|you|creatable|access)$/) ? "GET" : "POST");
  return callHttp(db, path, {
    method,
    input: input ?? (method === "GET" ? undefined : null),
    org: opts.org === undefined ? acme.slug : opts.org,
    origin: null,
    headers: { authorization: `Bearer ${secret}` },
  });
}

/** The same call through the procedure's REST route: path parameters from the input, the
 * rest as the query string (GET, DELETE) or the JSON body. */
async function withRestToken(secret: string, procedure: string, input: unknown, org: string | null) {
  const route = restRouteOf(procedure);
  if (!route) throw new Error(`${procedure} has no REST route`);
  const fields: Record<string, unknown> = { ...((input as Record<string, unknown> | undefined) ?? {}) };
  const path = route.path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = String(fields[key]);
    delete fields[key];
    return encodeURIComponent(value);
  });
  const headers = new Headers({ authorization: `Bearer ${secret}`, [PEER_HEADER]: "127.0.0.1" });
  if (org) headers.set("x-steward-org", org);
  let url = `${APP_ORIGIN}/api/v1${path}`;
  let body: string | undefined;
  if (route.method === "GET" || route.method === "DELETE") {
    const query = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));
    if (query.size) url += `?${query}`;
  } else {
    body = JSON.stringify(fields);
    headers.set("content-type", "application/json");
  }
  const response = await handleRestRequest(new Request(url, { method: route.method, headers, body }), db);
  const text = await response.text();
  const json = text ? (JSON.parse(text) as { message?: string }) : null;
  return { status: response.status, headers: response.headers, text, json, message: json?.message ?? null };
}

async function tokenFor(login: string, input: { name?: string; readOnly?: boolean; permissions?: string[]; expiresInDays?: number | null } = {}) {
  const caller = await as(login);
  return caller.tokens.create({
    name: input.name ?? `${login}'s script`,
    readOnly: input.readOnly,
    permissions: input.permissions,
    expiresInDays: input.expiresInDays,
  });
}

describe("making tokens", () => {
  it("needs “Use API tokens”: Data Admin and Group Data Admin yes, Admin and User no (seed 000)", async () => {
    for (const [login, expected] of [
      ["owner", "OK"],
      ["gina", "OK"],
      ["ada", "FORBIDDEN"],
      ["ulla", "FORBIDDEN"],
    ] as const) {
      const got = await tokenFor(login).then(
        () => "OK",
        (e: { code: string }) => e.code,
      );
      expect({ login, got }).toEqual({ login, got: expected });
    }
  });

  it("shows the secret once: 47 characters starting stw_, stored only as a hash, listed by its prefix", async () => {
    const made = await tokenFor("owner", { name: "backup script" });
    expect(made.secret).toMatch(/^stw_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(JSON.stringify(row)).not.toContain(made.secret.slice(4));
    expect(row.prefix).toBe(made.secret.slice(0, 10));
    const listed = (await (await as("owner")).tokens.list({})).tokens.find((x) => x.id === made.id)!;
    expect(listed).toMatchObject({ name: "backup script", prefix: made.secret.slice(0, 10), readOnly: false, expired: false });
    expect(JSON.stringify(listed)).not.toContain(made.secret.slice(10));
    // The default lifetime is 90 days.
    expect(Math.round((listed.expiresAt!.getTime() - Date.now()) / 86_400_000)).toBe(90);
  });

  it("refuses lifetimes outside 1–365 days and narrowing beyond the role, in words", async () => {
    const owner = await as("owner");
    await expect(owner.tokens.create({ name: "x", expiresInDays: 366 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A token lives at most 365 days.",
    });
    await expect(owner.tokens.create({ name: "x", expiresInDays: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const gina = await as("gina");
    await expect(gina.tokens.create({ name: "x", permissions: ["audit.view"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("“View audit log”"),
    });
  });
});

describe("how long a token lives: the group policy's API token lifetime", () => {
  const setRootLifetime = async (days: number | null) => {
    const owner = await as("owner");
    const { own } = await owner.groups.policy({ groupId: acme.group("") });
    await owner.groups.setPolicy({ groupId: acme.group(""), settings: { ...own, tokenLifetimeDays: days } });
  };

  it("never expires only where the policy has no limit (0); by default a token lives at most a year", async () => {
    const owner = await as("owner");
    await expect(owner.tokens.create({ name: "forever", expiresInDays: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Your group's policy lets an API token live at most 365 days: choose when it expires.",
    });
    expect((await owner.tokens.list({})).maxLifetimeDays).toBe(365);
    await setRootLifetime(0);
    try {
      expect((await owner.tokens.list({})).maxLifetimeDays).toBe(0);
      const made = await owner.tokens.create({ name: "forever", expiresInDays: null });
      expect(made.expiresAt).toBeNull();
      expect((await withToken(made.secret, "members.list", { page: 1, pageSize: 1 })).status).toBe(200);
      // A subgroup's policy binds its members: Sales allows 30 days at most.
      const sales = (await owner.groups.policy({ groupId: acme.group("Sales") })).own;
      await owner.groups.setPolicy({ groupId: acme.group("Sales"), settings: { ...sales, tokenLifetimeDays: 30 } });
      const gina = await as("gina");
      await expect(gina.tokens.create({ name: "x", expiresInDays: 31 })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Your group's policy lets an API token live at most 30 days.",
      });
      expect((await gina.tokens.create({ name: "x", expiresInDays: 30 })).expiresAt).not.toBeNull();
      await owner.groups.setPolicy({ groupId: acme.group("Sales"), settings: { ...sales, tokenLifetimeDays: null } });
    } finally {
      await setRootLifetime(null);
    }
  });

  it("tightening the policy ends older tokens at their next request, never-expiring ones included", async () => {
    await setRootLifetime(0);
    const owner = await as("owner");
    const forever = await owner.tokens.create({ name: "old forever", expiresInDays: null });
    await t.db.apiToken.update({ where: { id: forever.id }, data: { createdAt: new Date(Date.now() - 40 * 86_400_000) } });
    expect((await withToken(forever.secret, "members.list", { page: 1, pageSize: 1 })).status).toBe(200);
    await setRootLifetime(30);
    try {
      const refused = await withToken(forever.secret, "members.list", { page: 1, pageSize: 1 });
      expect(refused).toMatchObject({ status: 401, message: "This API token is older than the 30 days its owner's group policy now allows; make a new one." });
      const young = await tokenFor("owner", { expiresInDays: 30 });
      expect((await withToken(young.secret, "members.list", { page: 1, pageSize: 1 })).status).toBe(200);
    } finally {
      await setRootLifetime(null);
    }
  });
});

describe.each(["/api/trpc", "/api/v1"] as const)("a token acts as its member now, through %s", (through) => {
  beforeAll(() => {
    face = through;
  });
  afterAll(() => {
    face = "/api/trpc";
  });

  it("sees what the member sees, in the token's organization, with or without the organization header", async () => {
    const { secret } = await tokenFor("gina");
    const bySession = await (await as("gina")).members.list({ page: 1, pageSize: 50 });
    const byToken = await withToken(secret, "members.list", { page: 1, pageSize: 50 });
    expect(byToken.status).toBe(200);
    type Page = { total: number; rows: Array<{ id: string }> };
    const rows = face === "/api/v1" ? (byToken.json as Page) : (byToken.json as { result: { data: { json: Page } } }).result.data.json;
    expect(rows.total).toBe(bySession.total);
    expect(rows.rows.map((r) => r.id).sort()).toEqual(bySession.rows.map((r) => r.id).sort());
    expect((await withToken(secret, "members.list", { page: 1, pageSize: 50 }, { org: null })).status).toBe(200);
    // Another organization's address is NOT_FOUND, as for a session.
    expect((await withToken(secret, "members.list", { page: 1, pageSize: 50 }, { org: globex.slug })).status).toBe(404);
  });

  it("follows the member's group and role at the next request, and ends when the role loses “Use API tokens”", async () => {
    const { secret } = await tokenFor("gina");
    const owner = await as("owner");
    const seesUwe = async () => {
      const r = await withToken(secret, "members.get", { membershipId: acme.member("uwe") }, { method: "GET" });
      return r.status;
    };
    expect(await seesUwe()).toBe(404); // uwe is in Engineering, outside gina's Sales
    await owner.members.changeGroup({ membershipId: acme.member("gina"), groupId: acme.group("") });
    expect(await seesUwe()).toBe(200);
    await owner.members.changeRole({ membershipId: acme.member("gina"), roleId: acme.role("group_admin") });
    const after = await withToken(secret, "members.list", { page: 1, pageSize: 5 });
    expect(after.status).toBe(401);
    expect(after.message).toBe("This API token's owner's role Group Admin no longer has “Use API tokens”.");
    await owner.members.changeRole({ membershipId: acme.member("gina"), roleId: acme.role("group_data_admin") });
    await owner.members.changeGroup({ membershipId: acme.member("gina"), groupId: acme.group("Sales") });
  });

  it("loses a permission its role loses, at the next request", async () => {
    const { secret } = await tokenFor("agent");
    expect((await withToken(secret, "groups.list", {}, { method: "GET" })).status).toBe(200);
    const role = await t.db.role.findUniqueOrThrow({ where: { id: acme.role("Agent") } });
    await t.db.role.update({ where: { id: role.id }, data: { permissions: role.permissions.filter((p) => p !== "groups.view") } });
    const refused = await withToken(secret, "groups.list", {}, { method: "GET" });
    expect(refused.status).toBe(403);
    await t.db.role.update({ where: { id: role.id }, data: { permissions: role.permissions } });
  });

  it("ends when the member is disabled, and enabling them again revives none (rule 9)", async () => {
    const { secret } = await tokenFor("gina");
    const owner = await as("owner");
    await owner.members.setStatus({ membershipId: acme.member("gina"), status: "DISABLED" });
    expect((await withToken(secret, "members.list", { page: 1, pageSize: 5 })).status).toBe(401);
    await owner.members.setStatus({ membershipId: acme.member("gina"), status: "ACTIVE" });
    const again = await withToken(secret, "members.list", { page: 1, pageSize: 5 });
    expect(again.status).toBe(401);
    expect(again.message).toBe("This API token ended when its owner's membership was disabled.");
    // A new token works.
    expect((await withToken((await tokenFor("gina")).secret, "members.list", { page: 1, pageSize: 5 })).status).toBe(200);
  });

  it("ends when the member's password is reset, and when it is revoked, at the very next request", async () => {
    const first = await tokenFor("gina");
    await (await as("owner")).members.resetPassword({ membershipId: acme.member("gina") });
    expect((await withToken(first.secret, "members.list", { page: 1, pageSize: 5 })).status).toBe(401);
    await t.db.user.update({
      where: { email: acme.email("gina") },
      data: { mustChangePassword: false, passwordHash: (await t.db.user.findUniqueOrThrow({ where: { email: acme.email("ulla") } })).passwordHash },
    });

    const second = await tokenFor("gina");
    expect((await withToken(second.secret, "members.list", { page: 1, pageSize: 5 })).status).toBe(200);
    await (await as("gina")).tokens.revoke({ tokenId: second.id });
    const revoked = await withToken(second.secret, "members.list", { page: 1, pageSize: 5 });
    expect(revoked.status).toBe(401);
    expect(revoked.message).toBe("This API token has been revoked.");
  });

  it("is refused with a clear 401 when expired, unknown or malformed", async () => {
    const made = await tokenFor("owner");
    await t.db.apiToken.update({ where: { id: made.id }, data: { expiresAt: new Date("2026-01-02T00:00:00Z") } });
    const expired = await withToken(made.secret, "members.list", { page: 1, pageSize: 5 });
    expect(expired.status).toBe(401);
    expect(expired.message).toBe("This API token expired on 2026-01-02.");
    const unknown = await withToken(`stw_${"A".repeat(43)}`, "members.list", { page: 1, pageSize: 5 });
    expect(unknown).toMatchObject({ status: 401, message: "This API token is not valid." });
    const malformed = await withToken("not-a-token", "members.list", { page: 1, pageSize: 5 });
    expect(malformed.status).toBe(401);
    expect(malformed.message).toMatch(/start with stw_/);
  });
});

describe("a token's own limits", () => {
  it("read-only: reads, and refuses every change", async () => {
    const { secret } = await tokenFor("owner", { readOnly: true });
    expect((await withToken(secret, "members.list", { page: 1, pageSize: 5 })).status).toBe(200);
    const write = await withToken(secret, "teams.create", { name: "Read-only made this" });
    expect(write).toMatchObject({ status: 403, message: "This API token is read-only: it cannot change anything." });
    expect(await t.db.team.count({ where: { name: "Read-only made this" } })).toBe(0);
  });

  it("narrowed: only the permissions it names, even where the role holds more", async () => {
    const { secret } = await tokenFor("owner", { permissions: ["members.view"] });
    expect((await withToken(secret, "members.list", { page: 1, pageSize: 5 })).status).toBe(200);
    const groups = await withToken(secret, "groups.list", {}, { method: "GET" });
    expect(groups.status).toBe(403);
    expect(groups.message).toMatch(/does not have “View groups”/);
  });

  it("never manages tokens, never changes its member's account, never acts outside an organization", async () => {
    const { secret } = await tokenFor("owner");
    const make = await withToken(secret, "tokens.create", { name: "child" });
    expect(make).toMatchObject({ status: 401, message: "API tokens cannot manage API tokens; sign in to the console." });
    const list = await withToken(secret, "tokens.list", {}, { method: "GET" });
    expect(list.status).toBe(401);
    const password = await withToken(secret, "account.changePassword", { currentPassword: PASSWORD, newPassword: "a-much-longer-password-1" });
    expect(password.status).toBe(401);
    expect(password.message).toMatch(/only on an organization's procedures/);
  });

  it("counts its requests: past the per-minute limit, 429 with Retry-After", async () => {
    process.env.STEWARD_API_RATE_LIMIT = "3";
    try {
      const { secret } = await tokenFor("owner");
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 4; i++) {
        last = await withToken(secret, "members.list", { page: 1, pageSize: 5 });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(last!.message).toMatch(/more than 3 requests this minute/);
    } finally {
      delete process.env.STEWARD_API_RATE_LIMIT;
    }
  });
});

describe("what a token leaves behind", () => {
  it("audits its changes with the token as well as the person, and notes when and from where it was used", async () => {
    const made = await tokenFor("owner");
    const r = await withToken(made.secret, "teams.create", { name: "Made by a script" });
    expect(r.status).toBe(200);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "team.create" }, orderBy: { at: "desc" } });
    expect(event).toMatchObject({ apiTokenId: made.id, ip: "127.0.0.1" });
    const owner = await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("owner") } });
    expect(event.actorUserId).toBe(owner.userId);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.lastUsedIp).toBe("127.0.0.1");
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("needs no Origin (a script) and reads no cookie: with a token, the cookie's person does not act", async () => {
    const { secret } = await tokenFor("owner");
    const cookie = await sessionCookie(t.db, acme.email("owner"), PASSWORD);
    // A cross-site POST with a valid token acts as the token's member: another site gains nothing from it.
    const crossSite = await callHttp(db, "teams.create", {
      input: { name: "Cross-site by token" },
      org: acme.slug,
      origin: "https://evil.example",
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(crossSite.status).toBe(200);
    // A bad token beside the owner's cookie is a bad token, not the owner.
    const mixed = await callHttp(db, "teams.create", {
      input: { name: "Cookie plus bad token" },
      org: acme.slug,
      cookie,
      headers: { authorization: `Bearer stw_${"B".repeat(43)}` },
    });
    expect(mixed.status).toBe(401);
    expect(await t.db.team.count({ where: { name: "Cookie plus bad token" } })).toBe(0);
  });
});

describe("managing a member's tokens", () => {
  it("is one's own, or needs “Edit member info” over them (rule 3); others are NOT_FOUND", async () => {
    const made = await tokenFor("gina", { name: "gina's" });
    const owner = await as("owner");
    expect((await owner.tokens.list({ membershipId: acme.member("gina") })).tokens.map((x) => x.name)).toContain("gina's");
    await expect((await as("ulla")).tokens.list({ membershipId: acme.member("gina") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await as("gus", globex)).tokens.list({ membershipId: acme.member("gina") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await as("gus", globex)).tokens.revoke({ tokenId: made.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Ada (Admin) cannot manage a Group Data Admin, who holds powers Ada lacks.
    await expect((await as("ada")).tokens.revoke({ tokenId: made.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { revoked } = await owner.tokens.revokeAll({ membershipId: acme.member("gina") });
    expect(revoked).toBeGreaterThan(0);
    expect((await owner.tokens.list({ membershipId: acme.member("gina") })).tokens).toEqual([]);
    expect(await t.db.auditEvent.count({ where: { action: "token.revokeAll", targetId: acme.member("gina") } })).toBe(1);
  });
});
