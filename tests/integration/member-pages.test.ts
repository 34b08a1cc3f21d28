// The members list as the console pages it (issue 16): by cursor, forwards and backwards, in
// every order, each page equal to the same order read whole, and totals from the database's
// tallies equal to the decision; and the copies and tallies the database keeps for it follow
// every change of a user, group, role or membership, as far as deleting an organization.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { decideMemberAction } from "@/server/authz";
import { MEMBER_SORTS, memberListTuning } from "@/server/services/members";
import { purgeOrganization } from "@/server/services/tenants";
import { loadActor, memberFactsInclude, toMemberFacts } from "@/server/services/actor";
import { org, type BuiltOrg } from "../factories/org";
import { memberCopiesDrift } from "../support/member-copies";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;

type Caller = Awaited<ReturnType<BuiltOrg["signIn"]>>;
type ListInput = Parameters<Caller["members"]["list"]>[0];
type ListPage = Awaited<ReturnType<Caller["members"]["list"]>>;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA/Paris", "Sales/Americas", "Engineering/Platform")
    .withMember("adam", "admin")
    .withMember("sofia", "support")
    .withMember("dora", "group_data_admin", "Sales")
    .withMember("gary", "group_admin", "Sales")
    .withMember("gina", "group_admin", "Sales/EMEA")
    .withMember("theo", "group_support_technician", "Sales/EMEA/Paris")
    .withMember("ulla", "user", "Sales/EMEA/Paris")
    .withMember("uma", "user", "Sales/Americas")
    .withMember("vera", "user", "Sales", "DISABLED")
    .withMember("ivan", "user", "Sales/EMEA", "INVITED")
    .withMember("mo", "user", "Sales/EMEA/Paris")
    .withMember("mia", "user", "Sales/Americas")
    .withMember("uwe", "user", "Engineering")
    .withMember("ursula", "user", "Engineering/Platform")
    .withMember("ulf", "user", "Engineering/Platform")
    .create();
  // Ties: two members of one name, so that the id must break them in every order.
  await t.db.user.update({ where: { email: acme.email("ulf") }, data: { name: "mo" } });
  await t.db.user.update({ where: { email: acme.email("ulla") }, data: { name: "Ulla Berg" } });
});
afterAll(() => t.close());

/** The whole list in one read: the order every paging must reproduce. */
async function whole(caller: Caller, input: ListInput) {
  const page = await caller.members.list({ ...input, pageSize: 200 });
  expect(page.rows.length).toBe(page.total);
  return page.rows.map((r) => r.id);
}

/** Next from the first page to the last, then Previous from the last page back to the first. */
async function walk(caller: Caller, input: ListInput, pageSize: number) {
  const forwards: string[] = [];
  let page: ListPage = await caller.members.list({ ...input, pageSize });
  expect(page.prevCursor).toBeNull();
  for (let guard = 0; ; guard++) {
    expect(guard).toBeLessThan(100);
    forwards.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) break;
    page = await caller.members.list({ ...input, pageSize, cursor: page.nextCursor });
  }
  // Backwards, the first page comes full: it may repeat rows of the page after it.
  const backwards: string[] = [];
  page = await caller.members.list({ ...input, pageSize, last: true });
  expect(page.nextCursor).toBeNull();
  for (let guard = 0; ; guard++) {
    expect(guard).toBeLessThan(100);
    backwards.unshift(...page.rows.map((r) => r.id).filter((id) => !backwards.includes(id)));
    if (!page.prevCursor) break;
    page = await caller.members.list({ ...input, pageSize, cursor: page.prevCursor });
  }
  expect(page.rows.map((r) => r.id)).toEqual(forwards.slice(0, pageSize));
  return { forwards, backwards, totals: page.total };
}

