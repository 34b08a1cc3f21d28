// Fuzzes every procedure of the API through the real route handler: inputs generated from
// each procedure's zod schema (tests/support/fuzz-inputs.ts), plausible and hostile mixed,
// sent by the organization's owner, an end user and someone signed out. Whatever comes in,
// the answer is never a 5xx and never carries internal text (Prisma's or the database's
// errors, stack traces, library texts: INTERNAL_TEXT). Procedures are read off appRouter, so
// one added tomorrow is fuzzed without touching this file.
//
// A run is 121 procedures x 16 inputs x 3 callers = 5,808 generated requests, and 121 x 34
// raw ones (malformed bodies, lying superjson envelopes, wrong content types, oversized and
// odd batches, garbage query strings) = 4,114: 9,922 requests (at 76 procedures, 6,232 took
// 55-65 s on PGlite and 40-50 s on PostgreSQL on two busy cores). Queries share one seeded organization; each mutation gets
// a fresh one. FUZZ_SEED and FUZZ_RUNS override the seed (printed) and the runs per procedure;
// a failure prints fast-check's shrunk counterexample with the procedure and the caller.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decideSessionInOrganization } from "@/server/authz";
import { resolveViewer, type SessionClaims } from "@/server/auth/session";
import { encryptSecret, hashToken } from "@/server/auth/crypto";
import { appRouter } from "@/server/trpc/root";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { inputFor, type Hints } from "../support/fuzz-inputs";
import { APP_ORIGIN, callHttp, cookieFor, INTERNAL_TEXT, type HttpCall, type HttpResult } from "../support/http";
import { testDatabase, type TestDatabase } from "./harness";

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_520);
const RUNS = Number(process.env.FUZZ_RUNS ?? 16);
/** Time for fast-check to shrink a failure to its smallest input, so that it is reported. */
const SHRINK_TIMEOUT = 300_000;

type Procedure = { path: string; type: "query" | "mutation" | "subscription"; inputs: unknown[] };
type ProcedureLike = { _def: { procedure: true; type: Procedure["type"]; inputs?: unknown[] } };

/** Every procedure, walked from the router's nested record. */
function proceduresOf(record: Record<string, unknown>, prefix = ""): Procedure[] {
  return Object.entries(record).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const def = (value as Partial<ProcedureLike>)._def;
    if (typeof value === "function" && def?.procedure) return [{ path, type: def.type, inputs: def.inputs ?? [] }];
    return proceduresOf(value as Record<string, unknown>, path);
  });
}

const PROCEDURES = proceduresOf(appRouter._def.record as Record<string, unknown>);
const CALLERS = ["owner", "user", "anonymous"] as const;
type Caller = (typeof CALLERS)[number];

let t: TestDatabase;
const db = () => t.db;
const restoreEnv = process.env.NEXTAUTH_URL;

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP_ORIGIN;
  t = await testDatabase();
  console.log(`fuzz: seed ${SEED} (FUZZ_SEED), ${RUNS} runs per procedure (FUZZ_RUNS), ${PROCEDURES.length} procedures, ${t.kind}`);
});
afterAll(async () => {
  const total = new Map<number, number>();
  for (const counts of statuses.values()) for (const [status, n] of counts) total.set(status, (total.get(status) ?? 0) + n);
  const generated = [...total.values()].reduce((a, b) => a + b, 0);
  console.log(`fuzz: ${generated} generated requests (by status ${JSON.stringify(Object.fromEntries(total))}) and ${rawRequests} raw ones`);
  const neverDone = [...statuses].filter(([key, counts]) => key.endsWith(" owner") && ![...counts.keys()].some((s) => s < 300));
  if (neverDone.length) console.log(`fuzz: the owner never succeeded with ${neverDone.map(([key]) => key.split(" ")[0]).join(", ")}`);
  process.env.NEXTAUTH_URL = restoreEnv;
  await t.close();
});

// ---- The seeded organization ---------------------------------------------------------

type SignedIn = { login: string; membershipId: string; cookie: string; claims: SessionClaims };
type World = Awaited<ReturnType<typeof buildWorld>>;

async function signedIn(o: BuiltOrg, login: string): Promise<SignedIn> {
  const membership = await t.db.membership.findUniqueOrThrow({ where: { id: o.member(login) }, include: { user: true } });
  const { cookie, claims } = await cookieFor(t.db, { userId: membership.userId, sessionVersion: membership.user.sessionVersion });
  return { login, membershipId: membership.id, cookie, claims };
}

