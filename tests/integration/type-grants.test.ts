// Organization-wide access (model TypeGrant; seed 000's user groups: "View only" to
// everything, "Full access" on servers, "Create new job") through tRPC: a grant to a member,
// a team or a group subtree covering every resource of one type, or of every type ("*").
// DESIGN.md rules 1, 4, 7, 8 and 10; docs/authority.md "Resources, teams and grants".
//
// Every expected outcome is written here from the design as literal data, never computed by
// server/authz. Each describe builds its own organization, so that the exact lists of one are
// not disturbed by another; tests inside a describe run in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { refusal, testDatabase, type TestDatabase } from "./harness";

type Caller = Awaited<ReturnType<BuiltOrg["signIn"]>>;
type Cap = "view" | "run" | "edit" | "data" | "share" | "admin";
type ResourceType = "server" | "storage" | "job" | "task" | "monitor" | "endpoint";
type SetInput = Parameters<Caller["organizationAccess"]["set"]>[0];

// ---- The design, as data ------------------------------------------------------------------

/** Rule 8: the capabilities, in catalog order ("Full access" = all of them). */
const ALL: Cap[] = ["view", "run", "edit", "data", "share", "admin"];
/** The six resource types, in the catalog's order (docs/authority.md). */
const ALL_TYPES: ResourceType[] = ["server", "storage", "job", "task", "monitor", "endpoint"];

// ---- Helpers ------------------------------------------------------------------------------

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.close());

/** Signs in once per login. */
function callers(built: () => BuiltOrg) {
  const cache = new Map<string, Caller>();
  return async (login: string) => {
    const hit = cache.get(login);
    if (hit) return hit;
    const caller = await built().signIn(login);
    cache.set(login, caller);
    return caller;
  };
}

/** Every page of resources.list: each page reports the same total, the pages add up to it
 * without repeats. Returns the names, sorted. */
async function listAll(caller: Caller, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  const names: string[] = [];
  let total: number | undefined;
  for (let page = 1; page <= 100; page++) {
    const result = await caller.resources.list({ page, pageSize });
    total ??= result.total;
    expect(result.total).toBe(total);
    ids.push(...result.rows.map((r) => r.id));
    names.push(...result.rows.map((r) => r.name));
    if (page * pageSize >= total) break;
  }
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(total);
  return names.sort();
}

/** The recipients of resource-event emails in the outbox, sorted. */
const recipients = async () => (await t.db.outboxEmail.findMany({ where: { kind: "resource-event" }, orderBy: { to: "asc" } })).map((e) => e.to);

/** What a refused change must leave untouched: the organization's entries and audit trail. */
async function snapshot(organizationId: string) {
  const grants = await t.db.typeGrant.findMany({ where: { organizationId }, orderBy: { id: "asc" } });
  return {
    grants: grants.map((g) => ({ id: g.id, scope: g.resourceType, principal: g.principalKey, capabilities: g.capabilities, mayCreate: g.mayCreate })),
    audits: await t.db.auditEvent.count({ where: { organizationId } }),
  };
}

/** "OK", or the code the call was refused with. */
async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "OK";
  } catch (err) {
    return (err as { code: string }).code;
  }
}

const forbidden = (message: RegExp) => ({ code: "FORBIDDEN", message: expect.stringMatching(message) });

function fail(message: string): never {
  throw new Error(message);
}

// ==== Rule 7 and 8: who organization-wide access reaches, and with what ======================