describe("paging by cursor", () => {
  it.each([
    ["sorting the few matches", 2_000],
    ["walking the order's index", 0],
  ])("walks every order both ways, for viewers of every reach, exactly as the whole list reads (%s)", async (_, fewMembers) => {
    const before = memberListTuning.fewMembers;
    memberListTuning.fewMembers = fewMembers;
    onTestFinished(() => void (memberListTuning.fewMembers = before));
    const facts = (await t.db.membership.findMany({ where: { organizationId: acme.id }, include: memberFactsInclude })).map(toMemberFacts);
    for (const login of ["owner", "adam", "sofia", "gary", "gina"]) {
      const caller = await acme.signIn(login);
      const actor = await loadActor(t.db, (await t.db.membership.findUniqueOrThrow({ where: { id: acme.member(login) } })).userId, acme.slug);
      const expected = facts.filter((m) => decideMemberAction(actor, m, "view").allowed).map((m) => m.membershipId);
      expect(expected.length).toBeGreaterThan(3);
      for (const sort of MEMBER_SORTS) {
        for (const direction of ["asc", "desc"] as const) {
          const input = { sort, direction };
          const order = await whole(caller, input);
          expect([...order].sort(), `${login} ${sort} ${direction}`).toEqual([...expected].sort());
          const { forwards, backwards, totals } = await walk(caller, input, 3);
          expect(forwards, `${login} forwards by ${sort} ${direction}`).toEqual(order);
          expect(backwards, `${login} backwards by ${sort} ${direction}`).toEqual(order);
          expect(totals).toBe(order.length);
        }
      }
      // Descending is the exact reverse of ascending, ties included.
      expect(await whole(caller, { sort: "name", direction: "desc" })).toEqual((await whole(caller, { sort: "name", direction: "asc" })).reverse());
    }
  });

  it("keeps filters across pages, and a page by number agrees with the cursor's", async () => {
    const owner = await acme.signIn("owner");
    const input = { groupId: acme.group("Sales"), status: "ACTIVE" as const, sort: "role" as const };
    const order = await whole(owner, input);
    expect(order.length).toBeGreaterThan(4);
    expect((await walk(owner, input, 2)).forwards).toEqual(order);
    const second = await owner.members.list({ ...input, pageSize: 2, page: 2 });
    expect(second.rows.map((r) => r.id)).toEqual(order.slice(2, 4));
    expect(second.prevCursor).not.toBeNull();
    const third = await owner.members.list({ ...input, pageSize: 2, cursor: second.nextCursor! });
    expect(third).toMatchObject({ page: null, total: order.length });
    expect(third.rows.map((r) => r.id)).toEqual(order.slice(4, 6));
  });

  it("goes on from where a page ended when its last row is gone, and fills a previous page that lost rows", async () => {
    const doomed = await org(t.db, "Doomed Corp")
      .withTree("Ops")
      .withMember("a1", "user", "Ops")
      .withMember("a2", "user", "Ops")
      .withMember("a3", "user", "Ops")
      .withMember("a4", "user", "Ops")
      .withMember("a5", "user", "Ops")
      .create();
    const boss = await doomed.signIn("owner");
    const first = await boss.members.list({ pageSize: 2, sort: "email" });
    const order = await whole(boss, { sort: "email" });
    await boss.members.delete({ membershipId: first.rows[1]!.id });
    const next = await boss.members.list({ pageSize: 2, sort: "email", cursor: first.nextCursor! });
    expect(next.rows.map((r) => r.id)).toEqual(order.slice(2, 4));
    // Back from the third page when the first lost a row: the first page, full, with nothing before it.
    await boss.members.delete({ membershipId: order[0]! });
    const previous = await boss.members.list({ pageSize: 2, sort: "email", cursor: next.prevCursor! });
    expect(previous.prevCursor).toBeNull();
    expect(previous.rows.map((r) => r.id)).toEqual(order.slice(2, 4));
  });

  it("refuses a cursor that is not one, or belongs to another order, with a sentence", async () => {
    const owner = await acme.signIn("owner");
    await expect(owner.members.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This page link is not valid: start again from the first page.",
    });
    const byName = await owner.members.list({ pageSize: 2 });
    await expect(owner.members.list({ pageSize: 2, sort: "email", cursor: byName.nextCursor! })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This page link belongs to another order of the list: start again from the first page.",
    });
    await expect(owner.members.list({ pageSize: 2, direction: "desc", cursor: byName.nextCursor! })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const forged = Buffer.from(JSON.stringify({ list: "members", towards: "after", sort: "name", direction: "asc", keys: [{ "?": 1 }, "x"] })).toString(
      "base64url",
    );
    await expect(owner.members.list({ cursor: forged })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Well-formed, but a key the column cannot hold: refused before the database sees it.
    for (const [sort, keys] of [
      ["createdAt", ["yesterday", "x"]],
      ["role", ["high", "x", "y"]],
      ["status", ["GONE", "x", "y"]],
      ["name", [5, "x"]],
    ] as const) {
      const cursor = Buffer.from(JSON.stringify({ list: "members", towards: "before", sort, direction: "asc", keys })).toString("base64url");
      await expect(owner.members.list({ sort, cursor }), sort).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "This page link is not valid: start again from the first page.",
      });
    }
  });
});