let worlds = 0;

/** An organization with something of everything, and real ids, tokens and addresses in it.
 * Written straight to the database in one transaction: a world per mutation must be cheap. */
async function buildWorld() {
  const n = ++worlds;
  const o = await org(t.db, `Fuzz ${n}`)
    .withTree("Sales/EMEA", "Engineering")
    .withMember("ada", "admin")
    .withMember("dora", "data_admin")
    .withMember("gus", "group_admin", "Sales")
    .withMember("uma", "user", "Sales")
    .withMember("ulf", "user", "Sales/EMEA")
    .withMember("dex", "user", "", "DISABLED")
    .create();
  const owner = await signedIn(o, "owner");
  const user = await signedIn(o, "uma");
  const organizationId = o.id;
  // Link tokens as Steward makes them (43 characters of base64url), the same on every run.
  const tokens = ["invitation", "invitation-2", "PASSWORD_RESET", "EMAIL_CHANGE"].map((kind) =>
    createHash("sha256").update(`fuzz ${kind} ${n}`).digest("base64url"),
  );
  const seeded = await t.db.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { organizationId, name: "Ops", description: "On call" } });
    await tx.teamMember.createMany({ data: [user.membershipId, o.member("ulf")].map((membershipId) => ({ teamId: team.id, membershipId })) });
    // ulf has a second factor, for the procedures that reset one.
    const ulf = await tx.membership.findUniqueOrThrow({ where: { id: o.member("ulf") } });
    await tx.user.update({ where: { id: ulf.userId }, data: { totpSecret: encryptSecret("JBSWY3DPEHPK3PXP"), totpEnabledAt: new Date() } });
    const resource = (type: string, name: string, isPrivate: boolean) =>
      tx.resource.create({ data: { organizationId, type, name, private: isPrivate, ownerId: owner.membershipId } });
    const resources = [await resource("server", "db-1", false), await resource("job", "nightly", false), await resource("storage", "vault", true)];
    const grants = [
      await tx.grant.create({
        data: {
          organizationId,
          resourceId: resources[0]!.id,
          kind: "MEMBER",
          principalKey: `member:${user.membershipId}`,
          membershipId: user.membershipId,
          capabilities: ["view", "run"],
        },
      }),
      await tx.grant.create({
        data: { organizationId, resourceId: resources[2]!.id, kind: "TEAM", principalKey: `team:${team.id}`, teamId: team.id, capabilities: ["view"] },
      }),
    ];
    const at = new Date();
    const run = await tx.resourceActivity.create({
      data: { organizationId, resourceId: resources[1]!.id, actorName: "Owner", action: "run", result: "RUNNING", at, day: at.toISOString().slice(0, 10) },
    });
    const invitations = await Promise.all(
      ["nina@fuzz.test", "otto@fuzz.test"].map((email, i) =>
        tx.invitation.create({
          data: {
            organizationId,
            email,
            roleId: o.role("user"),
            groupId: o.group("Sales"),
            invitedByUserId: owner.claims.userId,
            inviterName: "Owner",
            inviterEmail: o.email("owner"),
            tokenHash: hashToken(tokens[i]!),
            expiresAt: new Date(Date.now() + 86_400_000),
          },
        }),
      ),
    );
    const emails = await Promise.all(
      invitations.map((inv, i) =>
        tx.outboxEmail.create({
          data: {
            organizationId,
            kind: "invitation",
            to: inv.email,
            subject: "You are invited",
            status: i === 0 ? "FAILED" : "PENDING",
            content: encryptSecret(JSON.stringify({ html: "<p>Join</p>", text: "Join", link: `${APP_ORIGIN}/join/${o.slug}/${tokens[i]}` })),
          },
        }),
      ),
    );
    for (const [i, purpose] of (["PASSWORD_RESET", "EMAIL_CHANGE"] as const).entries()) {
      await tx.accountToken.create({
        data: {
          userId: user.claims.userId,
          purpose,
          tokenHash: hashToken(tokens[2 + i]!),
          newEmail: `uma.${n}@fuzz.test`,
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      });
    }
    return { team, resources, grants, run, invitations, emails };
  });
  return {
    org: o,
    owner,
    user,
    ids: {
      member: ["owner", "ada", "dora", "gus", "uma", "ulf", "dex"].map(o.member),
      group: ["", "Sales", "Sales/EMEA", "Engineering"].map(o.group),
      role: ["data_admin", "admin", "group_admin", "user"].map(o.role),
      team: [seeded.team.id],
      resource: seeded.resources.map((r) => r.id),
      grant: seeded.grants.map((g) => g.id),
      run: [seeded.run.id],
      invitation: seeded.invitations.map((i) => i.id),
      email: seeded.emails.map((e) => e.id),
      session: [owner.claims.sessionId!, user.claims.sessionId!],
    },
    tokens,
    emails: [o.email("uma"), o.email("ada"), "nina@fuzz.test", "someone@elsewhere.test", "new.person@fuzz.test", o.email("uma").toUpperCase()],
  };
}

