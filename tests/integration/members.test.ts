// The members list and role/group changes through tRPC callers signed in with real
// credentials: span (rule 3), no escalation (rule 4), tenant isolation (rule 1), audit (10).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
let orgViewerRoleId: string;

type Caller = Awaited<ReturnType<BuiltOrg["signIn"]>>;
type ListInput = Parameters<Caller["members"]["list"]>[0];

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA/Paris", "Sales/Americas", "Engineering/Platform")
    .withMember("adam", "admin")
    .withMember("sofia", "support")
    .withMember("rita", "support_restore")
    .withMember("tess", "support_technician")
    .withMember("bex", "bulk_exporter")
    .withMember("bim", "bulk_importer")
    .withMember("dora", "group_data_admin", "Sales")
    .withMember("gary", "group_admin", "Sales")
    .withMember("gina", "group_admin", "Sales/EMEA")
    .withMember("rosa", "group_support_restore", "Sales/EMEA")
    .withMember("theo", "group_support_technician", "Sales/EMEA/Paris")
    .withMember("egon", "group_admin", "Engineering")
    .withMember("ulla", "user", "Sales/EMEA/Paris")
    .withMember("uma", "user", "Sales/Americas")
    .withMember("vera", "user", "Sales", "DISABLED")
    .withMember("ivan", "user", "Sales/EMEA", "INVITED")
    .withMember("mo", "user", "Sales/EMEA/Paris")
    .withMember("mia", "user", "Sales/Americas")
    .withMember("uwe", "user", "Engineering")
    .withMember("ursula", "user", "Engineering/Platform")
    .create();
  globex = await org(t.db, "Globex").withTree("Labs").withMember("gil", "user", "Labs").create();
  await t.db.user.update({ where: { email: acme.email("ulla") }, data: { name: "ulla berg" } });
  await t.db.user.update({ where: { email: acme.email("uma") }, data: { name: "uma bergström" } });
  // Ranked below Group Admin and made only of powers a Group Admin holds, but organization-wide.
  const orgViewer = await t.db.role.create({
    data: { organizationId: acme.id, name: "Org Viewer", rank: 15, reach: "ORGANIZATION", permissions: ["members.view"] },
  });
  orgViewerRoleId = orgViewer.id;
});
afterAll(() => t.close());

const USERS = ["ivan", "mia", "mo", "ulla berg", "uma bergström", "ursula", "uwe", "vera"];
// Rule 3: seeing needs reach and a lower rank; managing also needs no power the viewer lacks.
const ADMIN_SEES = ["adam", "bex", "bim", "dora", "egon", "gary", "gina", "rita", "rosa", "sofia", "tess", "theo", ...USERS].sort();
const ADMIN_SEES_ONLY = ["bex", "bim", "dora"];
const SUPPORT_SEES = ["bex", "bim", "dora", "egon", "gary", "gina", "rita", "rosa", "sofia", "tess", "theo", ...USERS].sort();
const GARY_SEES = ["gary", "ivan", "mia", "mo", "rosa", "theo", "ulla berg", "uma bergström", "vera"];

async function names(caller: Caller, input: ListInput = {}) {
  const page = await caller.members.list({ pageSize: 200, ...input });
  expect(page.total).toBe(page.rows.length);
  return page.rows.map((r) => r.name).sort();
}

/** Everything a refused mutation could have touched, to compare before and after. */
async function snapshot() {
  const memberships = await t.db.membership.findMany({ select: { id: true, roleId: true, groupId: true, status: true }, orderBy: { id: "asc" } });
  return { memberships, audit: await t.db.auditEvent.count(), roles: await t.db.role.count() };
}

