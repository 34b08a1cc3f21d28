// The audit log through the API and its export route: who reads it, that it never shows
// another organization's events, its filters, keyset paging across ties, its sentences, and
// the export's gate, formats and own trace.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/o/[slug]/audit/export/route";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { APP_ORIGIN, INTERNAL_TEXT, sessionCookie } from "../support/http";
import { refusal, setProcessDb, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
const savedUrl = process.env.NEXTAUTH_URL;
let restoreProcessDb: () => void;

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP_ORIGIN;
  t = await testDatabase();
  // The route reads the process-wide client (server/db getDb): this file's database.
  restoreProcessDb = setProcessDb({ db: t.db });
  acme = await org(t.db, "Acme").withTree("Paris", "Lyon").withMember("gary", "admin").withMember("ulla", "user", "Paris").create();
  globex = await org(t.db, "Globex").withTree("Oslo").withMember("olga", "user", "Oslo").create();
  const owner = await acme.signIn("owner");
  await owner.members.changeGroup({ membershipId: acme.member("ulla"), groupId: acme.group("Lyon") });
  const gary = await acme.signIn("gary");
  await gary.members.setStatus({ membershipId: acme.member("ulla"), status: "DISABLED" });
  await gary.groups.rename({ groupId: acme.group("Paris"), name: "Paris Nord" });
  const other = await globex.signIn("owner");
  await other.members.setStatus({ membershipId: globex.member("olga"), status: "DISABLED" });
  await other.groups.rename({ groupId: globex.group("Oslo"), name: "Oslo Sentrum" });
});
afterAll(async () => {
  process.env.NEXTAUTH_URL = savedUrl;
  restoreProcessDb();
  await t.close();
});

const userIdOf = async (o: BuiltOrg, login: string) => (await t.db.membership.findUniqueOrThrow({ where: { id: o.member(login) } })).userId;

describe("who reads the audit log", () => {
  it("is refused to a role without View audit log, with the reason", async () => {
    const user = await (await org(t.db, "Initech").withMember("ursula", "user").create()).signIn("ursula");
    const refused = await refusal(() => user.audit.list({}));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/View audit log/);
    expect((await refusal(() => user.audit.options())).code).toBe("FORBIDDEN");
  });

  it("shows the owner its own organization's events only, even asked by another's target id", async () => {
    const owner = await acme.signIn("owner");
    const all = await owner.audit.list({ pageSize: 100 });
    const globexIds = new Set((await t.db.auditEvent.findMany({ where: { organizationId: globex.id } })).map((e) => e.id));
    expect(all.rows.length).toBeGreaterThan(2);
    expect(all.rows.some((r) => globexIds.has(r.id))).toBe(false);
    expect((await owner.audit.list({ targetId: globex.member("olga") })).rows).toEqual([]);
    expect((await owner.audit.list({ actorUserId: await userIdOf(globex, "owner") })).rows).toEqual([]);
    expect((await owner.audit.list({ search: "Oslo" })).rows).toEqual([]);
  });
});