/** Real values for a field, by its name; unknown "...Id" fields get every id. */
function hintsFor(w: World): Hints {
  const all = Object.values(w.ids).flat();
  const byName: Array<[RegExp, readonly unknown[]]> = [
    [/^emailIds?$/, w.ids.email],
    [/^activityIds?$/, w.ids.run],
    [/^grantIds?$/, w.ids.grant],
    [/^sessionIds?$/, w.ids.session],
    [/^invitationIds?$/, w.ids.invitation],
    [/membership|transferResourcesTo/i, w.ids.member],
    [/^group$/, ["Sales", "Sales/EMEA", "Nowhere/New", "/", "Sales//EMEA"]],
    [/group|parent/i, w.ids.group],
    [/role/i, w.ids.role],
    [/team/i, w.ids.team],
    [/resource/i, w.ids.resource],
    [/^organization$/, [w.org.slug, "no-such-org"]],
    [/token/i, w.tokens],
    [/email/i, w.emails],
    [/password/i, [PASSWORD, "a fine long passphrase", "short", "password123"]],
    [/name/i, ["Uma", "Sales", "db-1", "Ops", "Ünïcødé Nämé", "x"]],
    [/^code$/, ["000000", "123456", "abcd-efgh-ijkl"]],
    [/search/i, ["uma", "%", "_", "db-1", ""]],
    [/Ids?$/, all],
  ];
  return (key) => (key === undefined ? undefined : byName.find(([pattern]) => pattern.test(key))?.[1]);
}

/** Mutations change the seeded data, the callers' own sessions and passwords included:
 * before each run, whoever can no longer act is made able to again and signed in afresh. */
async function keepUsable(w: World) {
  // A policy that demands two factors, longer passwords or short sessions would shut out
  // callers who cannot meet it.
  await t.db.groupPolicy.deleteMany({ where: { organizationId: w.org.id } });
  for (const who of ["owner", "user"] as const) {
    const s = w[who];
    const viewer = await resolveViewer(t.db, s.claims);
    let membership = await t.db.membership.findFirst({ where: { userId: s.claims.userId, organizationId: w.org.id } });
    const usable =
      viewer &&
      !viewer.mustChangePassword &&
      membership?.status === "ACTIVE" &&
      decideSessionInOrganization(viewer.sessionStartedAt, membership.sessionsValidFrom).allowed;
    if (usable) continue;
    if (!membership) {
      // Deleted (the end user; the owner cannot be): a new end user takes their place.
      const user = await t.db.user.create({ data: { email: `uma-${Date.now()}@fuzz.test`, name: "Uma Again", passwordHash: null } });
      membership = await t.db.membership.create({
        data: { userId: user.id, organizationId: w.org.id, groupId: w.org.group("Sales"), roleId: w.org.role("user") },
      });
    }
    const user = await t.db.user.update({ where: { id: membership.userId }, data: { status: "ACTIVE", mustChangePassword: false } });
    await t.db.membership.update({ where: { id: membership.id }, data: { status: "ACTIVE" } });
    // A session counts in the organization only if it began after the membership was last enabled.
    while (membership.sessionsValidFrom && Date.now() <= membership.sessionsValidFrom.getTime()) await new Promise((r) => setTimeout(r, 2));
    w[who] = { ...s, membershipId: membership.id, ...(await cookieFor(t.db, { userId: user.id, sessionVersion: user.sessionVersion })) };
  }
}

// ---- The property --------------------------------------------------------------------