describe("rules 7 and 8: visibility and effective access through organization-wide access (Acme)", () => {
  let acme: BuiltOrg;
  const as = callers(() => acme);
  const id = new Map<string, string>();
  const rid = (name: string) => id.get(name) ?? fail(`no resource ${name}`);
  let infra: string;

  // The owner creates every resource (and so holds Administrator on each, and "share").
  const RESOURCES: Array<{ name: string; type: ResourceType; private: boolean }> = [
    { name: "web", type: "server", private: false },
    { name: "dbsrv", type: "server", private: true },
    { name: "backup", type: "storage", private: false },
    { name: "vault", type: "storage", private: true }, // tina: View (per-resource grant)
    { name: "build", type: "job", private: false }, // uwe: Edit & Run (per-resource grant)
    { name: "deploy", type: "job", private: false },
    { name: "hidden", type: "job", private: true }, // gil: Run (per-resource grant)
    { name: "cron", type: "task", private: false },
    { name: "ping", type: "monitor", private: false },
    { name: "api", type: "endpoint", private: false },
  ];

  beforeAll(async () => {
    acme = await org(t.db, "Acme")
      .withTree("Ops/Night", "Sales")
      // A custom role whose resource ceiling is View only (seed 001: "accessible according to the role").
      .withRole({ name: "Viewer", rank: 5, reach: "SELF", permissions: [], ceiling: ["view"] })
      .withMember("mia", "user")
      .withMember("tina", "user", "Sales")
      .withMember("olga", "user", "Ops")
      .withMember("gil", "user", "Ops/Night")
      .withMember("sid", "user", "Sales")
      .withMember("cara", "user")
      .withMember("uwe", "user", "Sales")
      .withMember("vic", "Viewer")
      .create();
    const owner = await as("owner");
    for (const r of RESOURCES) id.set(r.name, (await owner.resources.create({ type: r.type, name: r.name, private: r.private })).id);
    infra = (await owner.teams.create({ name: "Infra" })).id;
    await owner.teams.addMember({ teamId: infra, membershipId: acme.member("tina") });
    await owner.teams.addMember({ teamId: infra, membershipId: acme.member("uwe") });

    const give = (principal: SetInput["principal"], scope: SetInput["scope"], capabilities: Cap[], mayCreate = false) =>
      owner.organizationAccess.set({ principal, scope, capabilities, mayCreate });
    await give({ kind: "MEMBER", membershipId: acme.member("mia") }, "server", ["view"]);
    await give({ kind: "TEAM", teamId: infra }, "*", ["view"]);
    await give({ kind: "GROUP", groupId: acme.group("Ops") }, "job", ["view", "run"]);
    await give({ kind: "MEMBER", membershipId: acme.member("cara") }, "job", [], true);
    await give({ kind: "MEMBER", membershipId: acme.member("uwe") }, "job", ["view", "run"]);
    await give({ kind: "MEMBER", membershipId: acme.member("vic") }, "job", ALL);

    await owner.resources.grant({ resourceId: rid("vault"), principal: { kind: "MEMBER", membershipId: acme.member("tina") }, capabilities: ["view"] });
    await owner.resources.grant({
      resourceId: rid("build"),
      principal: { kind: "MEMBER", membershipId: acme.member("uwe") },
      capabilities: ["view", "run", "edit"],
    });
    await owner.resources.grant({ resourceId: rid("hidden"), principal: { kind: "MEMBER", membershipId: acme.member("gil") }, capabilities: ["view", "run"] });
  });

  /** Member by member: what they see and with which capabilities. */
  const EXPECTED: Record<string, Record<string, Cap[]>> = {
    // The owner created everything: Administrator on all.
    owner: Object.fromEntries(RESOURCES.map((r) => [r.name, ALL])),
    // Direct, scope "server": servers only, never the private dbsrv.
    mia: { web: ["view"] },
    // Team Infra, scope "*": every type, nothing private; the private vault only through its own grant.
    tina: { web: ["view"], backup: ["view"], vault: ["view"], build: ["view"], deploy: ["view"], cron: ["view"], ping: ["view"], api: ["view"] },
    // Group Ops, scope "job": a member of Ops and one in its subgroup Night; not the private job.
    olga: { build: ["view", "run"], deploy: ["view", "run"] },
    // gil also has a per-resource grant on the private job "hidden": only that opens it.
    gil: { build: ["view", "run"], deploy: ["view", "run"], hidden: ["view", "run"] },
    // Sales is Ops's sibling: not reached.
    sid: {},
    // "may create" alone shows nothing.
    cara: {},
    // Seed 000: union of "View only" to everything (team), Run on jobs (direct) and Edit & Run on build (per resource).
    uwe: { web: ["view"], backup: ["view"], build: ["view", "run", "edit"], deploy: ["view", "run"], cron: ["view"], ping: ["view"], api: ["view"] },
    // Full access on jobs, cut by the Viewer role's ceiling to View.
    vic: { build: ["view"], deploy: ["view"] },
  };

  it("lists exactly what each member is reached by, page by page", async () => {
    for (const [login, expected] of Object.entries(EXPECTED)) {
      const caller = await as(login);
      const want = Object.keys(expected).sort();
      expect({ login, names: await listAll(caller, 3) }).toEqual({ login, names: want });
      expect({ login, names: await listAll(caller, 200) }).toEqual({ login, names: want });
    }
  });

  it("opens each visible resource with exactly its capabilities; every other one is NOT_FOUND", async () => {
    for (const [login, expected] of Object.entries(EXPECTED)) {
      const caller = await as(login);
      for (const r of RESOURCES) {
        const caps = expected[r.name];
        if (caps) {
          const got = await caller.resources.get({ resourceId: rid(r.name) });
          expect({ login, resource: r.name, caps: got.access.capabilities }).toEqual({ login, resource: r.name, caps });
        } else {
          const refused = await refusal(() => caller.resources.get({ resourceId: rid(r.name) }));
          expect({ login, resource: r.name, code: refused.code }).toEqual({ login, resource: r.name, code: "NOT_FOUND" });
        }
      }
    }
  });

  it("the role's ceiling caps organization-wide access: vic (Viewer) cannot run a job he holds Full access on", async () => {
    const vic = await as("vic");
    expect(await refusal(() => vic.resources.act({ resourceId: rid("build"), action: "run" }))).toMatchObject({ code: "FORBIDDEN" });
  });

  // ==== Explain access and the Access tab (rule 8's "with its reason") =======================

  describe("explain access and the Access tab", () => {
    const explain = async (resource: string, login: string) =>
      (await (await as("owner")).resources.explain({ resourceId: rid(resource), membershipId: acme.member(login) })).paths.map((p) => ({
        kind: p.kind,
        description: p.description,
        capabilities: p.capabilities,
      }));

    it("names organization-wide access and its scope, for a member, a team and a group subtree", async () => {
      expect(await explain("web", "mia")).toEqual([
        { kind: "grant", description: "Granted directly: organization-wide access to all servers", capabilities: ["view"] },
      ]);
      expect(await explain("build", "tina")).toEqual([
        { kind: "grant", description: "Member of team Infra: organization-wide access to all resources", capabilities: ["view"] },
      ]);
      expect(await explain("deploy", "gil")).toEqual([
        { kind: "grant", description: "Home group Night is in Ops's subtree: organization-wide access to all jobs", capabilities: ["view", "run"] },
      ]);
      // What the ceiling left out is said.
      expect(await explain("build", "vic")).toEqual([
        {
          kind: "grant",
          description:
            "Granted directly: organization-wide access to all jobs; the role's resource access leaves out Run, Edit, Data (read and write its files), Share (manage access), Administer (delete, everything)",
          capabilities: ["view"],
        },
      ]);
      // Oneself, too.
      const mia = await as("mia");
      const own = await mia.resources.explain({ resourceId: rid("web"), membershipId: acme.member("mia") });
      expect(own.paths.map((p) => p.description)).toEqual(["Granted directly: organization-wide access to all servers"]);
    });

    it("lists no organization-wide path on a private resource", async () => {
      const paths = await explain("hidden", "gil");
      expect(paths).toEqual([{ kind: "grant", description: "Granted directly", capabilities: ["view", "run"] }]);
      expect(await explain("dbsrv", "mia")).toEqual([]);
    });

    it("resources.access lists the organization-wide access covering a resource that is not private, none on a private one", async () => {
      const owner = await as("owner");
      const rows = async (resource: string) =>
        (await owner.resources.access({ resourceId: rid(resource) })).organizationWide
          .map((g) => ({ kind: g.kind, name: g.principal.name, summary: g.summary }))
          .sort((a, b) => `${a.kind}${a.name}`.localeCompare(`${b.kind}${b.name}`));
      expect(await rows("web")).toEqual([
        { kind: "MEMBER", name: "mia", summary: "View only on all servers" },
        { kind: "TEAM", name: "Infra", summary: "View only on all resources" },
      ]);
      // cara's entry gives only "may create": not listed.
      expect(await rows("build")).toEqual([
        { kind: "GROUP", name: "Ops", summary: "Run on all jobs" },
        { kind: "MEMBER", name: "uwe", summary: "Run on all jobs" },
        { kind: "MEMBER", name: "vic", summary: "Full access on all jobs" },
        { kind: "TEAM", name: "Infra", summary: "View only on all resources" },
      ]);
      expect(await rows("hidden")).toEqual([]);
      expect(await rows("vault")).toEqual([]);
      expect(await rows("dbsrv")).toEqual([]);
    });
  });
});

