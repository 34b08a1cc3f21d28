// Resources, grants and teams through tRPC (DESIGN.md rules 1, 4, 6, 7 and 8; seeds 000,
// 001, 002, 003, 004): who sees which resource and through which principal, what every
// preset lets a member do, role paths, resource scopes, tenant isolation, no escalation
// through the ACL or through team membership, activity and its chart, and handing over
// the resources of a deleted member.
//
// Every expected outcome is written here from DESIGN.md (capabilities, presets, paths),
// never computed by server/authz. Each describe builds its own organization, so that the
// exact lists of one are not disturbed by another; tests inside a describe run in order
// (the later ones change grants the earlier ones check).
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

type Caller = Awaited<ReturnType<BuiltOrg["signIn"]>>;
type Cap = "view" | "run" | "edit" | "data" | "share" | "admin";
type ResourceType = "server" | "storage" | "job" | "task" | "monitor" | "endpoint";

// ---- The design, as data ------------------------------------------------------------------

/** Rule 8: the capabilities, in catalog order. */
const ALL: Cap[] = ["view", "run", "edit", "data", "share", "admin"];
/** Rule 8: presets (seed 000) and resource roles (seed 003). */
const PRESETS: Record<string, Cap[]> = {
  view_only: ["view"],
  run: ["view", "run"],
  edit_run: ["view", "run", "edit"],
  full: ALL,
  activity_monitor: ["view"],
  activity_manager: ["view", "run", "edit"],
  access_manager: ["data", "share"],
  administrator: ALL,
};
/** Seed 004: a Data Admin opens the resources of members in their span (view and data). */
const CUSTODIAN: Cap[] = ["view", "data"];

const ordered = (caps: readonly string[]) => ALL.filter((c) => caps.includes(c));
const today = () => new Date().toISOString().slice(0, 10);

// ---- Helpers ------------------------------------------------------------------------------

let t: TestDatabase;

/** The TRPCError a call failed with; fails the test when it succeeded. */
async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error("expected the call to be refused, but it succeeded");
}

/** "OK", or the code the call was refused with. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

/** Every page of resources.list, checking that each page reports the same total and the
 * pages add up to it without repeats. Returns the names, sorted. */
async function listAll(caller: Caller, pageSize = 2): Promise<string[]> {
  const ids: string[] = [];
  const names: string[] = [];
  let total: number | undefined;
  for (let page = 1; page <= 100; page++) {
    const result = await caller.resources.list({ page, pageSize });
    total ??= result.total;
    expect(result.total).toBe(total);
    expect(result.rows.length).toBeLessThanOrEqual(pageSize);
    ids.push(...result.rows.map((r) => r.id));
    names.push(...result.rows.map((r) => r.name));
    if (page * pageSize >= total) break;
  }
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(total);
  return names.sort();
}

/** Signs in once per login and organization. */
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

beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.close());

// ==== Visibility, principals, privacy, role paths, explain, escalation ========================