/** What is wrong with an answer, or null. */
function faultIn(r: HttpResult): string | null {
  if (r.status >= 500) return `HTTP ${r.status}: ${r.text.slice(0, 600)}`;
  const leak = INTERNAL_TEXT.exec(r.text);
  if (leak) return `HTTP ${r.status} with internal text "${leak[0]}": …${r.text.slice(Math.max(0, leak.index - 300), leak.index + 300)}…`;
  return null;
}

const statuses = new Map<string, Map<number, number>>();
/** Procedures at which the owner's session had ended: the run failed to keep them usable. */
const ownerSignedOut = new Set<string>();
function note(path: string, caller: Caller, status: number) {
  const key = `${path} ${caller}`;
  const counts = statuses.get(key) ?? new Map<number, number>();
  counts.set(status, (counts.get(status) ?? 0) + 1);
  statuses.set(key, counts);
}

/** The call as a browser makes it: queries by GET, mutations by POST; no input is no body. */
function request(p: Procedure, input: unknown, cookie: string | null, orgSlug: string | null): HttpCall {
  if (p.type === "query") return { method: "GET", input, cookie, org: orgSlug };
  if (input === undefined) return { method: "POST", body: "", headers: { "content-type": "application/json" }, cookie, org: orgSlug };
  return { method: "POST", input, cookie, org: orgSlug };
}

const seedOf = (path: string) => [...path].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, SEED);

let shared: World | undefined;
let otherSlug = "";
let rawRequests = 0;

describe("every procedure, fuzzed over HTTP as owner, end user and signed out", () => {
  // One test per procedure below: none is skipped without a test of its own failing here.
  it("walks every procedure the router has", () => {
    expect(PROCEDURES.map((p) => p.path).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
    expect(PROCEDURES.filter((p) => p.type !== "query" && p.type !== "mutation")).toEqual([]);
  });

  it.each(PROCEDURES.map((p) => [p.path, p] as const))(
    "%s",
    async (_, p) => {
      // Queries change nothing and share one organization; each mutation gets its own.
      const w = p.type === "query" ? (shared ??= await buildWorld()) : await buildWorld();
      otherSlug ||= w.org.slug;
      const orgHeader = fc.oneof(
        { weight: 12, arbitrary: fc.constant<string | null>(w.org.slug) },
        { weight: 1, arbitrary: fc.constantFrom(null, otherSlug, "no-such-org", "x".repeat(300), "../acme", "' OR 1=1 --", "Fuzz é") },
      );
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        await fc.assert(
          fc.asyncProperty(inputFor(p.inputs, hintsFor(w)), orgHeader, async (input, orgSlug) => {
            if (p.type === "mutation") await keepUsable(w);
            for (const caller of CALLERS) {
              const cookie = caller === "anonymous" ? null : w[caller].cookie;
              log.mockClear();
              const r = await callHttp(db, p.path, request(p, input, cookie, orgSlug));
              note(p.path, caller, r.status);
              if (caller === "owner" && r.status === 401 && /session has ended/.test(r.message ?? "")) ownerSignedOut.add(p.path);
              const fault = faultIn(r);
              if (fault) throw new Error(`${p.path} as ${caller}: ${fault}\nlogged: ${log.mock.calls.flat().map(String).join(" ").slice(0, 2_000)}`);
            }
          }),
          { seed: seedOf(p.path), numRuns: RUNS },
        );
      } finally {
        log.mockRestore();
      }
    },
    SHRINK_TIMEOUT,
  );

  it("kept the owner signed in throughout", () => {
    expect([...ownerSignedOut]).toEqual([]);
  });
});

// ---- Raw requests no client of ours sends ---------------------------------------------

const JSON_TYPE = { "content-type": "application/json" };

/** Request bodies (for a mutation) or `input` query strings (for a query) that are not what
 * tRPC's client sends: broken JSON, text no field may hold, superjson envelopes that lie. */
