// The role sets of seeds 000 and 001 (server/authz/role-sets.ts) as their holders meet them,
// through tRPC: each organization adds its set from the Roles page (roles.addSet), placed as
// creation places it, just below the owner's role (tenants.test.ts and setup.test.ts add sets at
// creation and check names and places); the owner gives its roles to members, and each holder
// tries a few things their role's description allows and a few it does not. The expected
// outcomes come from those descriptions (docs/authority.md, "Role sets", and the seeds), and
// from the rules where the descriptions are silent (rule 4: only roles ranked below one's own;
// rule 7: private resources only through grants; "See all resources" gives View), never from
// server/authz.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { refusal, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
afterAll(() => t?.close());
beforeAll(async () => {
  t = await testDatabase();
});

/** Adds a seed's role set just below the owner's role, and answers its roles' ids by name. */
async function addSet(o: BuiltOrg, set: "seed-000" | "seed-001") {
  const owner = await o.signIn("owner");
  await owner.roles.addSet({ set, placeBelowRoleId: o.role("data_admin") });
  const roles = await owner.roles.list();
  return (name: string) => roles.find((r) => r.name === name)?.id ?? fail(`No role ${name}`);
}

function fail(message: string): never {
  throw new Error(message);
}

/** The call is refused with this code, and the reason names what refused it when given. */
async function refused(call: () => Promise<unknown>, code: "FORBIDDEN" | "NOT_FOUND", reason?: string) {
  expect(await refusal(call)).toMatchObject({ code, ...(reason ? { message: expect.stringContaining(reason) } : {}) });
}

describe("seed 000's Team member: no default role, only their own account and what their teams are granted", () => {
  let initech: BuiltOrg;
  let backup: string;
  let payroll: string;
  let team: string;
  beforeAll(async () => {
    initech = await org(t.db, "Initech").withTree("Ops").withMember("tara", "user", "Ops").withMember("ulla", "user", "Ops").create();
    const role = await addSet(initech, "seed-000");
    const owner = await initech.signIn("owner");
    await owner.members.changeRole({ membershipId: initech.member("tara"), roleId: role("Team member") });
    team = (await owner.teams.create({ name: "Night shift" })).id;
    await owner.teams.addMember({ teamId: team, membershipId: initech.member("tara") });
    backup = (await owner.resources.create({ type: "job", name: "backup" })).id;
    payroll = (await owner.resources.create({ type: "job", name: "payroll" })).id;
    await owner.resources.grant({ resourceId: backup, principal: { kind: "TEAM", teamId: team }, capabilities: ["view", "run"] });
  });

  it("is refused the Overview and the members pages, and keeps their own account", async () => {
    const tara = await initech.signIn("tara");
    await refused(() => tara.organization.overview(), "FORBIDDEN", "View overview");
    await refused(() => tara.console.members(), "FORBIDDEN", "View members");
    await refused(() => tara.members.list({}), "FORBIDDEN", "View members");
    await refused(() => tara.members.get({ membershipId: initech.member("ulla") }), "FORBIDDEN");
    await refused(() => tara.teams.list(), "FORBIDDEN");
    await refused(() => tara.groups.list(), "FORBIDDEN");
    expect((await tara.console.you()).you.role).toMatchObject({ name: "Team member", permissions: [] });
    expect((await tara.account.me()).organizations).toContainEqual(expect.objectContaining({ slug: initech.slug, role: "Team member" }));
  });

  it("sees and runs what their team is granted, and nothing else", async () => {
    const tara = await initech.signIn("tara");
    expect((await tara.resources.list({})).rows.map((r) => r.name)).toEqual(["backup"]);
    expect((await tara.resources.get({ resourceId: backup })).name).toBe("backup");
    await tara.resources.act({ resourceId: backup, action: "run" });
    await refused(() => tara.resources.get({ resourceId: payroll }), "NOT_FOUND");
    // It came from the team: out of the team, nothing is left.
    await (await initech.signIn("owner")).teams.removeMember({ teamId: team, membershipId: initech.member("tara") });
    expect((await tara.resources.list({})).rows).toEqual([]);
    await refused(() => tara.resources.get({ resourceId: backup }), "NOT_FOUND");
  });
});