describe("visibility through grants, teams, groups and roles (Acme)", () => {
  let acme: BuiltOrg;
  const as = callers(() => acme);
  const id = new Map<string, string>();
  const rid = (name: string) => id.get(name) ?? fail(`no resource ${name}`);

  // gwen (Group Admin at the root) creates every resource: she may create (resources.create)
  // but neither sees all (resources.viewAll) nor opens members' data (data.access).
  const RESOURCES: Array<{ name: string; type: ResourceType; private: boolean }> = [
    { name: "alpha", type: "job", private: false }, // uma: View only (direct)
    { name: "bravo", type: "job", private: true }, // team Ops: Run (tom)
    { name: "charlie", type: "job", private: true }, // group Sales/EMEA: Edit & Run (ella, pia; not uma in Sales)
    { name: "delta", type: "job", private: false }, // otto's email: notify only; ed: Edit & Run + share
    { name: "echo", type: "job", private: true }, // uma: Access Manager (private: not visible)
    { name: "foxtrot", type: "job", private: false }, // uma: Access Manager (visible); sam: Administrator
    { name: "golf", type: "job", private: true }, // nobody
  ];

  beforeAll(async () => {
    acme = await org(t.db, "Acme")
      .withTree("Sales/EMEA/Paris", "Engineering")
      .withMember("gwen", "group_admin")
      .withMember("ada", "admin")
      .withMember("sam", "support")
      .withMember("gus", "group_admin", "Sales")
      .withMember("uma", "user", "Sales")
      .withMember("ella", "user", "Sales/EMEA")
      .withMember("pia", "user", "Sales/EMEA/Paris")
      .withMember("tom", "user", "Engineering")
      .withMember("otto", "user", "Engineering")
      .withMember("ed", "user", "Engineering")
      .create();
    const owner = await as("owner");
    const ops = await owner.teams.create({ name: "Ops" });
    await owner.teams.addMember({ teamId: ops.id, membershipId: acme.member("tom") });

    const gwen = await as("gwen");
    for (const r of RESOURCES) id.set(r.name, (await gwen.resources.create({ type: r.type, name: r.name, private: r.private })).id);
    const grant = (name: string, principal: Parameters<Caller["resources"]["grant"]>[0]["principal"], caps: Cap[]) =>
      gwen.resources.grant({ resourceId: rid(name), principal, capabilities: caps });
    await grant("alpha", { kind: "MEMBER", membershipId: acme.member("uma") }, PRESETS.view_only!);
    await grant("bravo", { kind: "TEAM", teamId: ops.id }, PRESETS.run!);
    await grant("charlie", { kind: "GROUP", groupId: acme.group("Sales/EMEA") }, PRESETS.edit_run!);
    await grant("delta", { kind: "EMAIL", email: acme.email("otto") }, []);
    await grant("delta", { kind: "MEMBER", membershipId: acme.member("ed") }, ["view", "run", "edit", "share"]);
    await grant("echo", { kind: "MEMBER", membershipId: acme.member("uma") }, PRESETS.access_manager!);
    await grant("foxtrot", { kind: "MEMBER", membershipId: acme.member("uma") }, PRESETS.access_manager!);
    await grant("foxtrot", { kind: "MEMBER", membershipId: acme.member("sam") }, PRESETS.administrator!);
  });

  /** Rule 7 and 8, member by member: what they see and with which capabilities. */
  const EXPECTED: Record<string, Record<string, Cap[]>> = {
    // The owner (Data Admin) has every member in span: custodian of all (view + data).
    owner: Object.fromEntries(RESOURCES.map((r) => [r.name, CUSTODIAN])),
    // The creator owns everything, with Administrator.
    gwen: Object.fromEntries(RESOURCES.map((r) => [r.name, ALL])),
    // Admin sees every resource that is not private, with View; and it holds "Manage restores"
    // over gwen, a lower-ranked owner holding no power it lacks: View + Data on all of hers
    // (seed 004's restorer path), private ones included.
    ada: Object.fromEntries(RESOURCES.map((r) => [r.name, CUSTODIAN])),
    // Support has no resources.viewAll: only its grant.
    sam: { foxtrot: ALL },
    // A Group Admin has no resources.viewAll either.
    gus: {},
    // Direct grants; an Access Manager sees foxtrot (not private) but not echo (private).
    uma: { alpha: ["view"], foxtrot: ["data", "share"] },
    // Group grant on Sales/EMEA reaches EMEA and Paris, not Sales (uma) or Engineering.
    ella: { charlie: ["view", "run", "edit"] },
    pia: { charlie: ["view", "run", "edit"] },
    // Team grant.
    tom: { bravo: ["view", "run"] },
    // An email grant to otto's own address is notify-only.
    otto: {},
    ed: { delta: ["view", "run", "edit", "share"] },
  };

  it("lists exactly what ownership, grants and role give each member, page by page", async () => {
    for (const [login, expected] of Object.entries(EXPECTED)) {
      const caller = await as(login);
      expect({ login, names: await listAll(caller, 2) }).toEqual({ login, names: Object.keys(expected).sort() });
      expect({ login, names: await listAll(caller, 200) }).toEqual({ login, names: Object.keys(expected).sort() });
    }
  });

  it("opens each visible resource with exactly its capabilities; every other is NOT_FOUND for get, act and update", async () => {
    for (const [login, expected] of Object.entries(EXPECTED)) {
      const caller = await as(login);
      for (const r of RESOURCES) {
        const caps = expected[r.name];
        if (caps) {
          const got = await caller.resources.get({ resourceId: rid(r.name) });
          expect({ login, resource: r.name, caps: got.access.capabilities }).toEqual({ login, resource: r.name, caps });
        } else {
          // Called one at a time: a promise made early and awaited late would reject unhandled.
          const calls = {
            get: () => caller.resources.get({ resourceId: rid(r.name) }),
            act: () => caller.resources.act({ resourceId: rid(r.name), action: "run" }),
            update: () => caller.resources.update({ resourceId: rid(r.name), name: r.name, description: "x", private: r.private }),
            delete: () => caller.resources.delete({ resourceId: rid(r.name) }),
            grant: () =>
              caller.resources.grant({ resourceId: rid(r.name), principal: { kind: "MEMBER", membershipId: acme.member(login) }, capabilities: ["view"] }),
            access: () => caller.resources.access({ resourceId: rid(r.name) }),
            activity: () => caller.resources.activity({ resourceId: rid(r.name) }),
          };
          for (const [what, call] of Object.entries(calls)) {
            expect({ login, resource: r.name, what, outcome: await outcome(call()) }).toEqual({ login, resource: r.name, what, outcome: "NOT_FOUND" });
          }
        }
      }
    }
  });

  it("an email on the ACL is notify-only: listed as such, reaches nobody, and cannot be given capabilities", async () => {
    const gwen = await as("gwen");
    const err = await refusal(
      gwen.resources.grant({ resourceId: rid("delta"), principal: { kind: "EMAIL", email: "someone@elsewhere.test" }, capabilities: ["view"] }),
    );
    expect(err.code).toBe("BAD_REQUEST");
    const acl = await gwen.resources.access({ resourceId: rid("delta") });
    const email = acl.grants.filter((g) => g.kind === "EMAIL");
    expect(email).toEqual([expect.objectContaining({ capabilities: [], summary: "Notify only" })]);
    expect(email[0]!.principal.name).toBe(acme.email("otto"));
    expect(await listAll(await as("otto"))).toEqual([]);
    expect(await outcome((await as("otto")).resources.get({ resourceId: rid("delta") }))).toBe("NOT_FOUND");
  });

  it("the creator owns what they create, with Administrator; a User cannot create", async () => {
    const gwen = await as("gwen");
    const got = await gwen.resources.get({ resourceId: rid("alpha") });
    expect(got.owner).toMatchObject({ membershipId: acme.member("gwen"), isYou: true });
    expect(got.access.capabilities).toEqual(ALL);
    expect(got.can).toEqual({ edit: true, delete: true, share: true, transfer: true });
    expect(got.actions).toEqual(["run"]);
    const self = await gwen.resources.explain({ resourceId: rid("golf"), membershipId: acme.member("gwen") });
    expect(self.paths.map((p) => p.kind)).toEqual(["owner"]);
    expect(await outcome((await as("uma")).resources.create({ type: "job", name: "mine" }))).toBe("FORBIDDEN");
    expect(await outcome((await as("sam")).resources.create({ type: "job", name: "mine" }))).toBe("FORBIDDEN");
  });

  it("role and restorer paths: an Admin views what is not private, restores for lower-ranked owners, and never runs, edits or shares", async () => {
    const ada = await as("ada");
    const alpha = await ada.resources.get({ resourceId: rid("alpha") });
    expect(alpha.can).toEqual({ edit: false, delete: false, share: false, transfer: false });
    expect(alpha.actions).toEqual([]);
    expect(await outcome(ada.resources.act({ resourceId: rid("alpha"), action: "run" }))).toBe("FORBIDDEN");
    expect(await outcome(ada.resources.update({ resourceId: rid("alpha"), name: "alpha", description: "ada was here", private: false }))).toBe("FORBIDDEN");
    expect(
      await outcome(
        ada.resources.grant({ resourceId: rid("alpha"), principal: { kind: "MEMBER", membershipId: acme.member("otto") }, capabilities: ["view"] }),
      ),
    ).toBe("FORBIDDEN");
    const why = await ada.resources.explain({ resourceId: rid("alpha"), membershipId: acme.member("ada") });
    expect(why.paths).toEqual([
      expect.objectContaining({ kind: "restorer", capabilities: ["view", "data"], description: "As Admin, you restore the data of gwen, who owns it" }),
      expect.objectContaining({ kind: "role", capabilities: ["view"] }),
    ]);
    expect(why.paths[1]!.description).toContain("Admin");
  });

  it("explain lists each path (team name, group) and refuses members without share on the resource", async () => {
    const gwen = await as("gwen");
    const tom = await gwen.resources.explain({ resourceId: rid("bravo"), membershipId: acme.member("tom") });
    expect(tom).toMatchObject({ visible: true, capabilities: ["view", "run"], removed: "" });
    expect(tom.paths).toHaveLength(1);
    expect(tom.paths[0]).toMatchObject({ kind: "grant", capabilities: ["view", "run"] });
    expect(tom.paths[0]!.description).toContain("Ops");

    const pia = await gwen.resources.explain({ resourceId: rid("charlie"), membershipId: acme.member("pia") });
    expect(pia).toMatchObject({ visible: true, capabilities: ["view", "run", "edit"] });
    expect(pia.paths).toHaveLength(1);
    expect(pia.paths[0]!.description).toContain("Paris");
    expect(pia.paths[0]!.description).toContain("EMEA");

    // Outside the granted subtree, or reached by an email only: no path at all.
    for (const login of ["uma", "otto"]) {
      const none = await gwen.resources.explain({ resourceId: rid(login === "uma" ? "charlie" : "delta"), membershipId: acme.member(login) });
      expect(none).toMatchObject({ visible: false, capabilities: [], paths: [], summary: "No access" });
    }
    // Private and only Access Manager: the path is there, and what removes it is said.
    const uma = await gwen.resources.explain({ resourceId: rid("echo"), membershipId: acme.member("uma") });
    expect(uma.visible).toBe(false);
    expect(uma.paths).toEqual([expect.objectContaining({ kind: "grant", capabilities: ["data", "share"] })]);
    expect(uma.removed).toMatch(/private/i);

    // Explaining someone else needs share; oneself only needs to see it.
    const t0 = await as("tom");
    expect(await outcome(t0.resources.explain({ resourceId: rid("bravo"), membershipId: acme.member("pia") }))).toBe("FORBIDDEN");
    expect((await t0.resources.explain({ resourceId: rid("bravo"), membershipId: acme.member("tom") })).visible).toBe(true);
  });

  it("an Access Manager shares within data + share, and cannot remove or change an Administrator's grant", async () => {
    const uma = await as("uma");
    const got = await uma.resources.get({ resourceId: rid("foxtrot") });
    expect(got.can).toEqual({ edit: false, delete: false, share: true, transfer: false });
    expect(got.actions).toEqual([]);
    const acl = await uma.resources.access({ resourceId: rid("foxtrot") });
    const sams = acl.grants.find((g) => g.kind === "MEMBER" && g.capabilities.length === ALL.length);
    expect(sams).toBeDefined();
    expect(sams!.canChange).toBe(false);

    const revoke = await refusal(uma.resources.revoke({ resourceId: rid("foxtrot"), grantId: sams!.id }));
    expect(revoke.code).toBe("FORBIDDEN");
    const change = await refusal(
      uma.resources.grant({ resourceId: rid("foxtrot"), principal: { kind: "MEMBER", membershipId: acme.member("sam") }, capabilities: ["data"] }),
    );
    expect(change.code).toBe("FORBIDDEN");
    // Not View either: she does not hold it.
    expect(
      await outcome(
        uma.resources.grant({ resourceId: rid("foxtrot"), principal: { kind: "MEMBER", membershipId: acme.member("otto") }, capabilities: ["view"] }),
      ),
    ).toBe("FORBIDDEN");
    expect((await t.db.grant.findUniqueOrThrow({ where: { id: sams!.id } })).capabilities.sort()).toEqual([...ALL].sort());

    // What she holds she may give (otto then sees foxtrot: not private) and take back.
    await uma.resources.grant({ resourceId: rid("foxtrot"), principal: { kind: "MEMBER", membershipId: acme.member("otto") }, capabilities: ["data"] });
    expect(await listAll(await as("otto"))).toEqual(["foxtrot"]);
    const ottos = (await uma.resources.access({ resourceId: rid("foxtrot") })).grants.find((g) => g.capabilities.join() === "data");
    await uma.resources.revoke({ resourceId: rid("foxtrot"), grantId: ottos!.id });
    expect(await listAll(await as("otto"))).toEqual([]);
    // She explains the access of those on the list, not of others (rule 5): the owner
    // (Data Admin) reaches foxtrot by role and custody only.
    expect(await outcome(uma.resources.explain({ resourceId: rid("foxtrot"), membershipId: acme.member("owner") }))).toBe("NOT_FOUND");
    // The owner holds View + Data as the custodian of gwen's resources, and View through the
    // role: the subject's span decides the custodian path.
    const ownerWhy = await (await as("owner")).resources.explain({ resourceId: rid("foxtrot"), membershipId: acme.member("owner") });
    expect(ownerWhy).toMatchObject({ visible: true, capabilities: CUSTODIAN });
    expect(ownerWhy.paths.map((p) => p.kind).sort()).toEqual(["custodian", "role"]);
    // On the private echo she sees nothing, so she manages nothing there.
    expect(await outcome(uma.resources.access({ resourceId: rid("echo") }))).toBe("NOT_FOUND");
  });

  it("Edit & Run + share grants within what it holds: never Administer or Data, not even to itself", async () => {
    const ed = await as("ed");
    const to = (login: string) => ({ kind: "MEMBER" as const, membershipId: acme.member(login) });
    for (const caps of [["admin"], ["data"], ["view", "data"], PRESETS.full!, PRESETS.access_manager!] as Cap[][]) {
      const err = await refusal(ed.resources.grant({ resourceId: rid("delta"), principal: to("otto"), capabilities: caps }));
      expect({ caps, code: err.code }).toEqual({ caps, code: "FORBIDDEN" });
    }
    expect(await outcome(ed.resources.grant({ resourceId: rid("delta"), principal: to("ed"), capabilities: ALL }))).toBe("FORBIDDEN");
    expect(await outcome(ed.resources.delete({ resourceId: rid("delta") }))).toBe("FORBIDDEN");
    expect((await ed.resources.get({ resourceId: rid("delta") })).access.capabilities).toEqual(["view", "run", "edit", "share"]);
    // Within bounds it works, and can be taken back.
    await ed.resources.grant({ resourceId: rid("delta"), principal: to("otto"), capabilities: ["view", "run"] });
    expect((await (await as("otto")).resources.get({ resourceId: rid("delta") })).access.capabilities).toEqual(["view", "run"]);
    const ottos = (await ed.resources.access({ resourceId: rid("delta") })).grants.find((g) => g.kind === "MEMBER" && g.capabilities.join() === "view,run");
    await ed.resources.revoke({ resourceId: rid("delta"), grantId: ottos!.id });
    expect(await outcome((await as("otto")).resources.get({ resourceId: rid("delta") }))).toBe("NOT_FOUND");
  });

  it("run writes activity seen by those who see the resource, and the chart counts today's runs", async () => {
    const tom = await as("tom");
    const gwen = await as("gwen");
    const uma = await as("uma");
    await tom.resources.act({ resourceId: rid("bravo"), action: "run", note: "nightly" });
    await gwen.resources.act({ resourceId: rid("alpha"), action: "run" });

    const runs = async (caller: Caller) =>
      (await caller.resources.activity({ page: 1, pageSize: 200 })).rows
        .filter((a) => a.action === "run")
        .map((a) => `${a.resource.name} by ${a.actorName}`)
        .sort();
    expect(await runs(tom)).toEqual(["bravo by tom"]);
    expect(await runs(gwen)).toEqual(["alpha by gwen", "bravo by tom"]);
    expect(await runs(uma)).toEqual(["alpha by gwen"]);
    expect(await runs(await as("otto"))).toEqual([]);
    // Access changes are activity too; the runs are what this checks.
    const bravo = await tom.resources.activity({ resourceId: rid("bravo") });
    expect(bravo.rows.filter((a) => a.action !== "access")).toEqual([
      expect.objectContaining({ action: "run", actorName: "tom", detail: "nightly", resource: expect.objectContaining({ id: rid("bravo") }) }),
    ]);
    expect(await outcome(uma.resources.activity({ resourceId: rid("bravo") }))).toBe("NOT_FOUND");

    expect(await gwen.resources.chart({ resourceId: rid("bravo"), days: 1 })).toEqual([{ day: today(), succeeded: 0, failed: 0, running: 1 }]);
    const week = await gwen.resources.chart({ days: 7 });
    expect(week).toHaveLength(7);
    expect(week[6]).toEqual({ day: today(), succeeded: 0, failed: 0, running: 2 });
    expect(week.slice(0, -1).every((d) => d.succeeded + d.failed + d.running === 0)).toBe(true);
    expect((await tom.resources.chart({ days: 1 }))[0]).toEqual({ day: today(), succeeded: 0, failed: 0, running: 1 });
    expect((await uma.resources.chart({ days: 1 }))[0]).toEqual({ day: today(), succeeded: 0, failed: 0, running: 1 });
    expect((await (await as("otto")).resources.chart({ days: 1 }))[0]).toEqual({ day: today(), succeeded: 0, failed: 0, running: 0 });
    expect(await outcome(uma.resources.chart({ resourceId: rid("bravo"), days: 1 }))).toBe("NOT_FOUND");
    // Running needs Run: View only is not enough; a server cannot run at all.
    expect(await outcome(uma.resources.act({ resourceId: rid("alpha"), action: "run" }))).toBe("FORBIDDEN");
  });
});