describe("totals from the tallies", () => {
  it("equal the decision for every viewer under every filter, and a search's count is exact below the cap", async () => {
    const facts = (await t.db.membership.findMany({ where: { organizationId: acme.id }, include: memberFactsInclude })).map((m) => ({
      ...toMemberFacts(m),
      status: m.status,
      roleId: m.roleId,
    }));
    const groups = await t.db.group.findMany({ where: { organizationId: acme.id } });
    const roles = [...new Set(facts.map((f) => f.roleId))];
    for (const login of ["owner", "adam", "gary", "gina", "theo"]) {
      const caller = await acme.signIn(login);
      const actor = await loadActor(t.db, (await t.db.membership.findUniqueOrThrow({ where: { id: acme.member(login) } })).userId, acme.slug);
      const seen = facts.filter((m) => decideMemberAction(actor, m, "view").allowed);
      const total = async (input: ListInput) => (await caller.members.list({ ...input, pageSize: 1 })).total;
      expect(await total({}), login).toBe(seen.length);
      for (const status of ["ACTIVE", "INVITED", "DISABLED"] as const)
        expect(await total({ status }), `${login} ${status}`).toBe(seen.filter((m) => m.status === status).length);
      for (const roleId of roles) expect(await total({ roleId })).toBe(seen.filter((m) => m.roleId === roleId).length);
      for (const g of groups.filter((g) => actor.role.reach === "ORGANIZATION" || g.path.startsWith(actor.group.path))) {
        expect(await total({ groupId: g.id }), `${login} in ${g.name}`).toBe(seen.filter((m) => m.group.path.startsWith(g.path)).length);
      }
      const users = await t.db.membership.findMany({ where: { id: { in: seen.map((m) => m.membershipId) } }, include: { user: true } });
      const matching = users.filter((m) => /u/i.test(m.user.name) || m.user.email.includes("u") || m.user.username?.includes("u")).map((m) => m.id);
      const search = await caller.members.list({ search: "U", pageSize: 200 });
      expect(search).toMatchObject({ total: matching.length, totalExact: true });
      expect(search.rows.map((r) => r.id).sort()).toEqual(matching.sort());
    }
  });
});

describe("the database's copies and tallies", () => {
  it("follow renames, new addresses, moved and renamed groups, re-ranked roles, status changes and deletions", async () => {
    const o = await org(t.db, "Initech")
      .withTree("A/B/C", "D")
      .withMember("peter", "user", "A/B/C")
      .withMember("samir", "user", "A/B")
      .withMember("milton", "user", "D", "DISABLED")
      .withMember("lumbergh", "group_admin", "A")
      .create();
    const owner = await o.signIn("owner");
    const check = async (step: string) => expect(await memberCopiesDrift(t.db, o.id), step).toBeNull();
    await check("created");

    await owner.members.edit({ membershipId: o.member("peter"), name: "Peter Gibbons", email: "peter.gibbons@initech.test" });
    await check("member edited");
    await owner.groups.rename({ groupId: o.group("A/B"), name: "Bravo" });
    await check("group renamed");
    await owner.groups.move({ groupId: o.group("A/B"), newParentId: o.group("D") });
    await check("group moved");
    const list = await owner.members.list({ groupId: o.group("D"), pageSize: 50 });
    expect(list.rows.map((r) => r.name).sort()).toEqual(["Peter Gibbons", "milton", "samir"]);
    expect(list.total).toBe(3);

    const custom = await owner.roles.create({
      name: "Floor Lead",
      reach: "SUBTREE",
      permissions: ["members.view"],
      ceiling: ["view"],
      placeBelowRoleId: o.role("group_admin"),
    });
    await owner.members.changeRole({ membershipId: o.member("samir"), roleId: custom.id });
    await check("role changed");
    const role = await t.db.role.findUniqueOrThrow({ where: { id: custom.id } });
    await owner.roles.update({
      roleId: role.id,
      version: role.version,
      name: role.name,
      reach: role.reach,
      permissions: role.permissions as never,
      ceiling: role.ceiling as never,
      placeBelowRoleId: o.role("support_technician"),
    });
    expect((await t.db.role.findUniqueOrThrow({ where: { id: custom.id } })).rank).not.toBe(role.rank);
    await check("role re-ranked");

    await owner.members.setStatus({ membershipId: o.member("milton"), status: "ACTIVE" });
    await owner.members.bulkSetStatus({ membershipIds: [o.member("peter"), o.member("samir")], status: "DISABLED" });
    await check("status changed");
    await owner.members.changeGroup({ membershipId: o.member("milton"), groupId: o.group("A") });
    await check("member moved");
    await owner.members.delete({ membershipId: o.member("milton") });
    await check("member deleted");
    await owner.groups.create({ parentId: o.group("A"), name: "Empty" });
    const empty = await t.db.group.findFirstOrThrow({ where: { organizationId: o.id, name: "Empty" } });
    await owner.groups.delete({ groupId: empty.id });
    await check("group created and deleted");

    await t.db.organization.update({ where: { id: o.id }, data: { deletedAt: new Date() } });
    await purgeOrganization(t.db, o.id, 1);
    expect(await t.db.organization.count({ where: { id: o.id } })).toBe(0);
    expect(await t.db.memberTally.count({ where: { organizationId: o.id } })).toBe(0);
  });
});