const PAYLOADS: Array<[string, string | Uint8Array<ArrayBuffer>]> = [
  ["malformed JSON", '{"json": {'],
  ["JSON with bare keys", "{json: 1}"],
  ["an empty body", ""],
  ["a bare NUL string", '"\\u0000"'],
  ["an escaped lone surrogate", '{"json":{"name":"x\\ud800y","email":"\\udfff"}}'],
  ["an escaped NUL in a key", '{"json":{"a\\u0000":1}}'],
  ["a byte-order mark", '\ufeff{"json":{}}'],
  ["bytes that are not UTF-8", new Uint8Array([0x7b, 0x22, 0x6a, 0x73, 0x6f, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x7d])],
  ["numbers beyond a double", '{"json":{"page":1e999,"pageSize":-1e999,"days":1e-999}}'],
  ["prototype keys", '{"json":{"__proto__":{"isOwner":true},"constructor":{"prototype":{"polluted":1}}}}'],
  ["superjson: a bigint that is not one", '{"json":"12x","meta":{"values":["bigint"]}}'],
  ["superjson: a date that is not one", '{"json":{"page":"never"},"meta":{"values":{"page":["Date"]}}}'],
  ["superjson: an unknown class", '{"json":{},"meta":{"values":[["class","Nope"]]}}'],
  ["superjson: a custom type nobody registered", '{"json":{},"meta":{"values":[["custom","Nope"]]}}'],
  ["superjson: a regular expression that does not compile", '{"json":"/(/","meta":{"values":["regexp"]}}'],
  ["superjson: a path through __proto__", '{"json":{},"meta":{"values":{"__proto__.polluted":["undefined"],"constructor.prototype.x":["undefined"]}}}'],
  ["superjson: references into nowhere", '{"json":{"a":{}},"meta":{"referentialEqualities":{"a":["b.c.d"],"":["x"]}}}'],
  ["superjson: a map that is not one", '{"json":{"a":"x"},"meta":{"values":{"a":["map"]}}}'],
  ["deeply nested JSON", `${"[".repeat(50_000)}${"]".repeat(50_000)}`],
];

type RawCase = [string, (p: Procedure) => { path: string; call: HttpCall }];

/** The procedure's own method: the payload as a POST body or as GET's `input`. */
const asOwnMethod = (payload: string | Uint8Array<ArrayBuffer>) => (p: Procedure) =>
  p.type === "mutation"
    ? { path: p.path, call: { method: "POST" as const, body: payload, headers: JSON_TYPE } }
    : {
        path: `${p.path}?input=${encodeURIComponent(typeof payload === "string" ? payload : new TextDecoder().decode(payload))}`,
        call: { method: "GET" as const },
      };

const formWith = (json: string) => {
  const form = new FormData();
  form.set("json", json);
  return form;
};
const batchOf = (p: Procedure, n: number) => Array.from({ length: n }, () => p.path).join(",");
const RAW_CASES: RawCase[] = [
  ...PAYLOADS.map(([name, payload]): RawCase => [name, asOwnMethod(payload)]),
  ["a body as text/plain", (p) => ({ path: p.path, call: { method: "POST", body: '{"json":{}}', headers: { "content-type": "text/plain" } } })],
  ["a body as a form", (p) => ({ path: p.path, call: { method: "POST", body: new URLSearchParams({ json: "{}" }) } })],
  ["a multipart form", (p) => ({ path: p.path, call: { method: "POST", body: formWith('{"json":{}}') } })],
  ["a body of bytes", (p) => ({ path: p.path, call: { method: "POST", body: '{"json":{}}', headers: { "content-type": "application/octet-stream" } } })],
  ["a body with no content type", (p) => ({ path: p.path, call: { method: "POST", body: new TextEncoder().encode('{"json":{}}') } })],
  [
    "JSON said to be UTF-16",
    (p) => ({ path: p.path, call: { method: "POST", body: '{"json":{}}', headers: { "content-type": "application/json; charset=utf-16" } } }),
  ],
  ["the other HTTP method", (p) => (p.type === "query" ? { path: p.path, call: { method: "POST", input: {} } } : { path: p.path, call: { method: "GET" } })],
  [
    "a batch over the limit",
    (p) => ({ path: `${batchOf(p, 11)}?batch=1`, call: p.type === "query" ? { method: "GET" } : { method: "POST", body: "{}", headers: JSON_TYPE } }),
  ],
  [
    "a batch whose inputs are at indices it does not have",
    (p) => {
      const inputs = JSON.stringify({ "7": { json: {} }, "-1": { json: "\u0000" }, __proto__: { json: 1 } });
      return p.type === "query"
        ? { path: `${batchOf(p, 2)}?batch=1&input=${encodeURIComponent(inputs)}`, call: { method: "GET" } }
        : { path: `${batchOf(p, 2)}?batch=1`, call: { method: "POST", body: inputs, headers: JSON_TYPE } };
    },
  ],
  ["a batch that is not an object", (p) => ({ path: `${batchOf(p, 2)}?batch=1&input=${encodeURIComponent("[1,2]")}`, call: { method: "GET" } })],
  ["a batch with an unknown procedure", (p) => ({ path: `nothing.here,${p.path}?batch=1`, call: { method: "GET" } })],
  ["a batch mixing reads and changes", (p) => ({ path: `account.me,account.endOtherSessions,${p.path}?batch=1`, call: { method: "GET" } })],
  ["a path with broken percent-encoding", (p) => ({ path: `${p.path}%E0%A4%A`, call: { method: "GET" } })],
  ["GET with broken percent-encoding", (p) => ({ path: `${p.path}?input=%E0%A4%A&input=%7B`, call: { method: "GET" } })],
  ["GET with 10,000 characters of input", (p) => ({ path: `${p.path}?input=${"x".repeat(10_000)}`, call: { method: "GET" } })],
];