// ==== Presets: exactly the right actions ======================================================

describe("every preset allows exactly its actions (Presetco)", () => {
  let po: BuiltOrg;
  const as = callers(() => po);
  const KEYS = Object.keys(PRESETS);
  const rid = new Map<string, string>();
  const key = (preset: string, priv: boolean) => `${preset}${priv ? "-private" : ""}`;

  beforeAll(async () => {
    let b = org(t.db, "Presetco").withTree("Ops").withMember("gwen", "group_admin").withMember("friend", "user", "Ops").withMember("stranger", "user", "Ops");
    for (const k of KEYS) b = b.withMember(k, "user", "Ops");
    po = await b.create();
    const gwen = await as("gwen");
    for (const k of KEYS) {
      for (const priv of [false, true]) {
        const { id } = await gwen.resources.create({ type: "job", name: key(k, priv), private: priv });
        rid.set(key(k, priv), id);
        await gwen.resources.grant({ resourceId: id, principal: { kind: "MEMBER", membershipId: po.member(k) }, capabilities: PRESETS[k]! });
      }
    }
  });

  it("each preset holder lists its two jobs, or only the non-private one without View", async () => {
    for (const k of KEYS) {
      const expected = PRESETS[k]!.includes("view") ? [key(k, false), key(k, true)] : [key(k, false)];
      expect({ k, names: await listAll(await as(k)) }).toEqual({ k, names: expected.sort() });
    }
  });

  for (const k of KEYS) {
    for (const priv of [false, true]) {
      const caps = PRESETS[k]!;
      // Rule 7: a private resource needs View (seed 003: the Access Manager does not see it).
      const visible = !priv || caps.includes("view");
      it(`${k} on a ${priv ? "private" : "non-private"} job`, async () => {
        const caller = await as(k);
        const resourceId = rid.get(key(k, priv))!;
        const expectOk = (ok: boolean) => (visible ? (ok ? "OK" : "FORBIDDEN") : "NOT_FOUND");
        if (visible) {
          const got = await caller.resources.get({ resourceId });
          expect(got.access.capabilities).toEqual(ordered(caps));
          expect(got.can).toEqual({
            edit: caps.includes("edit"),
            delete: caps.includes("admin"),
            share: caps.includes("share"),
            transfer: caps.includes("admin"),
          });
          expect(got.actions).toEqual(caps.includes("run") ? ["run"] : []);
        } else {
          expect(await outcome(caller.resources.get({ resourceId }))).toBe("NOT_FOUND");
        }
        expect(await outcome(caller.resources.act({ resourceId, action: "run" }))).toBe(expectOk(caps.includes("run")));
        expect(await outcome(caller.resources.update({ resourceId, name: key(k, priv), description: `edited by ${k}`, private: priv }))).toBe(
          expectOk(caps.includes("edit")),
        );
        // Share what one holds (the first of one's capabilities).
        const give: Cap[] = [caps[0]!];
        expect(
          await outcome(caller.resources.grant({ resourceId, principal: { kind: "MEMBER", membershipId: po.member("friend") }, capabilities: give })),
        ).toBe(expectOk(caps.includes("share")));
        expect(await outcome(caller.resources.delete({ resourceId }))).toBe(expectOk(caps.includes("admin")));
        if (visible && caps.includes("admin")) expect(await outcome(caller.resources.get({ resourceId }))).toBe("NOT_FOUND");
      });
    }
  }

  it("records what the allowed calls did, and only those", async () => {
    const rows = await t.db.resource.findMany({ where: { organizationId: po.id } });
    const byName = new Map(rows.map((r) => [r.name, r]));
    for (const k of KEYS) {
      for (const priv of [false, true]) {
        const caps = PRESETS[k]!;
        const visible = !priv || caps.includes("view");
        const r = byName.get(key(k, priv));
        if (visible && caps.includes("admin")) {
          expect(r).toBeUndefined();
          continue;
        }
        expect(r).toBeDefined();
        expect({ k, priv, description: r!.description }).toEqual({ k, priv, description: visible && caps.includes("edit") ? `edited by ${k}` : "" });
        const runs = await t.db.resourceActivity.count({ where: { resourceId: r!.id, action: "run" } });
        expect({ k, priv, runs }).toEqual({ k, priv, runs: visible && caps.includes("run") ? 1 : 0 });
        const friend = await t.db.grant.count({ where: { resourceId: r!.id, membershipId: po.member("friend") } });
        expect({ k, priv, friend }).toEqual({ k, priv, friend: visible && caps.includes("share") ? 1 : 0 });
      }
    }
  });

  it("a member without a grant finds nothing, private or not", async () => {
    const stranger = await as("stranger");
    expect(await listAll(stranger)).toEqual([]);
    for (const resourceId of rid.values()) {
      for (const call of [
        () => stranger.resources.get({ resourceId }),
        () => stranger.resources.act({ resourceId, action: "run" }),
        () => stranger.resources.update({ resourceId, name: "x", description: "", private: false }),
      ]) {
        expect(await outcome(call())).toBe("NOT_FOUND");
      }
    }
  });
});