describe("filters", () => {
  it("narrow by actor, action, area, target, dates and text", async () => {
    const owner = await acme.signIn("owner");
    const gary = await userIdOf(acme, "gary");
    const byGary = await owner.audit.list({ actorUserId: gary });
    expect(byGary.rows.map((r) => r.action).sort()).toEqual(["group.rename", "member.disable"]);
    expect((await owner.audit.list({ action: "member.disable" })).rows.map((r) => r.actor.name)).toEqual(["gary"]);
    expect((await owner.audit.list({ action: "groups" })).rows.map((r) => r.action)).toEqual(["group.rename"]);
    const aboutUlla = await owner.audit.list({ targetId: acme.member("ulla") });
    expect(aboutUlla.rows.map((r) => r.action)).toEqual(["member.disable", "member.changeGroup"]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await owner.audit.list({ from: today, to: today })).rows.length).toBe((await owner.audit.list({ pageSize: 100 })).rows.length);
    expect((await owner.audit.list({ to: "2000-01-01" })).rows).toEqual([]);
    expect((await owner.audit.list({ search: "disabled a member" })).rows.map((r) => r.action)).toEqual(["member.disable"]);
    expect((await owner.audit.list({ search: "ulla" })).rows.map((r) => r.action)).toEqual(expect.arrayContaining(["member.disable", "member.changeGroup"]));
    expect((await owner.audit.list({ search: "Nord" })).rows.map((r) => r.action)).toEqual(["group.rename"]);
    const bad = await refusal(() => owner.audit.list({ action: "nothing.such" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).not.toMatch(INTERNAL_TEXT);
  });

  it("offers the organization's actions by area and the accounts that acted", async () => {
    const options = await (await acme.signIn("owner")).audit.options();
    expect(options.areas.map((a) => a.area)).toContain("members");
    expect(options.areas.flatMap((a) => a.actions.map((x) => x.key))).toContain("member.changeGroup");
    expect(options.actors.map((a) => a.name).sort()).toEqual(["Owner", "gary"]);
  });
});

describe("paging", () => {
  it("returns every event once, newest first, with pages of 2 across ties of time", async () => {
    const ties = await org(t.db, "Ties").create();
    const owner = await ties.signIn("owner");
    const moments = [new Date("2026-03-01T10:00:00Z"), new Date("2026-03-01T09:00:00Z")];
    await t.db.auditEvent.createMany({
      data: Array.from({ length: 9 }, (_, i) => ({
        organizationId: ties.id,
        actorUserId: null,
        action: "group.rename",
        targetType: "Group",
        targetId: ties.group(""),
        before: { name: `n${i}` },
        after: { name: `n${i + 1}` },
        at: moments[i % 2]!,
      })),
    });
    const expected = await t.db.auditEvent.findMany({ where: { organizationId: ties.id }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await owner.audit.list({ pageSize: 2, cursor });
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected.map((e) => e.id));
    expect((await refusal(() => owner.audit.list({ cursor: "not-a-cursor" }))).code).toBe("BAD_REQUEST");
  });
});

describe("sentences", () => {
  it("say who did what in words, with names looked up or kept", async () => {
    const rows = (await (await acme.signIn("owner")).audit.list({ pageSize: 100 })).rows;
    const sentence = (action: string) => rows.find((r) => r.action === action)?.sentence;
    expect(sentence("member.changeGroup")).toBe("Owner moved ulla from Paris to Lyon");
    expect(sentence("member.disable")).toBe("Gary disabled ulla");
    expect(sentence("group.rename")).toBe("Gary renamed the group Paris to Paris Nord");
    expect(rows.find((r) => r.action === "group.rename")).toMatchObject({ label: "Renamed a group", detail: "name: Paris → Paris Nord" });
    const member = await (await acme.signIn("owner")).members.get({ membershipId: acme.member("ulla") });
    expect(member.history.map((e) => e.sentence)).toEqual(["Gary disabled ulla", "Owner moved ulla from Paris to Lyon"]);
  });
});

describe("export", () => {
  const get = (slug: string, query: string, cookie?: string) =>
    exportRoute(new Request(`${APP_ORIGIN}/o/${slug}/audit/export?${query}`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({ slug }) });

  it("streams the filtered log as CSV and JSON, and records each export", async () => {
    const cookie = await sessionCookie(t.db, acme.email("owner"), PASSWORD);
    const csv = await get(acme.slug, "format=csv&action=members", cookie);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-acme-.*\.csv"$/);
    const parsed = Papa.parse<Record<string, string>>((await csv.text()).trim(), { header: true });
    expect(parsed.meta.fields).toEqual(["at", "actor", "action", "label", "sentence", "detail", "targetType", "targetId", "ip"]);
    expect(parsed.data.map((r) => r.sentence)).toEqual(["Gary disabled ulla", "Owner moved ulla from Paris to Lyon"]);

    const json = await get(acme.slug, "format=json", cookie);
    expect(json.headers.get("content-type")).toMatch(/application\/json/);
    const rows = JSON.parse(await json.text()) as Array<{ action: string }>;
    expect(rows.map((r) => r.action)).toContain("member.changeGroup");
    expect(rows.some((r) => r.action === "audit.export")).toBe(true);

    const exports = await t.db.auditEvent.findMany({ where: { organizationId: acme.id, action: "audit.export" }, orderBy: { at: "asc" } });
    expect(exports.map((e) => e.after)).toEqual([
      { format: "csv", rows: 2, complete: true, filters: { action: "members" } },
      { format: "json", rows: rows.length, complete: true, filters: {} },
    ]);
  });

  it("is refused signed out, without View audit log, and outside one's organizations", async () => {
    const signedOut = await get(acme.slug, "format=csv");
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toMatch(/Sign in/);
    const ownerCookie = await sessionCookie(t.db, acme.email("owner"), PASSWORD);
    const outside = await get(globex.slug, "format=csv", ownerCookie);
    expect(outside.status).toBe(404);
    const initrode = await org(t.db, "Initrode").withMember("uma", "user").create();
    const forbidden = await get(initrode.slug, "format=json", await sessionCookie(t.db, initrode.email("uma"), PASSWORD));
    expect(forbidden.status).toBe(403);
    const text = await forbidden.text();
    expect(text).toMatch(/View audit log/);
    expect(text).not.toMatch(INTERNAL_TEXT);
    expect((await get(acme.slug, "format=xml", ownerCookie)).status).toBe(400);
  });
});