describe("seed 001's Manager, Org Admin and Org Owner", () => {
  let initrode: BuiltOrg;
  let role: (name: string) => string;
  let deploy: string;
  let secret: string;
  let shared: string;
  beforeAll(async () => {
    initrode = await org(t.db, "Initrode")
      .withTree("Field")
      .withMember("mona", "user", "Field")
      .withMember("odin", "user", "Field")
      .withMember("olga", "user", "Field")
      .withMember("ulla", "user", "Field")
      .withMember("uwe", "user", "Field")
      .create();
    role = await addSet(initrode, "seed-001");
    const owner = await initrode.signIn("owner");
    for (const [login, name] of [
      ["mona", "Manager"],
      ["odin", "Org Admin"],
      ["olga", "Org Owner"],
      ["ulla", "Member"],
      ["uwe", "Member"],
    ] as const) {
      await owner.members.changeRole({ membershipId: initrode.member(login), roleId: role(name) });
    }
    deploy = (await owner.resources.create({ type: "job", name: "deploy" })).id;
    secret = (await owner.resources.create({ type: "job", name: "secret", private: true })).id;
    shared = (await owner.resources.create({ type: "job", name: "shared" })).id;
    for (const login of ["mona", "odin"]) {
      await owner.resources.grant({ resourceId: shared, principal: { kind: "MEMBER", membershipId: initrode.member(login) }, capabilities: ["admin"] });
    }
  });

  const roleOf = async (login: string) =>
    (await t.db.membership.findUniqueOrThrow({ where: { id: initrode.member(login) }, include: { role: true } })).role.name;

  it("Manager adds members, sets their role and deletes them (User Admin)", async () => {
    const mona = await initrode.signIn("mona");
    const created = await mona.members.create({ email: "newcomer@initrode.test", name: "Newcomer", groupId: initrode.group("Field"), roleId: role("Member") });
    await mona.members.changeRole({ membershipId: created.membershipId, roleId: role("Viewer") });
    expect(await t.db.membership.findUnique({ where: { id: created.membershipId }, include: { role: true } })).toMatchObject({ role: { name: "Viewer" } });
    await mona.members.delete({ membershipId: created.membershipId });
    expect(await t.db.membership.findUnique({ where: { id: created.membershipId } })).toBeNull();
  });

  it("Manager gives no role ranked above their own, manages no teams, creates no resources and sees only what ACLs give", async () => {
    const mona = await initrode.signIn("mona");
    await refused(() => mona.members.changeRole({ membershipId: initrode.member("ulla"), roleId: role("Org Admin") }), "FORBIDDEN", "at or above your own");
    expect(await roleOf("ulla")).toBe("Member");
    await refused(() => mona.teams.create({ name: "Managers" }), "FORBIDDEN", "Manage teams");
    await refused(() => mona.resources.create({ type: "job", name: "mine" }), "FORBIDDEN", "Create resources");
    await refused(() => mona.resources.get({ resourceId: deploy }), "NOT_FOUND");
    expect((await mona.resources.list({})).rows.map((r) => r.name)).toEqual(["shared"]);
  });

  it("Manager's ceiling is View and Run: Full access on the ACL runs a job, never edits or deletes it", async () => {
    const mona = await initrode.signIn("mona");
    await mona.resources.act({ resourceId: shared, action: "run" });
    await refused(() => mona.resources.update({ resourceId: shared, name: "renamed", description: "", private: false }), "FORBIDDEN", "“Edit”");
    await refused(() => mona.resources.delete({ resourceId: shared }), "FORBIDDEN");
  });

  it("Org Admin sees every resource but the private ones, creates resources and shares them, and runs what its ACL gives", async () => {
    const odin = await initrode.signIn("odin");
    expect((await odin.resources.list({})).rows.map((r) => r.name).sort()).toEqual(["deploy", "shared"]);
    expect((await odin.resources.get({ resourceId: deploy })).name).toBe("deploy");
    await refused(() => odin.resources.get({ resourceId: secret }), "NOT_FOUND");
    const task = await odin.resources.create({ type: "task", name: "odin's task" });
    await odin.resources.grant({ resourceId: task.id, principal: { kind: "MEMBER", membershipId: initrode.member("ulla") }, capabilities: ["view", "run"] });
    expect((await (await initrode.signIn("ulla")).resources.list({})).rows.map((r) => r.name)).toEqual(["odin's task"]);
    await odin.resources.act({ resourceId: shared, action: "run" });
    // Full Access is seeing ("See all resources" gives View); running takes a grant.
    await refused(() => odin.resources.act({ resourceId: deploy, action: "run" }), "FORBIDDEN", "“Run”");
  });

  it("Org Admin administers no members and no teams", async () => {
    const odin = await initrode.signIn("odin");
    await refused(() => odin.members.list({}), "FORBIDDEN", "View members");
    const newcomer = { email: "x@initrode.test", name: "X", groupId: initrode.group("Field"), roleId: role("Member") };
    await refused(() => odin.members.create(newcomer), "FORBIDDEN", "Create members");
    await refused(() => odin.members.changeRole({ membershipId: initrode.member("uwe"), roleId: role("Viewer") }), "FORBIDDEN", "Assign roles");
    await refused(() => odin.members.delete({ membershipId: initrode.member("uwe") }), "FORBIDDEN", "Delete members");
    await refused(() => odin.teams.create({ name: "Admins" }), "FORBIDDEN", "Manage teams");
    expect(await roleOf("uwe")).toBe("Member");
  });

  it("Org Owner administers members and teams, sees every resource but the private ones and creates resources", async () => {
    const olga = await initrode.signIn("olga");
    const created = await olga.members.create({ email: "hire@initrode.test", name: "Hire", groupId: initrode.group("Field"), roleId: role("Member") });
    await olga.members.changeRole({ membershipId: initrode.member("uwe"), roleId: role("Manager") });
    expect(await roleOf("uwe")).toBe("Manager");
    const team = await olga.teams.create({ name: "Field crew" });
    await olga.teams.addMember({ teamId: team.id, membershipId: created.membershipId });
    expect((await olga.resources.get({ resourceId: deploy })).name).toBe("deploy");
    await refused(() => olga.resources.get({ resourceId: secret }), "NOT_FOUND");
    const job = await olga.resources.create({ type: "job", name: "olga's job" });
    const listed = (await olga.resources.list({})).rows.map((r) => r.name);
    expect(listed).toEqual(expect.arrayContaining(["deploy", "olga's job", "shared"]));
    expect(listed).not.toContain("secret");
    await olga.resources.act({ resourceId: job.id, action: "run" });
  });

  it("Org Owner gives no role at or above their own, and holds no roles or settings powers", async () => {
    const olga = await initrode.signIn("olga");
    await refused(() => olga.members.changeRole({ membershipId: initrode.member("ulla"), roleId: role("Root") }), "FORBIDDEN", "at or above your own");
    await refused(() => olga.members.changeRole({ membershipId: initrode.member("ulla"), roleId: role("Org Owner") }), "FORBIDDEN", "at or above your own");
    expect(await roleOf("ulla")).toBe("Member");
    await refused(() => olga.organization.settings(), "FORBIDDEN", "Manage organization settings");
    const helper = { name: "Helper", description: "", reach: "SELF" as const, permissions: [], ceiling: ["view" as const], placeBelowRoleId: role("Viewer") };
    await refused(() => olga.roles.create(helper), "FORBIDDEN", "Manage custom roles");
  });
});