// ==== Resource scope ==========================================================================

describe("a resource scope hides the other servers and storages, not jobs (Scopeco)", () => {
  let so: BuiltOrg;
  const as = callers(() => so);
  const rid = new Map<string, string>();
  const r = (name: string) => rid.get(name)!;
  const setScope = (login: string, names: string[]) => t.db.membership.update({ where: { id: so.member(login) }, data: { resourceScope: names.map(r) } });

  beforeAll(async () => {
    so = await org(t.db, "Scopeco").withMember("gwen", "group_admin").withMember("sid", "admin").withMember("sue", "user").create();
    const gwen = await as("gwen");
    for (const [name, type] of [
      ["s1", "server"],
      ["s2", "server"],
      ["st1", "storage"],
      ["j1", "job"],
    ] as const) {
      rid.set(name, (await gwen.resources.create({ type, name })).id);
    }
    const to = { kind: "MEMBER" as const, membershipId: so.member("sue") };
    await gwen.resources.grant({ resourceId: r("s1"), principal: to, capabilities: ["view"] });
    await gwen.resources.grant({ resourceId: r("s2"), principal: to, capabilities: ALL });
    await gwen.resources.grant({ resourceId: r("st1"), principal: to, capabilities: ALL });
    await gwen.resources.grant({ resourceId: r("j1"), principal: to, capabilities: PRESETS.run! });
  });

  it("without a scope, everything the grants and role give", async () => {
    expect(await listAll(await as("sid"))).toEqual(["j1", "s1", "s2", "st1"]);
    expect(await listAll(await as("sue"))).toEqual(["j1", "s1", "s2", "st1"]);
  });

  it("with a scope of one server, other servers and storages disappear from lists, get, act, activity and charts", async () => {
    await setScope("sid", ["s1"]);
    await setScope("sue", ["s1"]);
    const gwen = await as("gwen");
    // Before the scope hides st1, gwen restores from it and sue runs j1.
    await gwen.resources.act({ resourceId: r("st1"), action: "restore" });
    for (const login of ["sid", "sue"]) {
      const caller = await as(login);
      expect(await listAll(caller)).toEqual(["j1", "s1"]);
      for (const name of ["s2", "st1"]) {
        expect(await outcome(caller.resources.get({ resourceId: r(name) }))).toBe("NOT_FOUND");
        expect(await outcome(caller.resources.update({ resourceId: r(name), name, description: "", private: false }))).toBe("NOT_FOUND");
      }
      expect((await caller.resources.get({ resourceId: r("j1") })).id).toBe(r("j1"));
    }
    const sue = await as("sue");
    expect(await outcome(sue.resources.act({ resourceId: r("st1"), action: "restore" }))).toBe("NOT_FOUND");
    await sue.resources.act({ resourceId: r("j1"), action: "run" });
    const acts = (await sue.resources.activity({ page: 1, pageSize: 200 })).rows.filter((a) => a.action !== "access");
    expect(acts.map((a) => `${a.action} ${a.resource.name}`)).toEqual(["run j1"]);
    expect((await sue.resources.chart({ days: 1 }))[0]!.running).toBe(1);
    expect((await gwen.resources.chart({ days: 1 }))[0]!.running).toBe(2);

    // Explain says what the scope removes.
    const why = await gwen.resources.explain({ resourceId: r("s2"), membershipId: so.member("sue") });
    expect(why.visible).toBe(false);
    expect(why.paths).toEqual([expect.objectContaining({ kind: "grant", capabilities: ALL })]);
    expect(why.removed).toMatch(/scope/i);
    expect(why.scope).toMatch(/1 server/);
    const fine = await gwen.resources.explain({ resourceId: r("j1"), membershipId: so.member("sue") });
    expect(fine).toMatchObject({ visible: true, capabilities: ["view", "run"], removed: "" });
  });

  it("turning the scope off brings them back", async () => {
    await setScope("sid", []);
    await setScope("sue", []);
    expect(await listAll(await as("sid"))).toEqual(["j1", "s1", "s2", "st1"]);
    expect(await listAll(await as("sue"))).toEqual(["j1", "s1", "s2", "st1"]);
    expect((await (await as("sue")).resources.get({ resourceId: r("st1") })).actions).toEqual(["restore"]);
  });
});

