// Pages read through the API's own procedures (server/trpc/server.ts), so there is one gate:
// a page is refused exactly when the list it shows is, with the same reason, and the way a
// page answers each refusal (pageAnswer) is held here to the errors the gate really raises.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_ROLES } from "@/server/authz";
import type { Db } from "@/server/db";
import { verifyCredentials } from "@/server/services/account";
import { startSession } from "@/server/services/sessions";
import { pageAnswer } from "@/server/trpc/page-answer";
import { requirementOf } from "@/server/trpc/requirement";
import { createCaller } from "@/server/trpc/root";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { callerFor, refusal, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
const ROLE_KEYS = BUILT_IN_ROLES.map((r) => r.key);
const homeOf = (key: string) => (key === "user" || key.startsWith("group_") ? "Sales" : "");

beforeAll(async () => {
  t = await testDatabase();
  let builder = org(t.db, "Acme").withTree("Sales");
  for (const key of ROLE_KEYS) builder = builder.withMember(key, key, homeOf(key));
  acme = await builder.withMember("olga", "user", "Sales").create();
  globex = await org(t.db, "Globex").create();
});
afterAll(() => t.close());

/** What a call comes to: "OK", or the refusal's code and message. */
async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "OK";
  } catch (e) {
    const { code, message } = e as { code: string; message: string };
    return `${code}: ${message}`;
  }
}

async function claimsOf(email: string) {
  const claims = await verifyCredentials(t.db, email, PASSWORD);
  if (!claims) throw new Error(`Sign-in failed for ${email}`);
  return { ...claims, sessionId: await startSession(t.db, claims.userId, { userAgent: "vitest" }) };
}

describe("each page's frame is refused exactly when the list it shows is", () => {
  it.each(ROLE_KEYS)("as %s", async (role) => {
    const api = await acme.signIn(role);
    const pairs: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
      ["members", () => api.console.members(), () => api.members.list({})],
      ["teams", () => api.console.teams(), () => api.teams.list()],
      ["invitations", () => api.console.invitations(), () => api.invitations.list({})],
      ["groups", () => api.console.groups(), () => api.groups.list()],
      ["settings", () => api.console.settings(), () => api.organization.settings()],
      ["outbox", () => api.console.outbox(), () => api.email.outbox({})],
      ["import", () => api.console.import(), () => api.importer.jobs()],
      ["resources", () => api.console.you(), () => api.resources.list({})],
      // The reports page's frame is its group picker; the report itself is run on the role's home group (in its reach).
      ["reports", () => api.reports.groups(), () => api.reports.summary({ groupId: acme.group(homeOf(role)) })],
    ];
    for (const [page, frame, list] of pairs) {
      expect(`${page}: ${await outcome(frame)}`).toBe(`${page}: ${await outcome(list)}`);
    }
  });
});

