// The export tool through the API and its download route: who may run it, which rows each
// exporter takes away (expected rows written here from docs/authority.md, not read through the
// same SQL), keyset paging, the members CSV re-importing, tenant isolation and its audit trace.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/o/[slug]/export/[kind]/route";
import { loadActor } from "@/server/services/actor";
import { EXPORT_COLUMNS, exportPage, type ExportRow } from "@/server/services/export";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { APP_ORIGIN, sessionCookie } from "../support/http";
import { dryRun } from "../support/import";
import { refusal, setProcessDb, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
const savedUrl = process.env.NEXTAUTH_URL;
let restoreProcessDb: () => void;

// Acme's members, by login: every one of them is in an organization-wide exporter's export.
const ACME = ["owner", "bex", "dana", "gda", "adam", "gus", "uma", "tom", "dis"];
const HOME: Record<string, string> = {
  owner: "Acme",
  bex: "Engineering",
  dana: "Acme",
  gda: "Sales",
  adam: "Acme",
  gus: "Sales",
  uma: "Sales/EMEA",
  tom: "Engineering",
  dis: "Engineering",
};

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP_ORIGIN;
  t = await testDatabase();
  restoreProcessDb = setProcessDb({ db: t.db });
  acme = await org(t.db, "Acme")
    .withTree("Sales", "Sales/EMEA", "Engineering")
    .withMember("bex", "bulk_exporter", "Engineering")
    .withMember("dana", "data_admin")
    .withMember("gda", "group_data_admin", "Sales")
    .withMember("adam", "admin")
    .withMember("gus", "group_admin", "Sales")
    .withMember("uma", "user", "Sales/EMEA")
    .withMember("tom", "user", "Engineering")
    .withMember("dis", "user", "Engineering", "DISABLED")
    .create();
  globex = await org(t.db, "Globex").withTree("Oslo").withMember("olga", "user", "Oslo").withMember("gbex", "bulk_exporter", "Oslo").create();

  const owner = await acme.signIn("owner");
  const ops = await owner.teams.create({ name: "Ops" });
  await owner.teams.addMember({ teamId: ops.id, membershipId: acme.member("tom") });
  await owner.teams.addMember({ teamId: ops.id, membershipId: acme.member("uma") });
  const sellers = await owner.teams.create({ name: "Sellers", groupId: acme.group("Sales") });
  await owner.teams.addMember({ teamId: sellers.id, membershipId: acme.member("gus") });
  const db1 = await owner.resources.create({ type: "server", name: "db1" });
  await owner.resources.create({ type: "storage", name: "vault", private: true });
  const gus = await acme.signIn("gus");
  const job = await gus.resources.create({ type: "job", name: "nightly", private: true });
  await gus.resources.grant({ resourceId: job.id, principal: { kind: "GROUP", groupId: acme.group("Sales/EMEA") }, capabilities: ["view", "run"] });
  await gus.resources.grant({ resourceId: job.id, principal: { kind: "EMAIL", email: "watcher@elsewhere.test" }, capabilities: [] });
  await owner.resources.grant({ resourceId: db1.id, principal: { kind: "MEMBER", membershipId: acme.member("bex") }, capabilities: ["view"] });
  await owner.resources.grant({ resourceId: db1.id, principal: { kind: "TEAM", teamId: ops.id }, capabilities: ["view", "run"] });
  await (await globex.signIn("owner")).resources.create({ type: "server", name: "globex-db" });
});
afterAll(async () => {
  process.env.NEXTAUTH_URL = savedUrl;
  restoreProcessDb();
  await t.close();
});

type Caller = Awaited<ReturnType<BuiltOrg["signIn"]>>;

/** Every row of one kind, through the API's pages. */
async function all(api: Caller, kind: Parameters<Caller["export"]["page"]>[0]["kind"]) {
  const rows: ExportRow[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<Caller["export"]["page"]>> = await api.export.page({ kind, cursor });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

const download = async (slug: string, kind: string, query: string, cookie?: string) =>
  exportRoute(new Request(`${APP_ORIGIN}/o/${slug}/export/${kind}?${query}`, { headers: cookie ? { cookie } : {} }), {
    params: Promise.resolve({ slug, kind }),
  });

describe("who runs the export tool", () => {
  it.each(["adam", "gda", "gus", "uma"])("%s, without Bulk export, is refused with the reason", async (login) => {
    const api = await acme.signIn(login);
    for (const call of [() => api.export.counts(), () => api.export.page({ kind: "members" })]) {
      const refused = await refusal(call);
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.message).toMatch(/Bulk export/);
    }
  });

  it("answers the download route with plain sentences: 401, 403, 404, 400", async () => {
    const adam = await sessionCookie(t.db, acme.email("adam"), PASSWORD);
    const bex = await sessionCookie(t.db, acme.email("bex"), PASSWORD);
    const cases = [
      [await download(acme.slug, "members", "format=csv"), 401],
      [await download(acme.slug, "members", "format=csv", adam), 403],
      [await download(globex.slug, "members", "format=csv", bex), 404],
      [await download(acme.slug, "secrets", "format=csv", bex), 404],
      [await download(acme.slug, "members", "format=xml", bex), 400],
    ] as const;
    for (const [res, status] of cases) {
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/text\/plain/);
      expect((await res.text()).trim()).toMatch(/\.$/);
    }
  });
});