// ==== Tenant isolation ========================================================================

describe("another organization's resources are NOT_FOUND and never listed (rule 1)", () => {
  let acme: BuiltOrg;
  let globex: BuiltOrg;
  let theirs: string;
  let their: { grantId: string };
  let ours: string;

  beforeAll(async () => {
    acme = await org(t.db, "Acme2").withMember("gwen", "group_admin").withMember("ada", "admin").create();
    globex = await org(t.db, "Globex").withMember("gil", "user").create();
    const g = await globex.signIn("owner");
    theirs = (await g.resources.create({ type: "job", name: "globex-secret" })).id;
    await g.resources.create({ type: "server", name: "globex-server" });
    their = {
      grantId: (await g.resources.grant({ resourceId: theirs, principal: { kind: "MEMBER", membershipId: globex.member("gil") }, capabilities: ALL })).id,
    };
    ours = (await (await acme.signIn("gwen")).resources.create({ type: "job", name: "ours" })).id;
  });

  it("get, act, update, delete, grant, revoke, explain, access, activity, chart and transfer with their ids", async () => {
    for (const login of ["owner", "gwen", "ada"]) {
      const c = await acme.signIn(login);
      const calls = {
        get: () => c.resources.get({ resourceId: theirs }),
        act: () => c.resources.act({ resourceId: theirs, action: "run" }),
        update: () => c.resources.update({ resourceId: theirs, name: "mine", description: "", private: false }),
        delete: () => c.resources.delete({ resourceId: theirs }),
        grant: () => c.resources.grant({ resourceId: theirs, principal: { kind: "MEMBER", membershipId: acme.member(login) }, capabilities: ["view"] }),
        revoke: () => c.resources.revoke({ resourceId: theirs, grantId: their.grantId }),
        explainTheirs: () => c.resources.explain({ resourceId: theirs, membershipId: globex.member("gil") }),
        explainMine: () => c.resources.explain({ resourceId: theirs, membershipId: acme.member(login) }),
        access: () => c.resources.access({ resourceId: theirs }),
        activity: () => c.resources.activity({ resourceId: theirs }),
        chart: () => c.resources.chart({ resourceId: theirs }),
        transfer: () => c.resources.transfer({ resourceId: theirs, toMembershipId: acme.member(login) }),
      };
      for (const [what, call] of Object.entries(calls)) expect({ login, what, outcome: await outcome(call()) }).toEqual({ login, what, outcome: "NOT_FOUND" });
      const listed = await c.resources.list({ page: 1, pageSize: 200 });
      expect(listed.rows.map((r) => r.name)).toEqual(["ours"]);
      expect((await c.resources.activity({})).rows.every((a) => a.resource.id === ours)).toBe(true);
    }
    const theirGrant = await t.db.grant.findUniqueOrThrow({ where: { id: their.grantId } });
    expect(theirGrant.capabilities.length).toBe(ALL.length);
    expect((await t.db.resource.findUniqueOrThrow({ where: { id: theirs } })).ownerId).toBe(globex.member("owner"));
  });

  it("their members, teams and groups are not principals here, and our ids are NOT_FOUND to them", async () => {
    const gwen = await acme.signIn("gwen");
    const team = await (await globex.signIn("owner")).teams.create({ name: "Globex team" });
    for (const principal of [
      { kind: "MEMBER" as const, membershipId: globex.member("gil") },
      { kind: "TEAM" as const, teamId: team.id },
      { kind: "GROUP" as const, groupId: globex.group("") },
    ]) {
      expect(await outcome(gwen.resources.grant({ resourceId: ours, principal, capabilities: ["view"] }))).toBe("NOT_FOUND");
    }
    expect(await outcome(gwen.resources.explain({ resourceId: ours, membershipId: globex.member("gil") }))).toBe("NOT_FOUND");
    const gil = await globex.signIn("gil");
    expect(await outcome(gil.resources.get({ resourceId: ours }))).toBe("NOT_FOUND");
    expect((await gil.resources.list({})).rows.map((r) => r.name)).toEqual(["globex-secret"]);
  });
});