describe("raw requests to every procedure", () => {
  // Each case goes to every procedure, as one caller in turn: every case meets every caller.
  it.each(PROCEDURES.map((p, i) => [p.path, p, i] as const))("%s", async (_, p, i) => {
    const w = (shared ??= await buildWorld());
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const [k, [name, make]] of RAW_CASES.entries()) {
        const caller = CALLERS[(i + k) % CALLERS.length]!;
        const { path, call } = make(p);
        const cookie = caller === "anonymous" ? null : w[caller].cookie;
        const r = await callHttp(db, path, { ...call, cookie, org: w.org.slug });
        rawRequests++;
        const fault = faultIn(r);
        if (fault) throw new Error(`${p.path} as ${caller}, ${name}: ${fault}`);
      }
    } finally {
      log.mockRestore();
    }
  });
});

// ---- What this fuzz found, kept as fixed cases ------------------------------------------

describe("found by this fuzz", () => {
  const NOT_OUR_FORM = "The request could not be read: its input is not in the form Steward's API client sends.";
  const post = (body: string, headers: Record<string, string> = JSON_TYPE) => callHttp(db, "accountLinks.requestPasswordReset", { body, headers });

  it.each([
    // superjson's texts, with a link to its issue tracker, and the engine's TypeError text.
    ["an unknown class", '{"json":{},"meta":{"values":[["class","Nope"]]}}'],
    ["an unregistered custom type", '{"json":{},"meta":{"values":[["custom","Nope"]]}}'],
    ["a path through __proto__", '{"json":{},"meta":{"values":{"__proto__.polluted":["undefined"]}}}'],
    ["a map that is not one", '{"json":{"a":"x"},"meta":{"values":{"a":["map"]}}}'],
  ])("a superjson envelope with %s is refused in our words", async (_, body) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.message).toBe(NOT_OUR_FORM);
  });

  it("tRPC's own refusals of a request's shape are in our words", async () => {
    const plain = await post('{"json":{}}', { "content-type": "text/plain" });
    expect([plain.status, plain.message]).toEqual([415, "Send the request body as JSON (Content-Type: application/json)."]);
    const notAnObject = await callHttp(db, `account.me,account.me?batch=1&input=${encodeURIComponent("[1,2]")}`, { method: "GET" });
    expect([notAnObject.status, notAnObject.message]).toEqual([400, NOT_OUR_FORM]);
    const mixed = await callHttp(db, "account.me,account.endOtherSessions?batch=1", { method: "GET" });
    expect([mixed.status, mixed.message]).toEqual([400, "A batch cannot mix reads and changes: send them as separate requests."]);
  });

  // (A "__proto__" key does not survive the reading of the request, so nothing refuses it.)
  it.each(["constructor", "prototype", "toString"])("refused text under a key named %s is a 400, not a fault of the formatter", async (key) => {
    const r = await post(`{"json":{"email":"a@b.test","${key}":"a\\u0000b"}}`);
    expect(r.status).toBe(400);
    expect(r.message).toMatch(/control characters/);
  });

  it("text no field may hold is refused with its field, for the form to show", async () => {
    const r = await post('{"json":{"email":"x\\ud800y"}}');
    expect(r.status).toBe(400);
    const data = (r.json as { error: { json: { data: { zodError: { fieldErrors: Record<string, string[]> } | null } } } }).error.json.data;
    expect(data.zodError?.fieldErrors.email).toEqual([r.message]);
  });
});