describe("what each exporter takes away", () => {
  it.each(["bex", "owner", "dana"])("%s exports every Acme member, any rank, the owner included, and nobody else", async (login) => {
    const rows = await all(await acme.signIn(login), "members");
    expect(rows.map((r) => r.email).sort()).toEqual(ACME.map((l) => acme.email(l)).sort());
    for (const r of rows) expect(r.group).toBe(HOME[ACME.find((l) => acme.email(l) === r.email)!]);
    expect(rows.find((r) => r.email === acme.email("dis"))?.status).toBe("DISABLED");
    expect(rows.find((r) => r.email === acme.email("gda"))?.role).toBe("Group Data Admin");
  });

  it("gives groups and teams of the organization, with paths as the importer reads them", async () => {
    const bex = await acme.signIn("bex");
    expect((await all(bex, "groups")).map((g) => [g.path, g.depth, g.members]).sort()).toEqual(
      [
        ["Acme", 0, 3],
        ["Engineering", 1, 3],
        ["Sales", 1, 2],
        ["Sales/EMEA", 2, 1],
      ].sort(),
    );
    expect((await all(bex, "teams")).sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual([
      { name: "Ops", group: "", members: [acme.email("tom"), acme.email("uma")].sort().join("; ") },
      { name: "Sellers", group: "Sales", members: acme.email("gus") },
    ]);
  });

  it("gives the resources the exporter sees and their grants: rule 7 has no exception", async () => {
    const bex = await acme.signIn("bex");
    expect((await all(bex, "resources")).map((r) => r.name)).toEqual(["db1"]);
    expect((await all(bex, "grants")).map((g) => [g.resource, g.principal_kind, g.principal, g.capabilities]).sort()).toEqual(
      [
        ["db1", "member", acme.email("bex"), "view"],
        ["db1", "team", "Ops", "run view"],
      ].sort(),
    );
    // The owner: every resource (see all, custody of gus's private job, her own vault).
    const owner = await acme.signIn("owner");
    expect((await all(owner, "resources")).map((r) => [r.name, r.owner, r.private]).sort()).toEqual(
      [
        ["db1", acme.email("owner"), false],
        ["nightly", acme.email("gus"), true],
        ["vault", acme.email("owner"), true],
      ].sort(),
    );
    // A creator holds Administrator by ownership, not by a grant row.
    expect((await all(owner, "grants")).map((g) => `${g.resource} ${g.principal_kind} ${g.principal}`).sort()).toEqual(
      ["db1 member " + acme.email("bex"), "db1 team Ops", "nightly email watcher@elsewhere.test", "nightly group Sales/EMEA"].sort(),
    );
  });

  it("counts what the pages give", async () => {
    const bex = await acme.signIn("bex");
    expect(await bex.export.counts()).toEqual({ members: ACME.length, groups: 4, teams: 2, resources: 1, grants: 2 });
  });

  it("never gives another organization's rows", async () => {
    const gbex = await globex.signIn("gbex");
    expect((await all(gbex, "members")).map((r) => r.email).sort()).toEqual(["gbex", "olga", "owner"].map((l) => globex.email(l)).sort());
    expect((await all(gbex, "groups")).map((g) => g.path).sort()).toEqual(["Globex", "Oslo"]);
    expect(await all(gbex, "teams")).toEqual([]);
    const everything = JSON.stringify(await Promise.all((["members", "groups", "teams", "resources", "grants"] as const).map((k) => all(gbex, k))));
    expect(everything).not.toMatch(/acme/i);
  });
});

describe("paging and downloads", () => {
  it("returns every row once with small pages, in a stable order", async () => {
    const row = await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("bex") } });
    const actor = await loadActor(t.db, row.userId, acme.slug);
    for (const kind of ["members", "groups", "grants"] as const) {
      for (const size of [1, 2, 3]) {
        const seen: ExportRow[] = [];
        let cursor: string | null = null;
        do {
          const page = await exportPage(t.db, actor, { kind, cursor }, size);
          expect(page.rows.length).toBeLessThanOrEqual(size);
          seen.push(...page.rows);
          cursor = page.nextCursor;
        } while (cursor);
        const whole = await exportPage(t.db, actor, { kind });
        expect(seen).toEqual(whole.rows);
        expect(new Set(seen.map((r) => JSON.stringify(r))).size).toBe(seen.length);
      }
    }
  });

  it("downloads members as CSV that re-reads into the importer's columns and re-imports unchanged", async () => {
    const cookie = await sessionCookie(t.db, acme.email("owner"), PASSWORD);
    const res = await download(acme.slug, "members", "format=csv", cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${acme.slug}-members-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const text = await res.text();
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: "greedy" });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...EXPORT_COLUMNS.members]);
    expect(parsed.meta.fields!.slice(0, 6)).toEqual(["email", "name", "username", "company", "group", "status"]);
    expect(parsed.data).toHaveLength(ACME.length);

    // The file as downloaded, role, two_factor and last_sign_in included: the dry run is a no-op.
    const owner = await acme.signIn("owner");
    const { job, rows } = await dryRun(t.db, owner, text);
    expect(job.ignoredColumns).toEqual(["role", "two_factor", "last_sign_in"]);
    expect(job.changes).toBe(0);
    for (const r of rows) expect(`${r.email}: ${r.outcome} ${r.message}`).toBe(`${r.email}: unchanged Nothing to change`);
  });

  it("downloads JSON as one array, and records one data.export event per export with the server's count", async () => {
    const before = await t.db.auditEvent.count({ where: { organizationId: acme.id, action: "data.export" } });
    const cookie = await sessionCookie(t.db, acme.email("bex"), PASSWORD);
    const res = await download(acme.slug, "groups", "format=json", cookie);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(JSON.parse(await res.text())).toHaveLength(4);
    const events = await t.db.auditEvent.findMany({ where: { organizationId: acme.id, action: "data.export" }, orderBy: { at: "asc" } });
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)!.after).toEqual({ kind: "groups", format: "json", rows: 4 });
    const log = await (await acme.signIn("owner")).audit.list({ action: "data.export" });
    expect(log.rows[0]?.sentence).toMatch(/exported 4 groups as JSON/);
  });
});