describe("how a page answers the gate", () => {
  it("sends the signed-out to sign in and back to the very page they asked for", async () => {
    const anonymous = callerFor(t.db, null, acme.slug);
    const err = await refusal(() => anonymous.console.members());
    expect(pageAnswer(err, { slug: acme.slug, path: `/o/${acme.slug}/members` })).toEqual({
      redirect: `/signin?callbackUrl=${encodeURIComponent(`/o/${acme.slug}/members`)}`,
    });
  });

  it("shows a plain refusal with the API's reason, inside the console", async () => {
    const support = await acme.signIn("support");
    const err = await refusal(() => support.console.invitations());
    expect(requirementOf(err)).toBeNull();
    expect(pageAnswer(err, { slug: acme.slug, path: `/o/${acme.slug}/invitations` })).toEqual({
      forbidden: "Your role Support does not have “Create members”.",
    });
  });

  it("answers another organization, or an id outside the span, with the 404 page", async () => {
    const elsewhere = callerFor(t.db, await claimsOf(acme.email("user")), globex.slug);
    expect(pageAnswer(await refusal(() => elsewhere.console.you()), { slug: globex.slug, path: `/o/${globex.slug}` })).toEqual({ notFound: true });
    const groupAdmin = await acme.signIn("group_admin");
    const outside = await refusal(() => groupAdmin.members.get({ membershipId: acme.member("support") }));
    expect(pageAnswer(outside, { slug: acme.slug, path: "/" })).toEqual({ notFound: true });
    const malformed = await refusal(() => groupAdmin.members.get({ membershipId: "not-an-id" }));
    expect(pageAnswer(malformed, { slug: acme.slug, path: "/" })).toEqual({ notFound: true });
  });

  it("leads a one-time password to the password page, by the error's requirement, not its text", async () => {
    const claims = await claimsOf(acme.email("olga"));
    await t.db.user.update({ where: { email: acme.email("olga") }, data: { mustChangePassword: true } });
    const err = await refusal(() => callerFor(t.db, claims, acme.slug).console.you());
    expect(err.code).toBe("FORBIDDEN");
    expect(requirementOf(err)).toBe("PASSWORD_CHANGE");
    expect(pageAnswer(err, { slug: acme.slug, path: `/o/${acme.slug}` })).toEqual({ redirect: "/account/password" });
    await t.db.user.update({ where: { email: acme.email("olga") }, data: { mustChangePassword: false } });
  });

  it("leads a member without the second factor their organization requires to set it up", async () => {
    const root = await t.db.group.findFirstOrThrow({ where: { organizationId: acme.id, parentId: null } });
    await t.db.groupPolicy.create({ data: { groupId: root.id, organizationId: acme.id, twoFactor: "EVERYONE" } });
    try {
      const err = await refusal(async () => (await acme.signIn("olga")).console.you());
      expect(requirementOf(err)).toBe("TWO_FACTOR_SETUP");
      expect(pageAnswer(err, { slug: acme.slug, path: `/o/${acme.slug}/resources` })).toEqual({ redirect: `/account/security?required=${acme.slug}` });
    } finally {
      await t.db.groupPolicy.delete({ where: { groupId: root.id } });
    }
  });
});

describe("a request's memo", () => {
  /** The database, recording each query: a model's operation, or a raw statement's first words. */
  function counted(db: Db) {
    const ops: string[] = [];
    const extended = db.$extends({
      query: {
        $allOperations({ model, operation, args, query }) {
          const sql = model ? "" : String((args as { strings?: readonly string[] }).strings?.join("?") ?? (args as unknown[])[0] ?? "");
          ops.push(model ? `${model}.${operation}` : sql.includes('u."sessionVersion"') ? "gate" : operation);
          return query(args);
        },
      },
    });
    const count = (op: string) => ops.filter((o) => o === op).length;
    return { db: extended as unknown as Db, ops, count };
  }

  it("resolves the session and the membership once for the layout and the page", async () => {
    const claims = await claimsOf(acme.email("admin"));
    const render = async (memo: Map<string, Promise<unknown>> | undefined) => {
      const { db, count } = counted(t.db);
      const api = createCaller({ db, claims, orgSlug: acme.slug, ip: null, memo });
      // What the layout and then the members page read.
      await Promise.all([api.account.me(), api.console.you()]);
      await api.console.members();
      return [count("User.findUnique"), count("gate"), count("Membership.findFirst")];
    };
    // The viewer of account.me comes from the gate's statement too.
    expect(await render(new Map())).toEqual([0, 1, 0]);
    expect(await render(undefined)).toEqual([0, 3, 0]);
  });

  it("reads the session, the membership, its role, group and organization and the policy chain in one statement", async () => {
    const claims = await claimsOf(acme.email("admin"));
    const { db, ops } = counted(t.db);
    const api = createCaller({ db, claims, orgSlug: acme.slug, ip: null });
    const you = await api.console.you();
    expect(you).toBeTruthy();
    // The gate is the first query and the only one before the procedure's own.
    expect(ops[0]).toBe("gate");
    expect(ops.slice(1).filter((o) => /^(User|Session|Organization|Role|GroupPolicy)\./.test(o))).toEqual([]);
  });

  it("does not read the acting member again for their resource access", async () => {
    const claims = await claimsOf(acme.email("olga"));
    const { db, ops } = counted(t.db);
    const api = createCaller({ db, claims, orgSlug: acme.slug, ip: null });
    await api.resources.list({ page: 1, pageSize: 10 });
    expect(ops[0]).toBe("gate");
    expect(ops.filter((o) => o.startsWith("Membership.") || o.startsWith("TypeGrant."))).toEqual([]);
  });
});
