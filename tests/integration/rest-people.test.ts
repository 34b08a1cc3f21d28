// The REST API's people routes (members, groups, teams, invitations, audit log, roles,
// organization-wide access) through the real handler, with the typed client generated from
// the OpenAPI document (client/), as a script would call them: a route or an answer that
// drifts from the document fails to compile or to run here.
//
// The second half runs a sample of the authorization matrix twice, through REST with a token
// and through tRPC with a session of the same member, and compares the two case by case.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRPCError } from "@trpc/server";
import { stewardClient } from "@/client";
import { BUILT_IN_ROLES, builtInRole, CAPABILITIES } from "@/server/authz";
import { handleRestRequest } from "@/server/http/rest-handler";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
const db = () => t.db;

type Api = ReturnType<typeof stewardClient>;
type Session = Awaited<ReturnType<BuiltOrg["signIn"]>>;

const client = (token: string): Api => stewardClient({ baseUrl: "http://localhost:3000", token, fetch: (req) => handleRestRequest(req, db) });

/** A client with a fresh token of this member (who must hold “Use API tokens”). */
async function apiAs(built: BuiltOrg, login: string): Promise<Api> {
  const { secret } = await (await built.signIn(login)).tokens.create({ name: `${login}'s script` });
  return client(secret);
}

/** Every text of an error answer, to check that no schema path or zod wording leaks. */
const texts = (error: unknown) => JSON.stringify(error);

const TECHNICIAN = builtInRole("support_technician");

// Globex's ids: another organization's, each answered 404 in Acme.
const other = { member: "", group: "", team: "", invitation: "", grant: "" };

let api: Api; // Acme's owner
let ownerSession: Session;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withRole({
      name: "Technician with API tokens",
      rank: 79.5,
      reach: "ORGANIZATION",
      permissions: [...TECHNICIAN.permissions, "tokens.use"],
      ceiling: [...CAPABILITIES],
    })
    .withMember("gina", "group_data_admin", "Sales")
    .withMember("tess", "Technician with API tokens", "Sales")
    .withMember("ulla", "user", "Sales/EMEA")
    .withMember("uwe", "user", "Engineering")
    .create();
  globex = await org(t.db, "Globex").withTree("Ops").withMember("gus", "user", "Ops").create();
  const g = await globex.signIn("owner");
  other.member = globex.member("gus");
  other.group = globex.group("Ops");
  other.team = (await g.teams.create({ name: "Night shift", description: "" })).id;
  other.invitation = (
    await g.invitations.invite({ emails: ["guest@globex.test"], roleId: globex.role("user"), groupId: globex.group("Ops") })
  )[0]!.invitationId!;
  other.grant = (
    await g.organizationAccess.set({ principal: { kind: "TEAM", teamId: other.team }, scope: "server", capabilities: ["view"], mayCreate: false })
  ).id;
  ownerSession = await acme.signIn("owner");
  api = await apiAs(acme, "owner");
}, 120_000);
afterAll(() => t.close());

const at = (membershipId: string) => ({ params: { path: { membershipId } } });