// ==== Teams: membership is a grant (rule 4) ===================================================

describe("adding to a team needs the power to grant what the team holds (Teamco)", () => {
  let to: BuiltOrg;
  const as = callers(() => to);
  const team = new Map<string, string>();
  const rid = new Map<string, string>();
  const membersOf = async (login: string, name: string) =>
    (await (await as(login)).teams.list())
      .find((x) => x.name === name)!
      .members.map((m) => m.name)
      .sort();

  beforeAll(async () => {
    to = await org(t.db, "Teamco")
      .withTree("Sales", "Engineering")
      .withMember("gwen", "group_admin")
      .withMember("dora", "group_data_admin")
      .withMember("ada", "admin")
      .withMember("gus", "group_admin", "Sales")
      .withMember("uma", "user", "Sales")
      .withMember("tom", "user", "Engineering")
      .withMember("otto", "user", "Engineering")
      .create();
    const owner = await as("owner");
    for (const name of ["Night", "Day", "Eve"]) team.set(name, (await owner.teams.create({ name })).id);
    await owner.teams.addMember({ teamId: team.get("Night")!, membershipId: to.member("otto") });
    await owner.teams.addMember({ teamId: team.get("Day")!, membershipId: to.member("uma") });
    await owner.teams.addMember({ teamId: team.get("Day")!, membershipId: to.member("tom") });
    const gwen = await as("gwen");
    // hotel belongs to dora, who holds a power ada (Admin) lacks: ada restores nothing of
    // hers, so hotel stays hidden from her (gwen's resources she sees as a restorer).
    const dora = await as("dora");
    rid.set("hotel", (await dora.resources.create({ type: "job", name: "hotel", private: true })).id);
    for (const [name, priv] of [
      ["india", false],
      ["juliet", false],
    ] as const)
      rid.set(name, (await gwen.resources.create({ type: "job", name, private: priv })).id);
    await dora.resources.grant({ resourceId: rid.get("hotel")!, principal: { kind: "TEAM", teamId: team.get("Night")! }, capabilities: PRESETS.run! });
    await gwen.resources.grant({ resourceId: rid.get("india")!, principal: { kind: "TEAM", teamId: team.get("Day")! }, capabilities: PRESETS.edit_run! });
    await gwen.resources.grant({ resourceId: rid.get("juliet")!, principal: { kind: "TEAM", teamId: team.get("Eve")! }, capabilities: PRESETS.run! });
    await gwen.resources.grant({ resourceId: rid.get("juliet")!, principal: { kind: "MEMBER", membershipId: to.member("ada") }, capabilities: PRESETS.full! });
  });

  it("an Admin without share on the team's resources cannot add, and is told what the team would give", async () => {
    const ada = await as("ada");
    const hidden = await refusal(ada.teams.addMember({ teamId: team.get("Night")!, membershipId: to.member("tom") }));
    expect(hidden.code).toBe("FORBIDDEN");
    expect(hidden.message).toContain("Run");
    expect(hidden.message).not.toContain("hotel"); // she does not see it: its name does not leak
    const seen = await refusal(ada.teams.addMember({ teamId: team.get("Day")!, membershipId: to.member("otto") }));
    expect(seen.code).toBe("FORBIDDEN");
    expect(seen.message).toContain("Edit & Run");
    expect(seen.message).toContain("india");
    // Adding oneself is the same side path.
    expect(await outcome(ada.teams.addMember({ teamId: team.get("Day")!, membershipId: to.member("ada") }))).toBe("FORBIDDEN");
    // The owner holds only View + Data (custodian) on them: not enough either.
    expect(await outcome((await as("owner")).teams.addMember({ teamId: team.get("Night")!, membershipId: to.member("tom") }))).toBe("FORBIDDEN");
    expect(await t.db.teamMember.count({ where: { teamId: { in: [...team.values()] } } })).toBe(3);
    expect(await outcome((await as("tom")).resources.get({ resourceId: rid.get("hotel")! }))).toBe("NOT_FOUND");
  });

  it("with share and every capability the team holds, adding works", async () => {
    const ada = await as("ada");
    expect(await outcome((await as("tom")).resources.get({ resourceId: rid.get("juliet")! }))).toBe("NOT_FOUND");
    await ada.teams.addMember({ teamId: team.get("Eve")!, membershipId: to.member("tom") });
    expect((await (await as("tom")).resources.get({ resourceId: rid.get("juliet")! })).access.capabilities).toEqual(["view", "run"]);
  });

  it("removing a member is allowed, and takes the team's access with it", async () => {
    expect(await listAll(await as("otto"))).toEqual(["hotel"]);
    await (await as("ada")).teams.removeMember({ teamId: team.get("Night")!, membershipId: to.member("otto") });
    expect(await listAll(await as("otto"))).toEqual([]);
  });

  it("team member lists show only members in the viewer's span", async () => {
    expect(await membersOf("ada", "Day")).toEqual(["tom", "uma"]);
    expect(await membersOf("gus", "Day")).toEqual(["uma"]);
    expect(await membersOf("gus", "Eve")).toEqual([]);
    expect(await outcome((await as("uma")).teams.list())).toBe("FORBIDDEN");
  });
});