// ==== Rule 4 and 8: acting through organization-wide access ==================================

describe("rules 4 and 8: acting and sharing through organization-wide access (Bolt)", () => {
  let bolt: BuiltOrg;
  const as = callers(() => bolt);
  const id = new Map<string, string>();
  const rid = (name: string) => id.get(name) ?? fail(`no resource ${name}`);
  let crew: string;
  let vaultCrew: string;

  beforeAll(async () => {
    bolt = await org(t.db, "Bolt")
      .withTree("Field")
      .withMember("sam", "user")
      .withMember("ria", "user")
      .withMember("tim", "user")
      .withMember("ned", "user")
      .withMember("gus", "group_admin", "Field")
      .withMember("pam", "group_admin", "Field")
      .withMember("fay", "user", "Field")
      .create();
    const owner = await as("owner");
    for (const [name, type, priv] of [
      ["web", "server", false],
      ["db", "server", true],
      ["build", "job", false],
      ["secret", "job", true],
    ] as const) {
      id.set(name, (await owner.resources.create({ type, name, private: priv })).id);
    }
    const give = (login: string, scope: SetInput["scope"], capabilities: Cap[]) =>
      owner.organizationAccess.set({ principal: { kind: "MEMBER", membershipId: bolt.member(login) }, scope, capabilities, mayCreate: false });
    await give("sam", "server", ["view", "share"]);
    await give("ria", "job", ["view", "run"]);
    await give("tim", "job", ["view"]);
    await give("gus", "job", ALL);
    // Two teams of the Field group (manageable by its Group Admins), each holding Run on one job.
    const gus = await as("gus");
    crew = (await gus.teams.create({ name: "Crew", groupId: bolt.group("Field") })).id;
    vaultCrew = (await gus.teams.create({ name: "Vault crew", groupId: bolt.group("Field") })).id;
    await owner.resources.grant({ resourceId: rid("build"), principal: { kind: "TEAM", teamId: crew }, capabilities: ["view", "run"] });
    await owner.resources.grant({ resourceId: rid("secret"), principal: { kind: "TEAM", teamId: vaultCrew }, capabilities: ["view", "run"] });
  });

  it("runs a job one does not own with organization-wide Run; View alone is FORBIDDEN; a private job stays NOT_FOUND", async () => {
    const ria = await as("ria");
    const { activityId } = await ria.resources.act({ resourceId: rid("build"), action: "run" });
    expect(activityId).toBeTruthy();
    const tim = await as("tim");
    expect(await refusal(() => tim.resources.act({ resourceId: rid("build"), action: "run" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(() => ria.resources.act({ resourceId: rid("secret"), action: "run" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("shares a server within what organization-wide access holds there (rule 4 counts it), and no further", async () => {
    const sam = await as("sam");
    const ned = { kind: "MEMBER" as const, membershipId: bolt.member("ned") };
    await sam.resources.grant({ resourceId: rid("web"), principal: ned, capabilities: ["view"] });
    expect((await (await as("ned")).resources.get({ resourceId: rid("web") })).access.capabilities).toEqual(["view"]);
    expect(await refusal(() => sam.resources.grant({ resourceId: rid("web"), principal: ned, capabilities: ["view", "edit"] }))).toMatchObject(
      forbidden(/You cannot grant “Edit”/),
    );
    // A private server, and a job: organization-wide access to servers opens neither.
    expect(await refusal(() => sam.resources.grant({ resourceId: rid("db"), principal: ned, capabilities: ["view"] }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(() => sam.resources.grant({ resourceId: rid("build"), principal: ned, capabilities: ["view"] }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await (await as("ned")).resources.get({ resourceId: rid("web") })).access.capabilities).toEqual(["view"]);
  });

  it("side paths count organization-wide holdings too: a Group Admin with Full access on jobs adds a member to a team holding Run on a job", async () => {
    // pam, the same role without organization-wide access, does not even see build.
    const pam = await as("pam");
    expect(await refusal(() => pam.teams.addMember({ teamId: crew, membershipId: bolt.member("fay") }))).toMatchObject(
      forbidden(/Adding fay to Crew would give Run on a resource you cannot see/),
    );
    const gus = await as("gus");
    // Organization-wide access never reaches the private job: refused, without naming it.
    const refused = await refusal(() => gus.teams.addMember({ teamId: vaultCrew, membershipId: bolt.member("fay") }));
    expect(refused).toMatchObject(forbidden(/Adding fay to Vault crew would give Run on a resource you cannot see/));
    expect(await t.db.teamMember.count({ where: { teamId: { in: [crew, vaultCrew] } } })).toBe(0);
    await gus.teams.addMember({ teamId: crew, membershipId: bolt.member("fay") });
    expect((await (await as("fay")).resources.get({ resourceId: rid("build") })).access.capabilities).toEqual(["view", "run"]);
  });
});

// ==== Rule 4: giving organization-wide access (organizationAccess.set / revoke / list) =========

describe("rule 4: who may give, change and remove organization-wide access (Corp)", () => {
  let corp: BuiltOrg;
  let globex: BuiltOrg;
  const as = callers(() => corp);
  let infra: string;
  let globexTeam: string;
  const team = () => ({ kind: "TEAM" as const, teamId: infra });
  const sales = () => ({ kind: "GROUP" as const, groupId: corp.group("Sales") });

  beforeAll(async () => {
    corp = await org(t.db, "Corp")
      .withTree("Sales")
      // "Grant organization-wide access" and "See all resources", but not "Create resources".
      .withRole({ name: "Granter", rank: 105, reach: "ORGANIZATION", permissions: ["resources.grantAll", "resources.viewAll"], ceiling: ALL })
      // Not constructible through roles.create (organization-only permission), written as is to
      // reach the decision's own reach check.
      .withRole({ name: "Subtree granter", rank: 45, reach: "SUBTREE", permissions: ["resources.grantAll", "resources.viewAll"], ceiling: ALL })
      .withMember("ada", "admin")
      .withMember("abe", "admin")
      .withMember("gary", "group_admin", "Sales")
      .withMember("ulla", "user", "Sales")
      .withMember("sue", "support")
      .withMember("gia", "Granter")
      .withMember("odd", "Subtree granter", "Sales")
      .create();
    globex = await org(t.db, "Globex").withMember("gil", "user").create();
    infra = (await (await as("owner")).teams.create({ name: "Infra" })).id;
    globexTeam = (await (await globex.signIn("owner")).teams.create({ name: "Globex team" })).id;
  });

  it("needs “Grant organization-wide access”: Group Admin, Support and User are FORBIDDEN for every procedure", async () => {
    const before = await snapshot(corp.id);
    for (const login of ["gary", "sue", "ulla"]) {
      const caller = await as(login);
      const set = await refusal(() => caller.organizationAccess.set({ principal: team(), scope: "*", capabilities: ["view"], mayCreate: false }));
      expect({ login, code: set.code, message: set.message }).toMatchObject({ login, ...forbidden(/does not have “Grant organization-wide access”/) });
      expect(await refusal(() => caller.organizationAccess.list({ page: 1, pageSize: 50 }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await refusal(() => caller.organizationAccess.principals({ search: "" }))).toMatchObject({ code: "FORBIDDEN" });
    }
    // A role holding the permission but reaching only a subtree.
    const odd = await as("odd");
    expect(await refusal(() => odd.organizationAccess.set({ principal: team(), scope: "*", capabilities: ["view"], mayCreate: false }))).toMatchObject(
      forbidden(/does not reach the whole organization/),
    );
    expect(await snapshot(corp.id)).toEqual(before);
  });

  it("Admin (“See all resources”) gives View only on everything, not Run or Full access", async () => {
    const ada = await as("ada");
    await ada.organizationAccess.set({ principal: team(), scope: "*", capabilities: ["view"], mayCreate: false });
    const before = await snapshot(corp.id);
    expect(await refusal(() => ada.organizationAccess.set({ principal: team(), scope: "*", capabilities: ["view", "run"], mayCreate: false }))).toEqual(
      expect.objectContaining({ code: "FORBIDDEN", message: "You cannot give “Run” on all resources: you hold View only there." }),
    );
    expect(await refusal(() => ada.organizationAccess.set({ principal: team(), scope: "server", capabilities: ALL, mayCreate: false }))).toMatchObject(
      forbidden(/^You cannot give “Run”, “Edit”, .* on all servers: you hold View only there\.$/),
    );
    expect(await snapshot(corp.id)).toEqual(before);
  });

  it("“may create” is given only by someone who may create: Admin yes, a Granter without “Create resources” no", async () => {
    const ada = await as("ada");
    await ada.organizationAccess.set({ principal: team(), scope: "job", capabilities: [], mayCreate: true });
    const gia = await as("gia");
    const ulla = { kind: "MEMBER" as const, membershipId: corp.member("ulla") };
    const before = await snapshot(corp.id);
    expect(await refusal(() => gia.organizationAccess.set({ principal: ulla, scope: "job", capabilities: ["view"], mayCreate: true }))).toMatchObject(
      forbidden(/You cannot give the right to create jobs: you may not create them yourself/),
    );
    // Nor change an entry that gives it.
    expect(await refusal(() => gia.organizationAccess.set({ principal: team(), scope: "job", capabilities: ["view"], mayCreate: false }))).toMatchObject(
      forbidden(/You cannot change or remove access that gives the right to create jobs/),
    );
    expect(await snapshot(corp.id)).toEqual(before);
    await gia.organizationAccess.set({ principal: ulla, scope: "job", capabilities: ["view"], mayCreate: false });
  });

  it("the owner gives anything; an Admin given Full access on servers may then give it on servers, not on jobs or everything", async () => {
    const owner = await as("owner");
    await owner.organizationAccess.set({ principal: team(), scope: "server", capabilities: ALL, mayCreate: false });
    await owner.organizationAccess.set({
      principal: { kind: "MEMBER", membershipId: corp.member("ada") },
      scope: "server",
      capabilities: ALL,
      mayCreate: false,
    });
    const ada = await as("ada");
    await ada.organizationAccess.set({ principal: sales(), scope: "server", capabilities: ALL, mayCreate: false });
    const before = await snapshot(corp.id);
    expect(await refusal(() => ada.organizationAccess.set({ principal: sales(), scope: "*", capabilities: ALL, mayCreate: false }))).toMatchObject(
      forbidden(/on all resources: you hold View only there/),
    );
    expect(
      await refusal(() => ada.organizationAccess.set({ principal: sales(), scope: "job", capabilities: ["view", "run"], mayCreate: false })),
    ).toMatchObject(forbidden(/You cannot give “Run” on all jobs: you hold View only there/));
    expect(await snapshot(corp.id)).toEqual(before);
    // What each may give, per scope, as the form offers it.
    const yours = (await ada.organizationAccess.list({ page: 1, pageSize: 50 })).yours;
    expect(yours.server).toEqual({ capabilities: ALL, mayCreate: true });
    expect(yours["*"]).toEqual({ capabilities: ["view"], mayCreate: true });
    expect(yours.job).toEqual({ capabilities: ["view"], mayCreate: true });
  });

  it("an Admin cannot change or revoke an entry giving more than they hold (canChange false), but can one within it", async () => {
    const abe = await as("abe");
    const { rows, total } = await abe.organizationAccess.list({ page: 1, pageSize: 50 });
    expect(total).toBe(6);
    const summary = rows
      .map((r) => ({ name: r.principal.name, scope: r.scope, summary: r.summary, canChange: r.canChange }))
      .sort((a, b) => `${a.scope}${a.name}`.localeCompare(`${b.scope}${b.name}`));
    expect(summary).toEqual([
      { name: "Infra", scope: "*", summary: "View only on all resources", canChange: true },
      { name: "Infra", scope: "job", summary: "may create jobs", canChange: true },
      { name: "ulla", scope: "job", summary: "View only on all jobs", canChange: true },
      { name: "ada", scope: "server", summary: "Full access on all servers", canChange: false },
      { name: "Infra", scope: "server", summary: "Full access on all servers", canChange: false },
      { name: "Sales", scope: "server", summary: "Full access on all servers", canChange: false },
    ]);
    const infraServers = rows.find((r) => r.scope === "server" && r.principal.name === "Infra")!;
    const before = await snapshot(corp.id);
    expect(await refusal(() => abe.organizationAccess.revoke({ id: infraServers.id }))).toMatchObject(
      forbidden(/You cannot change or remove access that gives .* on all servers: you hold View only there/),
    );
    // Lowering it to View is a change of an entry giving more than abe holds, too.
    expect(await refusal(() => abe.organizationAccess.set({ principal: team(), scope: "server", capabilities: ["view"], mayCreate: false }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await snapshot(corp.id)).toEqual(before);
    // Paging: one row per page adds up to the total.
    const pages = [];
    for (let page = 1; page <= 6; page++) pages.push(...(await abe.organizationAccess.list({ page, pageSize: 1 })).rows.map((r) => r.id));
    expect(new Set(pages).size).toBe(6);
  });

  it("refuses an empty entry, a principal of another organization (NOT_FOUND) and an invalid scope (BAD_REQUEST)", async () => {
    const owner = await as("owner");
    const before = await snapshot(corp.id);
    expect(await refusal(() => owner.organizationAccess.set({ principal: team(), scope: "task", capabilities: [], mayCreate: false }))).toMatchObject(
      forbidden(/Choose at least one capability, or let them create resources/),
    );
    for (const principal of [
      { kind: "MEMBER" as const, membershipId: globex.member("gil") },
      { kind: "TEAM" as const, teamId: globexTeam },
      { kind: "GROUP" as const, groupId: globex.group("") },
    ]) {
      const refused = await refusal(() => owner.organizationAccess.set({ principal, scope: "server", capabilities: ["view"], mayCreate: false }));
      expect({ kind: principal.kind, code: refused.code }).toEqual({ kind: principal.kind, code: "NOT_FOUND" });
    }
    expect(
      await refusal(() => owner.organizationAccess.set({ principal: team(), scope: "disk" as never, capabilities: ["view"], mayCreate: false })),
    ).toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await refusal(() => owner.organizationAccess.set({ principal: team(), scope: "job", capabilities: ["root" as never], mayCreate: false })),
    ).toMatchObject({ code: "BAD_REQUEST" });
    expect(await snapshot(corp.id)).toEqual(before);
  });
});

describe("rule 4 with a resource scope (seed 002): an Admin limited to one server does not hold View on all servers (Kilo)", () => {
  let kilo: BuiltOrg;
  const as = callers(() => kilo);
  let s2: string;

  beforeAll(async () => {
    kilo = await org(t.db, "Kilo").withTree("Lobby").withMember("ada", "admin").withMember("ulla", "user").withMember("uwe", "user").create();
    const owner = await as("owner");
    await owner.organizationAccess.set({
      principal: { kind: "GROUP", groupId: kilo.group("Lobby") },
      scope: "server",
      capabilities: ["view"],
      mayCreate: false,
    });
    const s1 = (await owner.resources.create({ type: "server", name: "s1", private: false })).id;
    s2 = (await owner.resources.create({ type: "server", name: "s2", private: false })).id;
    await owner.members.setResourceScope({ membershipId: kilo.member("ada"), resourceIds: [s1] });
  });

  it("ada sees only s1, so she may not give View on all servers (nor on everything); View on all jobs is fine", async () => {
    const ada = await as("ada");
    expect(await refusal(() => ada.resources.get({ resourceId: s2 }))).toMatchObject({ code: "NOT_FOUND" });
    const ulla = { kind: "MEMBER" as const, membershipId: kilo.member("ulla") };
    await ada.organizationAccess.set({ principal: ulla, scope: "job", capabilities: ["view"], mayCreate: false });
    // Rule 7: the scope filters everything afterwards, so ada, who sees s1 only, holds nothing
    // on all servers (or all resources) and passes nothing on there, directly or by a move.
    // Soft expectations, so that every consequence is reported.
    expect
      .soft(await outcome(() => ada.organizationAccess.set({ principal: ulla, scope: "server", capabilities: ["view"], mayCreate: false })))
      .toBe("FORBIDDEN");
    expect.soft(await outcome(() => ada.organizationAccess.set({ principal: ulla, scope: "*", capabilities: ["view"], mayCreate: false }))).toBe("FORBIDDEN");
    // The side path inherits it: moving uwe into Lobby (View only on all servers) passes too.
    expect.soft(await outcome(() => ada.members.changeGroup({ membershipId: kilo.member("uwe"), groupId: kilo.group("Lobby") }))).toBe("FORBIDDEN");
    // Whatever the answers above, nobody may end up seeing s2 through ada.
    for (const login of ["ulla", "uwe"]) {
      const caller = await as(login);
      expect.soft({ login, get: await outcome(() => caller.resources.get({ resourceId: s2 })) }).toEqual({ login, get: "NOT_FOUND" });
    }
  });
});

// ==== Rule 8 (seed 000 "Create new job"): creating through "may create" =======================

describe("creating resources through “may create” (Dyn)", () => {
  let dyn: BuiltOrg;
  const as = callers(() => dyn);
  let other: string;

  beforeAll(async () => {
    dyn = await org(t.db, "Dyn").withMember("ulla", "user").withMember("pete", "user").withMember("una", "user").create();
    const owner = await as("owner");
    const builders = (await owner.teams.create({ name: "Builders" })).id;
    await owner.teams.addMember({ teamId: builders, membershipId: dyn.member("ulla") });
    await owner.organizationAccess.set({ principal: { kind: "TEAM", teamId: builders }, scope: "job", capabilities: [], mayCreate: true });
    await owner.organizationAccess.set({ principal: { kind: "MEMBER", membershipId: dyn.member("una") }, scope: "*", capabilities: [], mayCreate: true });
    other = (await owner.resources.create({ type: "job", name: "other", private: false })).id;
  });

  it("resources.creatable: the scope of “may create”, none for a plain user, all six for the owner and for “*”", async () => {
    expect(await (await as("ulla")).resources.creatable()).toEqual({ types: ["job"] });
    expect(await (await as("pete")).resources.creatable()).toEqual({ types: [] });
    expect(await (await as("owner")).resources.creatable()).toEqual({ types: ALL_TYPES });
    expect(await (await as("una")).resources.creatable()).toEqual({ types: ALL_TYPES });
  });

  it("a User in the team creates a job and owns it with every capability; a server is FORBIDDEN", async () => {
    const ulla = await as("ulla");
    const { id } = await ulla.resources.create({ type: "job", name: "mine", private: false });
    const got = await ulla.resources.get({ resourceId: id });
    expect(got.access.capabilities).toEqual(ALL);
    expect((await t.db.resource.findUniqueOrThrow({ where: { id } })).ownerId).toBe(dyn.member("ulla"));
    // "may create" opens nothing else.
    expect(await listAll(ulla, 200)).toEqual(["mine"]);
    expect(await refusal(() => ulla.resources.get({ resourceId: other }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(() => ulla.resources.create({ type: "server", name: "box", private: false }))).toMatchObject(
      forbidden(/no organization-wide access lets you create servers/),
    );
    const pete = await as("pete");
    expect(await refusal(() => pete.resources.create({ type: "job", name: "nope", private: false }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.resource.count({ where: { organizationId: dyn.id, name: { in: ["box", "nope"] } } })).toBe(0);
  });
});

// ==== Rule 4's side paths: membership is a grant =============================================

describe("rule 4 side paths: joining a team or group that holds organization-wide access (Echo)", () => {
  let echo: BuiltOrg;
  const as = callers(() => echo);
  let salesOps: string;
  let salesPlain: string;
  let payroll: string;
  let web: string;
  const homeOf = async (login: string) => (await t.db.membership.findUniqueOrThrow({ where: { id: echo.member(login) } })).groupId;

  beforeAll(async () => {
    echo = await org(t.db, "Echo")
      .withTree("Sales/EMEA", "Eng", "Lobby")
      .withMember("gary", "group_admin", "Sales")
      .withMember("adam", "admin")
      .withMember("ulla", "user", "Sales")
      .withMember("uwe", "user", "Eng")
      .withMember("una", "user", "Eng")
      .create();
    const owner = await as("owner");
    payroll = (await owner.resources.create({ type: "job", name: "payroll", private: false })).id;
    web = (await owner.resources.create({ type: "server", name: "web", private: false })).id;
    const gary = await as("gary");
    salesOps = (await gary.teams.create({ name: "SalesOps", groupId: echo.group("Sales") })).id;
    salesPlain = (await gary.teams.create({ name: "SalesPlain", groupId: echo.group("Sales") })).id;
    await owner.organizationAccess.set({ principal: { kind: "TEAM", teamId: salesOps }, scope: "server", capabilities: ["view"], mayCreate: false });
    await owner.organizationAccess.set({
      principal: { kind: "GROUP", groupId: echo.group("Sales/EMEA") },
      scope: "job",
      capabilities: ["view", "run"],
      mayCreate: false,
    });
    await owner.organizationAccess.set({ principal: { kind: "GROUP", groupId: echo.group("Lobby") }, scope: "*", capabilities: ["view"], mayCreate: false });
  });

  it("teams.addMember: a Group Admin cannot add to a team holding organization-wide access; a team without is fine; the owner can", async () => {
    const gary = await as("gary");
    expect(await refusal(() => gary.teams.addMember({ teamId: salesOps, membershipId: echo.member("ulla") }))).toMatchObject(
      forbidden(/Adding ulla to SalesOps would give View only on all servers, which you could not grant directly/),
    );
    // Nor himself.
    expect(await refusal(() => gary.teams.addMember({ teamId: salesOps, membershipId: echo.member("gary") }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.teamMember.count({ where: { teamId: salesOps } })).toBe(0);
    await gary.teams.addMember({ teamId: salesPlain, membershipId: echo.member("ulla") });
    const owner = await as("owner");
    await owner.teams.addMember({ teamId: salesOps, membershipId: echo.member("ulla") });
    expect((await (await as("ulla")).resources.get({ resourceId: web })).access.capabilities).toEqual(["view"]);
  });

  it("members.changeGroup: Admin cannot move a member into a group holding Run on all jobs, can into one holding View on everything", async () => {
    const adam = await as("adam");
    expect(await refusal(() => adam.members.changeGroup({ membershipId: echo.member("uwe"), groupId: echo.group("Sales/EMEA") }))).toMatchObject(
      forbidden(/Moving uwe to EMEA would give Run on all jobs, which you could not grant directly/),
    );
    expect(await homeOf("uwe")).toBe(echo.group("Eng"));
    // A Group Admin lacks "Grant organization-wide access" altogether.
    const gary = await as("gary");
    expect(await refusal(() => gary.members.changeGroup({ membershipId: echo.member("ulla"), groupId: echo.group("Sales/EMEA") }))).toMatchObject(
      forbidden(/Moving ulla to EMEA would give Run on all jobs/),
    );
    expect(await homeOf("ulla")).toBe(echo.group("Sales"));
    // Admin holds View on everything that is not private: the Lobby's access is his to give.
    await adam.members.changeGroup({ membershipId: echo.member("uwe"), groupId: echo.group("Lobby") });
    expect((await (await as("uwe")).resources.get({ resourceId: payroll })).access.capabilities).toEqual(["view"]);
    // The owner may move anyone into EMEA.
    const owner = await as("owner");
    await owner.members.changeGroup({ membershipId: echo.member("una"), groupId: echo.group("Sales/EMEA") });
    expect((await (await as("una")).resources.get({ resourceId: payroll })).access.capabilities).toEqual(["view", "run"]);
  });

  it("members.create and invitations.invite into such a group are refused for Admin, allowed elsewhere", async () => {
    const adam = await as("adam");
    expect(
      await refusal(() => adam.members.create({ name: "New", email: "new@echo.test", roleId: echo.role("user"), groupId: echo.group("Sales/EMEA") })),
    ).toMatchObject(forbidden(/Run on all jobs/));
    expect(
      await refusal(() => adam.invitations.invite({ emails: ["inv@echo.test"], roleId: echo.role("user"), groupId: echo.group("Sales/EMEA") })),
    ).toMatchObject(forbidden(/Run on all jobs/));
    expect(await t.db.user.count({ where: { email: "new@echo.test" } })).toBe(0);
    expect(await t.db.invitation.count({ where: { email: "inv@echo.test" } })).toBe(0);
    await adam.members.create({ name: "Lobbyist", email: "lobbyist@echo.test", roleId: echo.role("user"), groupId: echo.group("Lobby") });
    expect(await t.db.user.count({ where: { email: "lobbyist@echo.test" } })).toBe(1);
  });
});

// ==== Notifications (seed 001): the members reached, as far as rule 7 shows them the resource ====

describe("notifications reach members through organization-wide access (Fox)", () => {
  let fox: BuiltOrg;
  const as = callers(() => fox);
  let nightly: string;
  let vault: string;

  beforeAll(async () => {
    fox = await org(t.db, "Fox")
      .withTree("Ops/Night", "Sales")
      .withMember("rita", "user")
      .withMember("wendy", "user")
      .withMember("olga", "user", "Ops/Night")
      .withMember("mick", "user")
      .withMember("cara", "user")
      .withMember("sid", "user", "Sales")
      .withMember("dora", "user", "Ops", "DISABLED")
      .create();
    const owner = await as("owner");
    nightly = (await owner.resources.create({ type: "job", name: "nightly", private: false })).id;
    vault = (await owner.resources.create({ type: "job", name: "vault", private: true })).id;
    const watch = (await owner.teams.create({ name: "Watch" })).id;
    await owner.teams.addMember({ teamId: watch, membershipId: fox.member("wendy") });
    const give = (principal: SetInput["principal"], scope: SetInput["scope"], capabilities: Cap[], mayCreate = false) =>
      owner.organizationAccess.set({ principal, scope, capabilities, mayCreate });
    await give({ kind: "TEAM", teamId: watch }, "job", ["view"]);
    await give({ kind: "GROUP", groupId: fox.group("Ops") }, "*", ["view"]);
    await give({ kind: "MEMBER", membershipId: fox.member("mick") }, "job", ["view"]);
    await give({ kind: "MEMBER", membershipId: fox.member("cara") }, "job", [], true);
    await give({ kind: "MEMBER", membershipId: fox.member("sid") }, "server", ["view"]);
    // rita runs both jobs through per-resource grants.
    for (const resourceId of [nightly, vault]) {
      await owner.resources.grant({ resourceId, principal: { kind: "MEMBER", membershipId: fox.member("rita") }, capabilities: ["view", "run"] });
    }
  });

  async function failRun(resourceId: string) {
    const rita = await as("rita");
    const { activityId } = await rita.resources.act({ resourceId, action: "run" });
    await t.db.outboxEmail.deleteMany();
    await rita.resources.finishRun({ activityId, outcome: "FAILED", output: "exit 1" });
  }

  it("a failure on a job emails the team, member and group-subtree holders of access to jobs; not “may create” only, other scopes, the disabled or the actor", async () => {
    await failRun(nightly);
    expect(await recipients()).toEqual([fox.email("mick"), fox.email("olga"), fox.email("owner"), fox.email("wendy")].sort());
  });

  it("a failure on a private job reaches nobody through organization-wide access", async () => {
    await failRun(vault);
    expect(await recipients()).toEqual([fox.email("owner")]);
  });
});

// ==== Rule 10: every change audited in its transaction; a refusal writes nothing ===============

describe("rule 10: audit events of organization-wide access (Delta)", () => {
  let delta: BuiltOrg;
  const as = callers(() => delta);
  let ops: string;
  const events = () =>
    t.db.auditEvent.findMany({ where: { organizationId: delta.id, action: { startsWith: "typeGrant." } }, orderBy: [{ at: "asc" }, { id: "asc" }] });

  beforeAll(async () => {
    delta = await org(t.db, "Delta").withMember("ada", "admin").create();
    ops = (await (await as("owner")).teams.create({ name: "Ops" })).id;
  });

  it("create, update and delete each write one event with the entry before and after", async () => {
    const owner = await as("owner");
    const principal = { kind: "TEAM" as const, teamId: ops };
    const { id } = await owner.organizationAccess.set({ principal, scope: "server", capabilities: ["view"], mayCreate: false });
    await owner.organizationAccess.set({ principal, scope: "server", capabilities: ["view", "run"], mayCreate: true });
    await owner.organizationAccess.revoke({ id });
    const owners = await t.db.membership.findUniqueOrThrow({ where: { id: delta.member("owner") } });
    expect(
      (await events()).map((e) => ({
        action: e.action,
        actor: e.actorUserId,
        targetType: e.targetType,
        targetId: e.targetId,
        before: e.before,
        after: e.after,
      })),
    ).toEqual([
      {
        action: "typeGrant.create",
        actor: owners.userId,
        targetType: "Organization",
        targetId: delta.id,
        before: null,
        after: { principal: `team:${ops}`, scope: "server", capabilities: ["view"], mayCreate: false },
      },
      {
        action: "typeGrant.update",
        actor: owners.userId,
        targetType: "Organization",
        targetId: delta.id,
        before: { principal: `team:${ops}`, scope: "server", capabilities: ["view"], mayCreate: false },
        after: { principal: `team:${ops}`, scope: "server", capabilities: ["view", "run"], mayCreate: true },
      },
      {
        action: "typeGrant.delete",
        actor: owners.userId,
        targetType: "Organization",
        targetId: delta.id,
        before: { principal: `team:${ops}`, scope: "server", capabilities: ["view", "run"], mayCreate: true },
        after: null,
      },
    ]);
    expect(await t.db.typeGrant.count({ where: { organizationId: delta.id } })).toBe(0);
  });

  it("a refused set or revoke changes nothing and writes nothing", async () => {
    const owner = await as("owner");
    const principal = { kind: "TEAM" as const, teamId: ops };
    const { id } = await owner.organizationAccess.set({ principal, scope: "job", capabilities: ALL, mayCreate: false });
    const before = await snapshot(delta.id);
    const ada = await as("ada");
    expect(await refusal(() => ada.organizationAccess.set({ principal, scope: "job", capabilities: ["view"], mayCreate: false }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await refusal(() => ada.organizationAccess.set({ principal, scope: "*", capabilities: ["view", "run"], mayCreate: false }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await refusal(() => ada.organizationAccess.revoke({ id }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot(delta.id)).toEqual(before);
  });
});

// ==== Rule 1: tenant isolation =================================================================

describe("rule 1: tenant isolation (Hotel and India)", () => {
  let hotel: BuiltOrg;
  let india: BuiltOrg;
  let hotelEntry: string;
  let indiaEntry: string;

  beforeAll(async () => {
    hotel = await org(t.db, "Hotel").withMember("hal", "user").create();
    india = await org(t.db, "India").withMember("ivy", "user").create();
    const hotelOwner = await hotel.signIn("owner");
    hotelEntry = (
      await hotelOwner.organizationAccess.set({ principal: { kind: "GROUP", groupId: hotel.group("") }, scope: "*", capabilities: ALL, mayCreate: true })
    ).id;
    const indiaOwner = await india.signIn("owner");
    indiaEntry = (
      await indiaOwner.organizationAccess.set({
        principal: { kind: "MEMBER", membershipId: india.member("ivy") },
        scope: "job",
        capabilities: ["view"],
        mayCreate: false,
      })
    ).id;
    await hotelOwner.resources.create({ type: "job", name: "hotel-job", private: false });
  });

  it("revoking another organization's entry is NOT_FOUND and leaves it; list shows only one's own", async () => {
    const indiaOwner = await india.signIn("owner");
    expect(await refusal(() => indiaOwner.organizationAccess.revoke({ id: hotelEntry }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.typeGrant.count({ where: { id: hotelEntry } })).toBe(1);
    const list = await indiaOwner.organizationAccess.list({ page: 1, pageSize: 50 });
    expect({ total: list.total, ids: list.rows.map((r) => r.id) }).toEqual({ total: 1, ids: [indiaEntry] });
  });

  it("another organization's organization-wide access reaches nobody here", async () => {
    const ivy = await india.signIn("ivy");
    expect((await ivy.resources.list({ page: 1, pageSize: 50 })).total).toBe(0);
    expect(await ivy.resources.creatable()).toEqual({ types: [] });
    const hal = await hotel.signIn("hal");
    expect(await listAll(hal, 50)).toEqual(["hotel-job"]);
  });
});