describe("who appears in the members list", () => {
  it("shows a Group Admin themselves and lower-ranked members of their subtree only", async () => {
    const gary = await acme.signIn("gary");
    expect(await names(gary)).toEqual(GARY_SEES);
    const page = await gary.members.list({});
    expect(page.rows.filter((r) => r.isSelf).map((r) => r.name)).toEqual(["gary"]);
  });

  it("shows an Admin everyone ranked below it, read-only those holding powers it lacks, and hides higher ranks", async () => {
    const adam = await acme.signIn("adam");
    const seen = await names(adam);
    expect(seen).toEqual(ADMIN_SEES);
    for (const hidden of ["owner", "Owner"]) expect(seen).not.toContain(hidden);
    const rows = (await adam.members.list({ pageSize: 200 })).rows;
    const readOnly = rows.filter((r) => !r.isSelf && !r.can.changeRole && !r.can.changeGroup && !r.can.setStatus).map((r) => r.name);
    expect(readOnly.sort()).toEqual(ADMIN_SEES_ONLY);
    const dora = await adam.members.get({ membershipId: acme.member("dora") });
    expect(dora.readOnly).toMatch(/dora holds .*Access members' data.*which your role Admin lacks/);
    expect((await adam.members.get({ membershipId: acme.member("gina") })).readOnly).toBeNull();
  });

  it("shows Support (view-only) everyone ranked below it, managing none of them", async () => {
    const sofia = await acme.signIn("sofia");
    expect(await names(sofia)).toEqual(SUPPORT_SEES);
    const rows = (await sofia.members.list({ pageSize: 200 })).rows;
    expect(rows.some((r) => r.can.changeRole || r.can.changeGroup || r.can.setStatus)).toBe(false);
  });

  it("shows a Data Admin everyone else of the organization and no one of another", async () => {
    const owner = await acme.signIn("owner");
    const all = await t.db.membership.count({ where: { organizationId: acme.id } });
    const page = await owner.members.list({ pageSize: 200 });
    expect(page.total).toBe(all);
    expect(page.rows.map((r) => r.name)).not.toContain("gil");
  });

  it("refuses the list to the User role (FORBIDDEN, naming the permission)", async () => {
    const ulla = await acme.signIn("ulla");
    await expect(ulla.members.list({})).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("View members") });
  });
});