// ==== Deleting a member who owns resources (rule 6, seed 004) =================================

describe("deleting a member who owns resources hands them over first (Handco)", () => {
  let ho: BuiltOrg;
  const as = callers(() => ho);
  const ids: string[] = [];
  const owners = async () => (await t.db.resource.findMany({ where: { id: { in: ids } }, orderBy: { name: "asc" } })).map((r) => r.ownerId);

  beforeAll(async () => {
    ho = await org(t.db, "Handco").withMember("gwen", "group_admin").withMember("ada", "admin").withMember("rec", "user").create();
    const gwen = await as("gwen");
    ids.push((await gwen.resources.create({ type: "job", name: "kilo", private: true })).id);
    ids.push((await gwen.resources.create({ type: "storage", name: "lima" })).id);
  });

  it("without a recipient: PRECONDITION_FAILED, and nothing changes", async () => {
    for (const login of ["ada", "owner"]) {
      const err = await refusal((await as(login)).members.delete({ membershipId: ho.member("gwen") }));
      expect({ login, code: err.code }).toEqual({ login, code: "PRECONDITION_FAILED" });
    }
    expect(await t.db.membership.count({ where: { id: ho.member("gwen") } })).toBe(1);
    expect(await owners()).toEqual([ho.member("gwen"), ho.member("gwen")]);
  });

  it("an Admin (no “Access members' data”) cannot hand them over: FORBIDDEN, nothing changes", async () => {
    const err = await refusal((await as("ada")).members.delete({ membershipId: ho.member("gwen"), transferResourcesTo: ho.member("rec") }));
    expect(err.code).toBe("FORBIDDEN");
    expect(await t.db.membership.count({ where: { id: ho.member("gwen") } })).toBe(1);
    expect(await owners()).toEqual([ho.member("gwen"), ho.member("gwen")]);
  });

  it("the Data Admin hands them to the recipient, who then owns them with Administrator", async () => {
    const rec = await as("rec");
    expect(await listAll(rec)).toEqual([]);
    await (await as("owner")).members.delete({ membershipId: ho.member("gwen"), transferResourcesTo: ho.member("rec") });
    expect(await t.db.membership.count({ where: { id: ho.member("gwen") } })).toBe(0);
    expect(await owners()).toEqual([ho.member("rec"), ho.member("rec")]);
    expect(await listAll(rec)).toEqual(["kilo", "lima"]);
    const kilo = await rec.resources.get({ resourceId: ids[0]! });
    expect(kilo.owner.isYou).toBe(true);
    expect(kilo.access.capabilities).toEqual(ALL);
  });
});

function fail(message: string): never {
  throw new Error(message);
}