/** A member added through the API, as its id and email. */
async function newMember(name: string, group = "Sales", role = "user") {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@acme.test`;
  const { data } = await api.POST("/members", { body: { email, name, groupId: acme.group(group), roleId: acme.role(role) } });
  return { id: data!.membershipId, email };
}

async function member(id: string) {
  const { data, response } = await api.GET("/members/{membershipId}", at(id));
  expect(response.status).toBe(200);
  return data!;
}

describe("members", () => {
  it("creates a member, lists, gets and edits them", async () => {
    const created = await api.POST("/members", {
      body: { email: "Nina@Acme.test", name: "Nina", groupId: acme.group("Sales"), roleId: acme.role("user") },
    });
    expect(created.response.status).toBe(200);
    expect(created.data).toEqual({ membershipId: expect.any(String), email: "nina@acme.test", oneTimePassword: expect.any(String) });
    const id = created.data!.membershipId;

    const list = await api.GET("/members", { params: { query: { search: "nina", pageSize: 10, sort: "email", direction: "desc", status: "ACTIVE" } } });
    expect(list.data).toMatchObject({ total: 1, page: 1, pageSize: 10, manages: true });
    const row = list.data!.rows[0]!;
    expect(row).toMatchObject({
      id,
      name: "Nina",
      email: "nina@acme.test",
      username: null,
      status: "ACTIVE",
      isOwner: false,
      isSelf: false,
      role: { id: acme.role("user"), name: "User" },
      group: { id: acme.group("Sales"), name: "Sales" },
      lastSignInAt: null,
      can: { changeRole: true, changeGroup: true, setStatus: true },
    });
    expect(new Date(row.createdAt).toISOString()).toBe(row.createdAt);

    // Numbers in the query string are read as numbers: the second page of one.
    const paged = await api.GET("/members", { params: { query: { pageSize: 1, page: 2, sort: "createdAt" } } });
    expect(paged.data).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.data!.rows).toHaveLength(1);

    const edited = await api.PATCH("/members/{membershipId}", { ...at(id), body: { name: "Nina Simone", email: "nina@acme.test", company: "Acme Records" } });
    expect(edited.data).toEqual({ id });
    const got = await member(id);
    expect(got).toMatchObject({ name: "Nina Simone", company: "Acme Records", hasTwoFactor: false, ownedResources: 0, readOnly: null, resourceScope: [] });
    expect(got.can).toMatchObject({ edit: true, delete: true, resetCredentials: true });
    expect(got.policy?.values.minPasswordLength).toBe(10);
    expect(got.history.map((e) => e.action)).toEqual(["member.edit", "member.create"]);
  });

  it("changes a member's role, group and status, each seen afterwards", async () => {
    const { id } = await newMember("Rita");
    expect((await api.PUT("/members/{membershipId}/role", { ...at(id), body: { roleId: acme.role("group_support_technician") } })).data).toEqual({
      id,
      roleId: acme.role("group_support_technician"),
    });
    expect((await api.PUT("/members/{membershipId}/group", { ...at(id), body: { groupId: acme.group("Sales/EMEA") } })).data).toEqual({
      id,
      groupId: acme.group("Sales/EMEA"),
    });
    expect((await api.PUT("/members/{membershipId}/status", { ...at(id), body: { status: "DISABLED" } })).data).toEqual({ id, status: "DISABLED" });
    expect(await member(id)).toMatchObject({ role: { name: "Group Support Technician" }, group: { name: "EMEA" }, status: "DISABLED" });
    const disabled = await api.GET("/members", { params: { query: { status: "DISABLED", groupId: acme.group("Sales") } } });
    expect(disabled.data!.rows.map((r) => r.id)).toContain(id);
  });

  it("limits a member to chosen servers and lifts the limit", async () => {
    const { id: server } = await ownerSession.resources.create({ type: "server", name: "db-1" });
    const { id } = await newMember("Scott");
    const scoped = await api.PUT("/members/{membershipId}/resource-scope", { ...at(id), body: { resourceIds: [server] } });
    expect(scoped.data).toEqual({ membershipId: id, scope: [{ id: server, name: "db-1", type: "server" }] });
    expect((await member(id)).resourceScope).toEqual([{ id: server, name: "db-1", type: "server" }]);
    await api.PUT("/members/{membershipId}/resource-scope", { ...at(id), body: { resourceIds: [] } });
    expect((await member(id)).resourceScope).toEqual([]);
  });

  it("resets a password, ends sessions and turns off two-factor sign-in", async () => {
    const { id, email } = await newMember("Carl");
    await t.db.user.update({ where: { email }, data: { totpEnabledAt: new Date() } });
    expect((await member(id)).hasTwoFactor).toBe(true);
    const reset = await api.POST("/members/{membershipId}/reset-password", at(id));
    expect(reset.data).toEqual({ id, email, oneTimePassword: expect.any(String) });
    expect(reset.data!.oneTimePassword.length).toBeGreaterThanOrEqual(12);
    expect((await api.POST("/members/{membershipId}/end-sessions", at(id))).data).toEqual({ id });
    expect((await api.POST("/members/{membershipId}/disable-two-factor", at(id))).data).toEqual({ id });
    const after = await member(id);
    expect(after.hasTwoFactor).toBe(false);
    expect(after.history.map((e) => e.action)).toEqual(["member.disableTwoFactor", "member.endSessions", "member.resetPassword", "member.create"]);
    const again = await api.POST("/members/{membershipId}/disable-two-factor", at(id));
    expect(again.response.status).toBe(403);
    expect(again.error?.message).toBe("Carl has no two-factor sign-in to turn off.");
  });

  it("deletes a member; one who owns resources only with transferResourcesTo from the query (412 without)", async () => {
    const { id } = await newMember("Dora");
    expect((await api.DELETE("/members/{membershipId}", at(id))).data).toEqual({ id });
    expect((await api.GET("/members/{membershipId}", at(id))).response.status).toBe(404);

    const owner = await newMember("Otto");
    const { id: job } = await ownerSession.resources.create({ type: "job", name: "nightly backup" });
    await t.db.resource.update({ where: { id: job }, data: { ownerId: owner.id } });
    const refused = await api.DELETE("/members/{membershipId}", at(owner.id));
    expect(refused.response.status).toBe(412);
    expect(refused.error).toEqual({ code: "PRECONDITION_FAILED", message: "Otto owns 1 resource; choose who receives them before deleting." });
    const deleted = await api.DELETE("/members/{membershipId}", {
      params: { path: { membershipId: owner.id }, query: { transferResourcesTo: acme.member("owner") } },
    });
    expect(deleted.data).toEqual({ id: owner.id });
    const jobs = await api.GET("/resources", { params: { query: { type: "job", search: "nightly" } } });
    expect(jobs.data!.rows).toMatchObject([{ id: job, owner: { isYou: true } }]);
  });

  it("acts on several members at once, each with its own result", async () => {
    const a = await newMember("Bulk A");
    const b = await newMember("Bulk B");
    const owner = acme.member("owner");
    const status = await api.POST("/members/bulk/status", { body: { membershipIds: [a.id, b.id, owner], status: "DISABLED" } });
    expect(status.data).toEqual([
      { membershipId: a.id, name: "Bulk A", ok: true, message: "Disabled" },
      { membershipId: b.id, name: "Bulk B", ok: true, message: "Disabled" },
      { membershipId: owner, name: expect.any(String), ok: false, message: "You cannot disable or enable your own account from the admin pages." },
    ]);
    const role = await api.POST("/members/bulk/role", { body: { membershipIds: [a.id, b.id], roleId: acme.role("group_support_technician") } });
    expect(role.data!.map((r) => r.ok)).toEqual([true, true]);
    const group = await api.POST("/members/bulk/group", { body: { membershipIds: [a.id, b.id], groupId: acme.group("Engineering") } });
    expect(group.data).toEqual([
      { membershipId: a.id, name: "Bulk A", ok: true, message: "Moved" },
      { membershipId: b.id, name: "Bulk B", ok: true, message: "Moved" },
    ]);
    // Every member a filter matches, as the console's "select all N matching" sends it.
    const matching = await api.POST("/members/bulk/status", { body: { matching: { search: "bulk", groupId: acme.group("Engineering") }, status: "ACTIVE" } });
    expect(matching.data!.map((r) => [r.name, r.ok, r.message])).toEqual([
      ["Bulk A", true, "Enabled"],
      ["Bulk B", true, "Enabled"],
    ]);
    await api.POST("/members/bulk/status", { body: { membershipIds: [a.id, b.id], status: "DISABLED" } });
    const seen = await api.GET("/members", { params: { query: { search: "bulk", status: "DISABLED", groupId: acme.group("Engineering") } } });
    expect(seen.data!.rows.map((r) => [r.name, r.role.name])).toEqual([
      ["Bulk A", "Group Support Technician"],
      ["Bulk B", "Group Support Technician"],
    ]);
  });

  it("moves everything a member owns to another member", async () => {
    const from = await newMember("Mia");
    const to = await newMember("Max");
    const { id: job } = await ownerSession.resources.create({ type: "job", name: "reports" });
    await t.db.resource.update({ where: { id: job }, data: { ownerId: from.id } });
    const moved = await api.POST("/members/{fromMembershipId}/migrate-data", {
      params: { path: { fromMembershipId: from.id } },
      body: { toMembershipId: to.id },
    });
    expect(moved.data).toEqual({ count: 1, from: "Mia", to: "Max" });
    expect((await member(to.id)).ownedResources).toBe(1);
    expect((await member(from.id)).ownedResources).toBe(0);
    const nothing = await api.POST("/members/{fromMembershipId}/migrate-data", {
      params: { path: { fromMembershipId: from.id } },
      body: { toMembershipId: to.id },
    });
    expect(nothing.response.status).toBe(412);
    expect(nothing.error?.message).toBe("Mia owns no resources, so there is nothing to move.");
  });

  it("hands the organization to another Data Admin: only the owner may", async () => {
    const initech = await org(t.db, "Initech").withMember("dana", "data_admin").create();
    const owner = await apiAs(initech, "owner");
    const dana = await apiAs(initech, "dana");
    const refused = await dana.POST("/members/{membershipId}/transfer-ownership", at(initech.member("dana")));
    expect(refused.response.status).toBe(403);
    expect(refused.error?.message).toBe("Only the owner can transfer ownership of the organization.");
    const done = await owner.POST("/members/{membershipId}/transfer-ownership", at(initech.member("dana")));
    expect(done.data).toEqual({ id: initech.member("dana") });
    const seen = await dana.GET("/members/{membershipId}", at(initech.member("dana")));
    expect(seen.data).toMatchObject({ isOwner: true, isSelf: true });
  });

  it("answers invalid input 400 with each field's problem in words", async () => {
    const page = await api.GET("/members", { params: { query: { pageSize: 500 } } });
    expect(page.response.status).toBe(400);
    expect(page.error).toEqual({
      code: "BAD_REQUEST",
      message: "At most 200 members per page.",
      issues: [{ field: "pageSize", message: "At most 200 members per page." }],
    });
    const role = await api.PUT("/members/{membershipId}/role", { ...at(acme.member("ulla")), body: { roleId: "admin" } });
    expect(role.error).toEqual({
      code: "BAD_REQUEST",
      message: "Role id is not a valid id.",
      issues: [{ field: "roleId", message: "Role id is not a valid id." }],
    });
    const edit = await api.PATCH("/members/{membershipId}", { ...at(acme.member("ulla")), body: { name: " ", email: "ulla" } });
    expect(edit.response.status).toBe(400);
    expect(edit.error?.issues).toEqual([
      { field: "name", message: "Enter a name." },
      { field: "email", message: "Enter a valid email address." },
    ]);
  });

  it("answers 403 with the reason, 404 for another organization's member, 409 for a taken address", async () => {
    const tess = await apiAs(acme, "tess");
    const forbidden = await tess.PUT("/members/{membershipId}/role", { ...at(acme.member("ulla")), body: { roleId: acme.role("user") } });
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.error).toEqual({ code: "FORBIDDEN", message: "Your role Technician with API tokens does not have “Assign roles”." });
    for (const call of [
      api.GET("/members/{membershipId}", at(other.member)),
      api.PATCH("/members/{membershipId}", { ...at(other.member), body: { name: "Gus", email: "gus@globex.test" } }),
      api.DELETE("/members/{membershipId}", at(other.member)),
      api.POST("/members/{membershipId}/reset-password", at(other.member)),
    ]) {
      const { response, error } = await call;
      expect(response.status).toBe(404);
      expect(error?.code).toBe("NOT_FOUND");
    }
    const taken = await api.POST("/members", {
      body: { email: "ulla@acme.test", name: "Ulla again", groupId: acme.group("Sales"), roleId: acme.role("user") },
    });
    expect(taken.response.status).toBe(409);
    expect(taken.error).toEqual({ code: "CONFLICT", message: "ulla@acme.test is already a member of this organization." });
  });
});

describe("groups", () => {
  const group = (groupId: string) => ({ params: { path: { groupId } } });

  it("creates, renames, moves and deletes groups, each seen in the list", async () => {
    const root = acme.group("");
    const created = await api.POST("/groups", { body: { parentId: root, name: "Marketing" } });
    expect(created.data).toMatchObject({ name: "Marketing", parentId: root, depth: 1 });
    const marketing = created.data!.id;
    expect(created.data!.path).toBe(`/${root}/${marketing}/`);
    const duplicate = await api.POST("/groups", { body: { parentId: root, name: "Marketing" } });
    expect(duplicate.response.status).toBe(409);
    expect(duplicate.error?.message).toBe("A group named “Marketing” already exists there.");

    expect((await api.PATCH("/groups/{groupId}", { ...group(marketing), body: { name: "Brand" } })).data).toMatchObject({ id: marketing, name: "Brand" });
    const web = (await api.POST("/groups", { body: { parentId: root, name: "Web" } })).data!.id;
    const moved = await api.POST("/groups/{groupId}/move", { ...group(web), body: { newParentId: marketing } });
    expect(moved.data).toMatchObject({ id: web, parentId: marketing });
    const list = (await api.GET("/groups")).data!;
    expect(list.find((g) => g.id === marketing)).toMatchObject({ name: "Brand", subgroupCount: 1, memberCount: 0, can: { rename: true, delete: true } });
    expect(list.find((g) => g.id === web)).toMatchObject({ parentId: marketing, depth: 2 });

    expect((await api.DELETE("/groups/{groupId}", group(web))).data).toEqual({ id: web });
    expect((await api.GET("/groups")).data!.map((g) => g.id)).not.toContain(web);
  });

  it("reads and replaces a group's policy", async () => {
    const sales = acme.group("Sales");
    const before = await api.GET("/groups/{groupId}/policy", group(sales));
    expect(before.data).toMatchObject({
      group: { id: sales, name: "Sales", isRoot: false },
      canManage: true,
      effective: { values: { minPasswordLength: 10 } },
    });
    expect(before.data!.inherited).not.toBeNull();
    const settings = {
      twoFactor: null,
      minPasswordLength: 12,
      sessionLifetimeHours: null,
      invitationTtlDays: 3,
      allowedEmailDomains: ["acme.test"],
      tokenLifetimeDays: 30,
    };
    const set = await api.PUT("/groups/{groupId}/policy", { ...group(sales), body: { settings } });
    expect(set.data!.own).toEqual(settings);
    const after = await api.GET("/groups/{groupId}/policy", group(sales));
    expect(after.data!.effective.values).toMatchObject({
      minPasswordLength: 12,
      invitationTtlDays: 3,
      allowedEmailDomains: ["acme.test"],
      tokenLifetimeDays: 30,
    });
    expect(after.data!.effective.sources.minPasswordLength).toEqual({ groupId: sales, groupName: "Sales" });

    const bad = await api.PUT("/groups/{groupId}/policy", { ...group(sales), body: { settings: { ...settings, allowedEmailDomains: ["not a domain"] } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.issues).toEqual([{ field: "settings", message: "Enter domains such as example.com." }]);
    await api.PUT("/groups/{groupId}/policy", {
      ...group(sales),
      body: { settings: { twoFactor: null, minPasswordLength: null, sessionLifetimeHours: null, invitationTtlDays: null, allowedEmailDomains: null } },
    });
  });

  it("names a missing field in words, refuses with the reason, and keeps other organizations' groups out of sight", async () => {
    // @ts-expect-error: the typed client asks for the name; a script in another language may forget it.
    const missing = await api.POST("/groups", { body: { parentId: acme.group("") } });
    expect(missing.error).toEqual({ code: "BAD_REQUEST", message: "Name is required.", issues: [{ field: "name", message: "Name is required." }] });
    const tess = await apiAs(acme, "tess");
    const refused = await tess.DELETE("/groups/{groupId}", group(acme.group("Engineering")));
    expect(refused.response.status).toBe(403);
    expect(refused.error?.message).toBe("Your role Technician with API tokens does not have “Delete groups”.");
    for (const call of [
      api.GET("/groups/{groupId}/policy", group(other.group)),
      api.PATCH("/groups/{groupId}", { ...group(other.group), body: { name: "Mine" } }),
      api.DELETE("/groups/{groupId}", group(other.group)),
    ]) {
      expect((await call).response.status).toBe(404);
    }
  });
});

describe("teams", () => {
  const team = (teamId: string) => ({ params: { path: { teamId } } });
  const pair = (teamId: string, membershipId: string) => ({ params: { path: { teamId, membershipId } } });

  it("creates, updates, fills, empties and deletes a team", async () => {
    const { data } = await api.POST("/teams", { body: { name: "On call", groupId: acme.group("Sales") } });
    const id = data!.id;
    expect((await api.POST("/teams", { body: { name: "On call" } })).error).toEqual({ code: "CONFLICT", message: "There is already a team named On call." });
    expect((await api.PUT("/teams/{teamId}", { ...team(id), body: { name: "On-call", description: "Nights" } })).data).toEqual({ id });

    const ulla = acme.member("ulla");
    expect((await api.PUT("/teams/{teamId}/members/{membershipId}", pair(id, ulla))).data).toEqual({ teamId: id, membershipId: ulla });
    const listed = (await api.GET("/teams")).data!.find((x) => x.id === id);
    expect(listed).toMatchObject({ name: "On-call", description: "Nights", group: { name: "Sales" }, canManage: true, memberCount: 1 });
    expect(listed!.members).toEqual([{ membershipId: ulla, name: "ulla", email: "ulla@acme.test" }]);
    const twice = await api.PUT("/teams/{teamId}/members/{membershipId}", pair(id, ulla));
    expect(twice.response.status).toBe(409);
    expect(twice.error?.message).toBe("ulla is already in On-call.");

    expect((await api.DELETE("/teams/{teamId}/members/{membershipId}", pair(id, ulla))).data).toEqual({ teamId: id, membershipId: ulla });
    expect((await api.GET("/teams")).data!.find((x) => x.id === id)?.memberCount).toBe(0);
    expect((await api.DELETE("/teams/{teamId}", team(id))).data).toEqual({ id });
    expect((await api.GET("/teams")).data!.map((x) => x.id)).not.toContain(id);
  });

  it("keeps a team outside the group's members and other organizations' teams apart", async () => {
    const { data } = await api.POST("/teams", { body: { name: "Sales floor", groupId: acme.group("Sales") } });
    const outside = await api.PUT("/teams/{teamId}/members/{membershipId}", pair(data!.id, acme.member("uwe")));
    expect(outside.response.status).toBe(403);
    expect(outside.error?.message).toBe("uwe is in Engineering, outside Sales, the group Sales floor belongs to.");
    for (const call of [
      api.PUT("/teams/{teamId}", { ...team(other.team), body: { name: "Ours" } }),
      api.DELETE("/teams/{teamId}", team(other.team)),
      api.PUT("/teams/{teamId}/members/{membershipId}", pair(other.team, acme.member("ulla"))),
    ]) {
      expect((await call).response.status).toBe(404);
    }
  });
});

describe("invitations", () => {
  const invitation = (invitationId: string) => ({ params: { path: { invitationId } } });

  it("invites, lists by state, resends and revokes", async () => {
    const { data } = await api.POST("/invitations", {
      body: { emails: ["ivy@acme.test", "ulla@acme.test"], roleId: acme.role("user"), groupId: acme.group("Sales") },
    });
    expect(data).toEqual([
      { email: "ivy@acme.test", outcome: "invited", reason: "Invitation sent; it expires in 7 days.", invitationId: expect.any(String) },
      { email: "ulla@acme.test", outcome: "skipped", reason: "Already a member of this organization.", invitationId: null },
    ]);
    const id = data![0]!.invitationId!;
    const pending = await api.GET("/invitations", { params: { query: { state: "PENDING" } } });
    expect(pending.data!.rows.find((r) => r.id === id)).toMatchObject({
      email: "ivy@acme.test",
      state: "PENDING",
      role: "User",
      group: "Sales",
      sendCount: 1,
      acceptedAt: null,
      can: { resend: true, revoke: true },
    });
    const resent = await api.POST("/invitations/{invitationId}/resend", invitation(id));
    expect(resent.data).toMatchObject({ id, email: "ivy@acme.test" });
    expect(new Date(resent.data!.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await api.DELETE("/invitations/{invitationId}", invitation(id))).data).toEqual({ id, email: "ivy@acme.test" });
    const revoked = await api.GET("/invitations", { params: { query: { state: "REVOKED", pageSize: 5 } } });
    expect(revoked.data!.rows.find((r) => r.id === id)).toMatchObject({ state: "REVOKED", sendCount: 2, revokedBy: "Owner" });

    const again = await api.POST("/invitations/{invitationId}/resend", invitation(id));
    expect(again.response.status).toBe(412);
    expect(again.error?.message).toBe("This invitation was revoked; invite ivy@acme.test again instead.");
  });

  it("answers a mistyped address on its own, 400 naming an address past any length, and 404 for another organization's invitation", async () => {
    const mixed = await api.POST("/invitations", {
      body: { emails: ["ok@acme.test", "not an address"], roleId: acme.role("user"), groupId: acme.group("Sales") },
    });
    expect(mixed.response.status).toBe(200);
    expect(mixed.data!.map((r) => [r.email, r.outcome])).toEqual([
      ["ok@acme.test", "invited"],
      ["not an address", "skipped"],
    ]);
    expect(mixed.data![1]!.reason).toBe("Not a valid email address: nobody was invited at it.");

    const bad = await api.POST("/invitations", {
      body: { emails: ["ok2@acme.test", `${"x".repeat(320)}@acme.test`], roleId: acme.role("user"), groupId: acme.group("Sales") },
    });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toEqual({
      code: "BAD_REQUEST",
      message: "Email 2: An email address can be at most 320 characters.",
      issues: [{ field: "emails", message: "An email address can be at most 320 characters." }],
    });
    expect(texts(bad.error)).not.toMatch(/emails\.1|Invalid input/);
    expect((await api.DELETE("/invitations/{invitationId}", invitation(other.invitation))).response.status).toBe(404);
    expect((await api.POST("/invitations/{invitationId}/resend", invitation(other.invitation))).response.status).toBe(404);
  });
});

describe("audit log, roles and organization-wide access", () => {
  it("pages through the audit log with a cursor, filtered", async () => {
    const first = await api.GET("/audit-log", { params: { query: { action: "member.create", pageSize: 1 } } });
    expect(first.data!.rows).toHaveLength(1);
    const event = first.data!.rows[0]!;
    expect(event).toMatchObject({ action: "member.create", label: expect.any(String), actor: { name: "Owner" }, targetType: "Membership" });
    expect(new Date(event.at).toISOString()).toBe(event.at);
    const second = await api.GET("/audit-log", { params: { query: { action: "member.create", pageSize: 1, cursor: first.data!.nextCursor! } } });
    expect(second.data!.rows[0]!.id).not.toBe(event.id);

    const ulla = await api.GET("/audit-log", { params: { query: { targetId: acme.member("ulla") } } });
    expect(ulla.data!.rows.every((e) => e.targetId === acme.member("ulla"))).toBe(true);
    const bad = await api.GET("/audit-log", { params: { query: { from: "yesterday" } } });
    expect(bad.error?.issues).toEqual([{ field: "from", message: "Give the from date as YYYY-MM-DD." }]);
    const gina = await apiAs(acme, "gina");
    const refused = await gina.GET("/audit-log");
    expect(refused.error).toEqual({ code: "FORBIDDEN", message: "Your role Group Data Admin does not have “View audit log”." });
  });

  it("lists the roles", async () => {
    const { data } = await api.GET("/roles");
    expect(data![0]).toMatchObject({ name: "Data Admin", rank: 120, reach: "ORGANIZATION", builtIn: true, isYours: true, mayEdit: false });
    expect(data!.find((r) => r.name === "Technician with API tokens")).toMatchObject({ builtIn: false, mayEdit: true, holders: 1, mayAssign: true });
    const tess = await apiAs(acme, "tess");
    expect((await tess.GET("/roles")).response.status).toBe(403);
  });

  it("gives, changes and removes organization-wide access", async () => {
    const teamId = (await api.POST("/teams", { body: { name: "Operators" } })).data!.id;
    const given = await api.PUT("/organization-access", { body: { principal: { kind: "TEAM", teamId }, scope: "server", capabilities: ["view"] } });
    const id = given.data!.id;
    const changed = await api.PUT("/organization-access", { body: { principal: { kind: "TEAM", teamId }, scope: "server", capabilities: ["view", "run"] } });
    expect(changed.data).toEqual({ id });
    const list = await api.GET("/organization-access", { params: { query: { pageSize: 10 } } });
    expect(list.data!.rows.find((r) => r.id === id)).toMatchObject({
      scope: "server",
      kind: "TEAM",
      principal: { name: "Operators" },
      ref: { kind: "TEAM", teamId },
      capabilities: ["view", "run"],
      mayCreate: false,
      canChange: true,
    });
    expect(list.data!.yours["*"]?.capabilities).toEqual([...CAPABILITIES]);
    expect((await api.DELETE("/organization-access/{id}", { params: { path: { id } } })).data).toEqual({ id });
    expect((await api.GET("/organization-access")).data!.rows.map((r) => r.id)).not.toContain(id);
    expect((await api.DELETE("/organization-access/{id}", { params: { path: { id: other.grant } } })).response.status).toBe(404);
  });
});

// ---- The authorization sample: REST with a token, tRPC with a session --------------------

// Every built-in role acts. Those without “Use API tokens” cannot make a token (checked
// below), so a stand-in acts for them over both paths: a custom role with the same
// permissions and reach, just below the built-in role's rank, plus “Use API tokens”.
const STAND_IN = (r: (typeof BUILT_IN_ROLES)[number]) => `${r.name} with API tokens`;
const holdsTokens = (r: (typeof BUILT_IN_ROLES)[number]) => (r.permissions as readonly string[]).includes("tokens.use");

type Target = { id: string; email: string };
type RestAnswer = Promise<{ response: Response; error?: { message: string } }>;
type MemberAction = { permission: string; rest: (api: Api, target: Target) => RestAnswer; session: (session: Session, target: Target) => Promise<unknown> };

let umbrella: BuiltOrg;
const path = (target: Target) => at(target.id);

// Each action with arguments that change something when allowed.
const ACTIONS: Record<string, MemberAction> = {
  "role change": {
    permission: "members.assignRole",
    rest: (a, x) => a.PUT("/members/{membershipId}/role", { ...path(x), body: { roleId: umbrella.role("group_support_technician") } }),
    session: (s, x) => s.members.changeRole({ membershipId: x.id, roleId: umbrella.role("group_support_technician") }),
  },
  "group change": {
    permission: "members.assignGroup",
    rest: (a, x) => a.PUT("/members/{membershipId}/group", { ...path(x), body: { groupId: umbrella.group("Sales/EMEA/Paris") } }),
    session: (s, x) => s.members.changeGroup({ membershipId: x.id, groupId: umbrella.group("Sales/EMEA/Paris") }),
  },
  status: {
    permission: "members.setStatus",
    rest: (a, x) => a.PUT("/members/{membershipId}/status", { ...path(x), body: { status: "DISABLED" } }),
    session: (s, x) => s.members.setStatus({ membershipId: x.id, status: "DISABLED" }),
  },
  edit: {
    permission: "members.edit",
    rest: (a, x) => a.PATCH("/members/{membershipId}", { ...path(x), body: { name: "Renamed", email: x.email } }),
    session: (s, x) => s.members.edit({ membershipId: x.id, name: "Renamed", email: x.email }),
  },
  "reset password": {
    permission: "members.resetCredentials",
    rest: (a, x) => a.POST("/members/{membershipId}/reset-password", path(x)),
    session: (s, x) => s.members.resetPassword({ membershipId: x.id }),
  },
  "end sessions": {
    permission: "members.resetCredentials",
    rest: (a, x) => a.POST("/members/{membershipId}/end-sessions", path(x)),
    session: (s, x) => s.members.endSessions({ membershipId: x.id }),
  },
  "disable 2FA": {
    permission: "members.resetCredentials",
    rest: (a, x) => a.POST("/members/{membershipId}/disable-two-factor", path(x)),
    session: (s, x) => s.members.disableTwoFactor({ membershipId: x.id }),
  },
  delete: {
    permission: "members.delete",
    rest: (a, x) => a.DELETE("/members/{membershipId}", path(x)),
    session: (s, x) => s.members.delete({ membershipId: x.id }),
  },
  scope: {
    permission: "members.edit",
    rest: (a, x) => a.PUT("/members/{membershipId}/resource-scope", { ...path(x), body: { resourceIds: [] } }),
    session: (s, x) => s.members.setResourceScope({ membershipId: x.id, resourceIds: [] }),
  },
};

type Actor = { login: string; label: string; permissions: readonly string[]; isDataAdmin: boolean };
const ACTORS: Actor[] = [
  { login: "owner", label: "the owner (Data Admin)", permissions: builtInRole("data_admin").permissions, isDataAdmin: true },
  ...BUILT_IN_ROLES.map((r) => ({
    login: `as_${r.key}`,
    label: holdsTokens(r) ? r.name : STAND_IN(r),
    permissions: holdsTokens(r) ? r.permissions : [...r.permissions, "tokens.use"],
    isDataAdmin: r.key === "data_admin",
  })),
];

// Fresh targets are made for each case, one for each path, alike but for their address (the
// same name, so that the two answers' sentences are comparable). Actors are at home in Sales.
type Relation = "self" | "same group" | "subgroup" | "other branch" | "higher-ranked" | "owner" | "other organization";
const FRESH: Partial<Record<Relation, (actor: Actor) => { group: string; role: string; name: string }>> = {
  "same group": () => ({ group: "Sales", role: "user", name: "Sam Same" }),
  subgroup: () => ({ group: "Sales/EMEA", role: "user", name: "Sue Sub" }),
  "other branch": () => ({ group: "Engineering", role: "user", name: "Eve Elsewhere" }),
  // An Admin ranks above every actor but the Data Admins; for them, another Data Admin (equal rank).
  "higher-ranked": (actor) => ({ group: "Sales", role: actor.isDataAdmin ? "data_admin" : "admin", name: "Hank Higher" }),
};
const RELATIONS: Relation[] = ["self", "same group", "subgroup", "other branch", "higher-ranked", "owner", "other organization"];

/** The relations a case tries: all of them when the actor holds the action's permission (the
 * target then decides); otherwise two, since the permission gate decides before any target. */
function relationsFor(actor: Actor, action: MemberAction): Relation[] {
  const all = actor.permissions.includes(action.permission) ? RELATIONS : (["self", "same group"] as Relation[]);
  // The owner is its own "owner"; nobody ranks above the owner.
  return actor.login === "owner" ? all.filter((r) => r !== "owner" && r !== "higher-ranked") : all;
}

// The HTTP status of each tRPC code the sample meets (DESIGN.md's error vocabulary).
const STATUS: Record<string, number> = { OK: 200, BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, PRECONDITION_FAILED: 412 };

let seq = 0;
async function freshTargets(specs: Array<{ group: string; role: string; name: string }>): Promise<Target[]> {
  const emails = specs.map(() => `target-${++seq}@umbrella.test`);
  // With a second factor, so that turning it off is decided by who may, not by its absence.
  await t.db.user.createMany({ data: specs.map((s, i) => ({ email: emails[i]!, name: s.name, totpEnabledAt: new Date() })) });
  const users = new Map((await t.db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  await t.db.membership.createMany({
    data: specs.map((s, i) => ({
      userId: users.get(emails[i]!)!,
      organizationId: umbrella.id,
      groupId: umbrella.group(s.group),
      roleId: umbrella.role(s.role),
      status: "ACTIVE" as const,
    })),
  });
  const members = new Map(
    (
      await t.db.membership.findMany({
        where: { organizationId: umbrella.id, user: { email: { in: emails } } },
        select: { id: true, user: { select: { email: true } } },
      })
    ).map((m) => [m.user.email, m.id]),
  );
  return emails.map((email) => ({ id: members.get(email)!, email }));
}

describe("the authorization sample: a token does what a session of its member does", () => {
  beforeAll(async () => {
    let builder = org(t.db, "Umbrella").withTree("Sales/EMEA/Paris", "Engineering");
    for (const r of BUILT_IN_ROLES) {
      if (!holdsTokens(r)) {
        builder = builder.withRole({
          name: STAND_IN(r),
          rank: r.rank - 0.5,
          reach: r.reach,
          permissions: [...r.permissions, "tokens.use"],
          ceiling: [...CAPABILITIES],
        });
      }
      builder = builder.withMember(`as_${r.key}`, holdsTokens(r) ? r.key : STAND_IN(r), "Sales").withMember(`plain_${r.key}`, r.key, "Engineering");
    }
    umbrella = await builder.create();
  }, 120_000);

  it("only the roles holding “Use API tokens” make tokens: Data Admin, Group Data Admin, Bulk Exporter, Bulk Importer", async () => {
    const made: string[] = [];
    for (const r of BUILT_IN_ROLES) {
      const session = await umbrella.signIn(`plain_${r.key}`);
      const answer = await session.tokens.create({ name: "try" }).then(
        () => "made",
        (e: TRPCError) => `${e.code}: ${e.message}`,
      );
      if (answer === "made") made.push(r.name);
      else expect(answer).toBe(`FORBIDDEN: Your role ${r.name} does not have “Use API tokens”.`);
    }
    expect(made).toEqual(["Data Admin", "Bulk Exporter", "Bulk Importer", "Group Data Admin"]);
  });

  it("answers every case alike: allowed ⇔ 200, refused with code C ⇔ C's status, with the same message", async () => {
    const sessions = new Map<string, Session>();
    const apis = new Map<string, Api>();
    for (const actor of ACTORS) {
      const session = await umbrella.signIn(actor.login);
      sessions.set(actor.login, session);
      apis.set(actor.login, client((await session.tokens.create({ name: "matrix" })).secret));
    }
    const outsider = { id: globex.member("gus"), email: globex.email("gus") };
    const fixed = (actor: Actor, relation: Relation): Target | null =>
      relation === "self"
        ? { id: umbrella.member(actor.login), email: umbrella.email(actor.login) }
        : relation === "owner"
          ? { id: umbrella.member("owner"), email: umbrella.email("owner") }
          : relation === "other organization"
            ? outsider
            : null;

    const plan = ACTORS.flatMap((actor) =>
      Object.entries(ACTIONS).flatMap(([name, action]) => relationsFor(actor, action).map((relation) => ({ actor, name, action, relation }))),
    );
    const specs = plan.flatMap(({ actor, relation }) => {
      const spec = FRESH[relation]?.(actor);
      return spec ? [spec, spec] : [];
    });
    const fresh = await freshTargets(specs);

    const cases: Array<{ case: string; action: string; session: { code: string; message: string }; rest: { status: number; message: string } }> = [];
    for (const { actor, name, action, relation } of plan) {
      const [forSession, forRest] = FRESH[relation] ? [fresh.shift()!, fresh.shift()!] : [fixed(actor, relation)!, fixed(actor, relation)!];
      const session = await action.session(sessions.get(actor.login)!, forSession).then(
        () => ({ code: "OK", message: "" }),
        (e: TRPCError) => ({ code: e.code, message: e.message }),
      );
      const { response, error } = await action.rest(apis.get(actor.login)!, forRest);
      cases.push({ case: `${actor.label} → ${relation} → ${name}`, action: name, session, rest: { status: response.status, message: error?.message ?? "" } });
    }

    const disagreements = cases
      .filter((c) => STATUS[c.session.code] !== c.rest.status || c.session.message !== c.rest.message)
      .map((c) => `${c.case}: session ${c.session.code} “${c.session.message}”, REST ${c.rest.status} “${c.rest.message}”`);
    expect(disagreements).toEqual([]);

    // The sample means something only if each action is both allowed and refused in it.
    for (const name of Object.keys(ACTIONS)) {
      const ofAction = cases.filter((c) => c.action === name);
      expect({ action: name, allowed: ofAction.some((c) => c.session.code === "OK"), refused: ofAction.some((c) => c.session.code !== "OK") }).toEqual({
        action: name,
        allowed: true,
        refused: true,
      });
    }
    // ...and refusals of both kinds: seen but not managed (403), out of sight (404).
    expect(new Set(cases.map((c) => c.rest.status))).toEqual(new Set([200, 403, 404]));
  }, 600_000);
});