describe("pagination, sorting and filtering in the database", () => {
  it("pages through the span with a stable total and no duplicates", async () => {
    const adam = await acme.signIn("adam");
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const res = await adam.members.list({ page, pageSize: 4, sort: "name" });
      expect(res).toMatchObject({ total: ADMIN_SEES.length, page, pageSize: 4 });
      expect(res.rows.length).toBe(page < 5 ? 4 : ADMIN_SEES.length - 16);
      seen.push(...res.rows.map((r) => r.name));
    }
    expect(seen).toEqual(ADMIN_SEES);
    const beyond = await adam.members.list({ page: 6, pageSize: 4 });
    expect(beyond).toMatchObject({ total: ADMIN_SEES.length, rows: [] });
  });

  it("sorts by name both ways and by role rank", async () => {
    const adam = await acme.signIn("adam");
    const desc = await adam.members.list({ pageSize: 200, sort: "name", direction: "desc" });
    expect(desc.rows.map((r) => r.name)).toEqual([...ADMIN_SEES].reverse());
    const byRank = await adam.members.list({ pageSize: 200, sort: "role", direction: "asc" });
    const ranks = byRank.rows.map((r) => r.role.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(byRank.rows.slice(0, USERS.length).map((r) => r.name)).toEqual(USERS);
    const byRankDesc = await adam.members.list({ pageSize: 200, sort: "role", direction: "desc" });
    expect(byRankDesc.rows.map((r) => r.name).slice(0, 4)).toEqual(["adam", "sofia", "rita", "tess"]);
    expect(byRankDesc.rows.map((r) => r.role.rank)).toEqual([...ranks].sort((a, b) => b - a));
  });

  it("searches names and emails case-insensitively", async () => {
    const adam = await acme.signIn("adam");
    expect(await names(adam, { search: "BERG" })).toEqual(["ulla berg", "uma bergström"]);
    expect(await names(adam, { search: "URSULA@ACME.TEST" })).toEqual(["ursula"]);
    expect(await names(adam, { search: "  Gin  " })).toEqual(["gina"]);
    expect(await names(adam, { search: "dora" })).toEqual(["dora"]);
  });

  it("filters by group (its whole subtree), role and status", async () => {
    const adam = await acme.signIn("adam");
    expect(await names(adam, { groupId: acme.group("Sales/EMEA") })).toEqual(["gina", "ivan", "mo", "rosa", "theo", "ulla berg"]);
    expect(await names(adam, { groupId: acme.group("Engineering") })).toEqual(["egon", "ursula", "uwe"]);
    expect(await names(adam, { roleId: acme.role("user") })).toEqual(USERS);
    expect(await names(adam, { roleId: acme.role("group_data_admin") })).toEqual(["dora"]);
    expect(await names(adam, { status: "DISABLED" })).toEqual(["vera"]);
    expect(await names(adam, { status: "INVITED" })).toEqual(["ivan"]);
    const gary = await acme.signIn("gary");
    expect(await names(gary, { groupId: acme.group("Sales/Americas"), roleId: acme.role("user") })).toEqual(["mia", "uma bergström"]);
  });

  it("answers a group outside reach with NOT_FOUND and an oversized page with BAD_REQUEST", async () => {
    const gary = await acme.signIn("gary");
    await expect(gary.members.list({ groupId: acme.group("Engineering") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gary.members.list({ groupId: acme.group("") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const adam = await acme.signIn("adam");
    await expect(adam.members.list({ groupId: globex.group("Labs") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(adam.members.list({ pageSize: 201 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "At most 200 members per page." });
    expect((await adam.members.list({ pageSize: 200 })).rows.length).toBe(ADMIN_SEES.length);
  });

  it("lets a role without “View members” change the role and group of members in its span, as the decisions say", async () => {
    // Found by the property test with random custom roles: changing a role or a group asked for
    // “View members” first (a rule outside server/authz), while disabling, editing or deleting did not.
    const mover = await org(t.db, "Mover")
      .withTree("Sales", "Engineering")
      .withRole({ name: "Mover", rank: 50, reach: "ORGANIZATION", permissions: ["members.assignRole", "members.assignGroup"], ceiling: ["view"] })
      .withRole({ name: "Guest", rank: 5, reach: "SELF", permissions: [], ceiling: ["view"] })
      .withMember("max", "Mover")
      .withMember("ulla", "user", "Sales")
      .withMember("adam", "admin", "Sales")
      .create();
    const max = await mover.signIn("max");
    await expect(max.members.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await max.members.changeRole({ membershipId: mover.member("ulla"), roleId: mover.role("Guest") });
    await max.members.changeGroup({ membershipId: mover.member("ulla"), groupId: mover.group("Engineering") });
    expect(await t.db.membership.findUniqueOrThrow({ where: { id: mover.member("ulla") } })).toMatchObject({
      roleId: mover.role("Guest"),
      groupId: mover.group("Engineering"),
    });
    // Ranked above: still not seen.
    await expect(max.members.changeGroup({ membershipId: mover.member("adam"), groupId: mover.group("Engineering") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("answers every group with NOT_FOUND to a role that reaches only its own account, even with “View members”", async () => {
    // Found by the consistency test with random custom roles: the filter's group lookup let the
    // asked id override "no group", so any group id of the organization answered with a list.
    const selfish = await org(t.db, "Selfish")
      .withTree("Sales")
      .withRole({ name: "Self Viewer", rank: 5, reach: "SELF", permissions: ["members.view"], ceiling: ["view"] })
      .withMember("sam", "Self Viewer", "Sales")
      .create();
    const sam = await selfish.signIn("sam");
    expect(await names(sam)).toEqual(["sam"]);
    for (const group of ["", "Sales"]) {
      await expect(sam.members.list({ groupId: selfish.group(group) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});

describe("changing a member's role", () => {
  it("gives a role within the rules and audits before and after", async () => {
    const gary = await acme.signIn("gary");
    const garyUser = await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("gary") } });
    await gary.members.changeRole({ membershipId: acme.member("mo"), roleId: acme.role("group_support_technician") });
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("mo") } })).roleId).toBe(acme.role("group_support_technician"));
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "member.changeRole", targetId: acme.member("mo") } });
    expect(event).toMatchObject({
      organizationId: acme.id,
      actorUserId: garyUser.userId,
      targetType: "Membership",
      before: { roleId: acme.role("user"), role: "User" },
      after: { roleId: acme.role("group_support_technician"), role: "Group Support Technician" },
    });
    await gary.members.changeRole({ membershipId: acme.member("mo"), roleId: acme.role("user") });
    expect(await t.db.auditEvent.count({ where: { action: "member.changeRole", targetId: acme.member("mo") } })).toBe(2);
  });

  it("refuses every escalation and every target outside the span, changing nothing", async () => {
    const [gary, adam, sofia] = await Promise.all([acme.signIn("gary"), acme.signIn("adam"), acme.signIn("sofia")]);
    const before = await snapshot();
    const refused = async (p: Promise<unknown>, code: string, message?: string) => {
      await expect(p).rejects.toMatchObject({ code, ...(message ? { message: expect.stringContaining(message) } : {}) });
      expect(await snapshot()).toEqual(before);
    };
    const mo = acme.member("mo");
    await refused(gary.members.changeRole({ membershipId: mo, roleId: acme.role("group_admin") }), "FORBIDDEN", "not ranked below");
    await refused(gary.members.changeRole({ membershipId: mo, roleId: acme.role("support_technician") }), "FORBIDDEN", "not ranked below");
    await refused(adam.members.changeRole({ membershipId: mo, roleId: acme.role("group_data_admin") }), "FORBIDDEN", "lacks");
    await refused(gary.members.changeRole({ membershipId: mo, roleId: orgViewerRoleId }), "FORBIDDEN", "whole organization");
    await refused(sofia.members.changeRole({ membershipId: mo, roleId: acme.role("user") }), "FORBIDDEN", "Assign roles");
    await refused(gary.members.changeRole({ membershipId: acme.member("uwe"), roleId: acme.role("group_support_technician") }), "NOT_FOUND");
    await refused(gary.members.changeRole({ membershipId: acme.member("gina"), roleId: acme.role("user") }), "NOT_FOUND");
    await refused(gary.members.changeRole({ membershipId: acme.member("dora"), roleId: acme.role("user") }), "NOT_FOUND");
    await refused(gary.members.changeRole({ membershipId: acme.member("gary"), roleId: acme.role("user") }), "FORBIDDEN", "your own account");
    await refused(adam.members.changeRole({ membershipId: acme.member("owner"), roleId: acme.role("user") }), "NOT_FOUND");
    // Seen, not managed: FORBIDDEN, naming the power.
    await refused(adam.members.changeRole({ membershipId: acme.member("dora"), roleId: acme.role("user") }), "FORBIDDEN", "Access members' data");
    await refused(adam.members.changeRole({ membershipId: acme.member("bim"), roleId: acme.role("user") }), "FORBIDDEN", "Bulk import");
    await refused(adam.members.changeRole({ membershipId: globex.member("gil"), roleId: acme.role("support") }), "NOT_FOUND");
    await refused(adam.members.changeRole({ membershipId: mo, roleId: globex.role("user") }), "NOT_FOUND");
    await refused(adam.members.changeRole({ membershipId: mo, roleId: globex.role("group_support_technician") }), "NOT_FOUND");
  });
});

describe("moving a member to another group", () => {
  it("moves within reach and audits the groups before and after", async () => {
    const gary = await acme.signIn("gary");
    await gary.members.changeGroup({ membershipId: acme.member("mia"), groupId: acme.group("Sales/EMEA/Paris") });
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("mia") } })).groupId).toBe(acme.group("Sales/EMEA/Paris"));
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "member.changeGroup", targetId: acme.member("mia") } });
    expect(event).toMatchObject({
      organizationId: acme.id,
      before: { groupId: acme.group("Sales/Americas"), group: "Americas" },
      after: { groupId: acme.group("Sales/EMEA/Paris"), group: "Paris" },
    });
    expect(await names(gary, { groupId: acme.group("Sales/EMEA/Paris") })).toContain("mia");
  });

  it("keeps a Group Admin's moves inside their subtree and refuses a role without “Assign groups”", async () => {
    const [gary, tess, adam] = await Promise.all([acme.signIn("gary"), acme.signIn("tess"), acme.signIn("adam")]);
    const before = await snapshot();
    const mia = acme.member("mia");
    await expect(gary.members.changeGroup({ membershipId: mia, groupId: acme.group("Engineering") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gary.members.changeGroup({ membershipId: mia, groupId: acme.group("") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gary.members.changeGroup({ membershipId: acme.member("uwe"), groupId: acme.group("Sales") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gary.members.changeGroup({ membershipId: mia, groupId: globex.group("Labs") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(adam.members.changeGroup({ membershipId: globex.member("gil"), groupId: acme.group("") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(tess.members.changeGroup({ membershipId: mia, groupId: acme.group("Sales") })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Assign groups"),
    });
    expect(await snapshot()).toEqual(before);
    await adam.members.changeGroup({ membershipId: mia, groupId: acme.group("Engineering/Platform") });
    expect(await names(gary)).not.toContain("mia");
    await expect(gary.members.changeGroup({ membershipId: mia, groupId: acme.group("Sales") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("malformed input", () => {
  it("answers BAD_REQUEST naming the field in words, and writes nothing", async () => {
    const adam = await acme.signIn("adam");
    const before = await snapshot();
    const bad = (p: Promise<unknown>, field: string) => expect(p).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(field) });
    await bad(adam.members.changeRole({ membershipId: "not an id", roleId: acme.role("user") }), "Member id is not a valid id.");
    await bad(adam.members.changeRole({ membershipId: acme.member("mo"), roleId: "'; drop table" }), "Role id is not a valid id.");
    await bad(adam.members.changeGroup({ membershipId: acme.member("mo"), groupId: "" }), "Group id is not a valid id.");
    await bad(adam.members.changeGroup({ membershipId: "x", groupId: acme.group("") }), "Member id is not a valid id.");
    await bad(adam.members.list({ groupId: "../etc" }), "Group id is not a valid id.");
    await bad(adam.members.list({ roleId: "nope" }), "Role id is not a valid id.");
    await bad(adam.members.list({ page: 0 }), "Page must be at least 1.");
    expect(await snapshot()).toEqual(before);
  });
});
