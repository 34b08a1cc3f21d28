// Custom roles through the API (seed 002): created, edited and deleted within the author's
// powers, assigned, and felt by their holders at their next request; seeds 000 and 001's
// role sets; resource ceilings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Capability } from "@/server/authz";
import { org, type BuiltOrg } from "../factories/org";
import { refusal, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales")
    .withMember("adam", "admin")
    .withMember("sofia", "support")
    .withMember("gary", "group_admin", "Sales")
    .withMember("ulla", "user", "Sales")
    .withMember("uwe", "user", "Sales")
    .create();
  globex = await org(t.db, "Globex").create();
});
afterAll(() => t.close());

const snapshot = async () => ({ roles: await t.db.role.count(), audits: await t.db.auditEvent.count() });
type RoleForm = {
  name: string;
  description: string;
  reach: "ORGANIZATION" | "SUBTREE" | "SELF";
  permissions: string[];
  ceiling: Capability[];
  placeBelowRoleId: string;
};
const helpdesk = (over: Partial<RoleForm> = {}): RoleForm => ({
  name: "Helpdesk",
  description: "Answers members' questions.",
  reach: "ORGANIZATION",
  permissions: ["overview.view", "members.view", "members.edit"],
  ceiling: ["view", "run"],
  placeBelowRoleId: acme.role("support"),
  ...over,
});

describe("creating a custom role", () => {
  it("places it just below the chosen role, keeps what it was given, and audits it", async () => {
    const owner = await acme.signIn("owner");
    const { id } = await owner.roles.create(helpdesk());
    const roles = await owner.roles.list();
    const names = roles.map((r) => r.name);
    expect(names.indexOf("Helpdesk")).toBe(names.indexOf("Support") + 1);
    expect(roles.find((r) => r.id === id)).toMatchObject({
      builtIn: false,
      reach: "ORGANIZATION",
      permissions: ["overview.view", "members.view", "members.edit"],
      ceiling: ["view", "run"],
      mayEdit: true,
      holders: 0,
    });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "role.create", targetId: id } });
    expect(event.after).toMatchObject({ name: "Helpdesk", permissions: ["overview.view", "members.view", "members.edit"] });
  });

  it("refuses what the author may not give, and bad input, each with its reason, writing nothing", async () => {
    const adam = await acme.signIn("adam");
    const before = await snapshot();
    const cases: Array<[Partial<Record<keyof RoleForm, unknown>>, string, RegExp]> = [
      [{ name: "Custodian", permissions: ["members.view", "data.access"] }, "FORBIDDEN", /lacks “Access members' data”/],
      [{ name: "Over", placeBelowRoleId: acme.role("data_admin") }, "FORBIDDEN", /ranks below your own role Admin/],
      [{ name: "helpdesk" }, "CONFLICT", /A role named “Helpdesk” already exists/],
      [{ name: "Root", permissions: ["members.view", "root.all"] }, "BAD_REQUEST", /not a permission of Steward/],
      [{ name: "Blind", ceiling: ["run"] }, "FORBIDDEN", /includes “View”/],
      [{ name: "Empty", permissions: [] }, "FORBIDDEN", /needs at least one permission/],
      [{ name: "Elsewhere", placeBelowRoleId: globex.role("support") }, "NOT_FOUND", /Role not found/],
      [{ name: "" }, "BAD_REQUEST", /Give the role a name/],
    ];
    for (const [over, code, message] of cases) {
      const refused = await refusal(() => adam.roles.create({ ...helpdesk(), ...over } as never));
      expect([refused.code, refused.message]).toEqual([code, expect.stringMatching(message)]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("is refused to roles without “Manage roles” and to subtree roles", async () => {
    for (const login of ["sofia", "gary"]) {
      const caller = await acme.signIn(login);
      expect((await refusal(() => caller.roles.create(helpdesk({ name: `By ${login}` }) as never))).code).toBe("FORBIDDEN");
    }
  });
});

describe("editing a custom role", () => {
  it("changes every holder at their next request", async () => {
    const owner = await acme.signIn("owner");
    const { id } = await owner.roles.create(helpdesk({ name: "Peeker", placeBelowRoleId: acme.role("group_admin") }));
    await owner.members.changeRole({ membershipId: acme.member("uwe"), roleId: id });
    const uwe = await acme.signIn("uwe");
    expect((await uwe.members.list({})).total).toBeGreaterThan(0);
    const [role] = (await owner.roles.list()).filter((r) => r.id === id);
    await owner.roles.update({ ...helpdesk({ name: "Peeker" }), roleId: id, version: role!.version, permissions: ["overview.view"] });
    const refused = await refusal(() => uwe.members.list({}));
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Peeker") });
  });

  it("of two authors saving the same version, the later gets a CONFLICT, not a silent overwrite", async () => {
    const owner = await acme.signIn("owner");
    const adam = await acme.signIn("adam");
    const { id } = await owner.roles.create(helpdesk({ name: "Contested" }));
    const version = (await owner.roles.list()).find((r) => r.id === id)!.version;
    await owner.roles.update({ ...helpdesk({ name: "Contested" }), roleId: id, version, description: "The owner's words." });
    const refused = await refusal(() => adam.roles.update({ ...helpdesk({ name: "Contested" }), roleId: id, version, description: "Adam's words." }));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("changed by someone else") });
    expect((await t.db.role.findUniqueOrThrow({ where: { id } })).description).toBe("The owner's words.");
  });

  it("refuses built-in roles and roles beyond the author", async () => {
    const owner = await acme.signIn("owner");
    const adam = await acme.signIn("adam");
    const builtIn = await refusal(() => owner.roles.update({ ...helpdesk(), roleId: acme.role("support"), version: 0 }));
    expect(builtIn).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("built-in") });
    const { id } = await owner.roles.create(helpdesk({ name: "Custodians", permissions: ["members.view", "data.access"] }));
    const beyond = await refusal(() => adam.roles.update({ ...helpdesk({ name: "Custodians" }), roleId: id, version: 0, permissions: ["members.view"] }));
    expect(beyond).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Access members' data") });
  });
});

describe("deleting a custom role", () => {
  it("is refused while members hold it; moving them to another role first deletes it, audited", async () => {
    const owner = await acme.signIn("owner");
    const { id } = await owner.roles.create(helpdesk({ name: "Temporary", placeBelowRoleId: acme.role("group_admin") }));
    await owner.members.changeRole({ membershipId: acme.member("ulla"), roleId: id });
    const inUse = await refusal(() => owner.roles.delete({ roleId: id }));
    expect(inUse).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("held by 1 member") });
    await owner.roles.delete({ roleId: id, moveHoldersTo: acme.role("user") });
    expect(await t.db.role.count({ where: { id } })).toBe(0);
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("ulla") } })).roleId).toBe(acme.role("user"));
    const moved = await t.db.auditEvent.findFirstOrThrow({ where: { action: "member.changeRole", targetId: acme.member("ulla") }, orderBy: { at: "desc" } });
    expect(moved.after).toMatchObject({ role: "User", via: "role.delete" });
    expect(await t.db.auditEvent.count({ where: { action: "role.delete", targetId: id } })).toBe(1);
  });

  it("never deletes a built-in role, nor moves holders to a role the author may not give", async () => {
    const owner = await acme.signIn("owner");
    const adam = await acme.signIn("adam");
    expect((await refusal(() => owner.roles.delete({ roleId: acme.role("bulk_exporter") }))).message).toContain("built-in");
    const { id } = await owner.roles.create(helpdesk({ name: "Stranded", placeBelowRoleId: acme.role("group_admin") }));
    await owner.members.changeRole({ membershipId: acme.member("ulla"), roleId: id });
    const refused = await refusal(() => adam.roles.delete({ roleId: id, moveHoldersTo: acme.role("data_admin") }));
    expect(refused.code).toBe("FORBIDDEN");
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("ulla") } })).roleId).toBe(id);
    await owner.members.changeRole({ membershipId: acme.member("ulla"), roleId: acme.role("user") });
  });
});

describe("the resource ceiling", () => {
  it("caps what a grant gives: a holder of a view-only role sees the job on its ACL but cannot run it", async () => {
    const owner = await acme.signIn("owner");
    const { id: viewer } = await owner.roles.create({
      ...helpdesk({ name: "Job watcher", reach: "SELF", permissions: [], ceiling: ["view"], placeBelowRoleId: acme.role("user") }),
    });
    await owner.members.changeRole({ membershipId: acme.member("uwe"), roleId: viewer });
    const job = await owner.resources.create({ type: "job", name: "nightly" });
    await owner.resources.grant({ resourceId: job.id, principal: { kind: "MEMBER", membershipId: acme.member("uwe") }, capabilities: ["view", "run"] });
    const uwe = await acme.signIn("uwe");
    expect((await uwe.resources.get({ resourceId: job.id })).name).toBe("nightly");
    expect((await refusal(() => uwe.resources.act({ resourceId: job.id, action: "run" }))).code).toBe("FORBIDDEN");
    const explained = await uwe.resources.explain({ resourceId: job.id, membershipId: acme.member("uwe") });
    expect(JSON.stringify(explained)).toContain("leaves out Run");
  });
});

describe("role sets from the seeds", () => {
  it("adds seed 001's six profiles below a role, and they behave as the seed says", async () => {
    const owner = await acme.signIn("owner");
    const { created } = await owner.roles.addSet({ set: "seed-001", placeBelowRoleId: acme.role("support") });
    expect(created).toHaveLength(6);
    const roles = await owner.roles.list();
    const names = roles.map((r) => r.name);
    const at = names.indexOf("Support");
    expect(names.slice(at + 1, at + 7)).toEqual(["Root", "Org Owner", "Org Admin", "Manager", "Member", "Viewer"]);
    // Placed below Support: the set's root ranks below every role above it.
    const viewer = roles.find((r) => r.name === "Viewer")!;
    const member = roles.find((r) => r.name === "Member")!;
    expect([viewer.ceiling, member.ceiling]).toEqual([["view"], ["view", "run"]]);
    const again = await refusal(() => owner.roles.addSet({ set: "seed-001", placeBelowRoleId: acme.role("support") }));
    expect(again.code).toBe("CONFLICT");
  });

  it("adds seed 000's console roles; a Read-only holder sees and changes nothing", async () => {
    const owner = await acme.signIn("owner");
    await owner.roles.addSet({ set: "seed-000", placeBelowRoleId: acme.role("admin") });
    const readOnly = (await owner.roles.list()).find((r) => r.name === "Read-only")!;
    expect(readOnly.permissions).not.toContain("members.edit");
    await owner.members.changeRole({ membershipId: acme.member("sofia"), roleId: readOnly.id });
    const sofia = await acme.signIn("sofia");
    expect((await sofia.members.list({})).total).toBeGreaterThan(1);
    expect((await refusal(() => sofia.members.edit({ membershipId: acme.member("ulla"), name: "X", email: acme.email("ulla") }))).code).toBe("FORBIDDEN");
  });

  it("is refused to an author who could not create its roles by hand", async () => {
    const adam = await acme.signIn("adam");
    const before = await snapshot();
    // Seed 000's Super Administrator holds powers an Admin lacks: nothing of the set is created.
    await t.db.role.deleteMany({
      where: { organizationId: acme.id, name: { in: ["Super Administrator", "Administrator", "Read-only", "Team member"] }, memberships: { none: {} } },
    });
    const after = await snapshot();
    const refused = await refusal(() => adam.roles.addSet({ set: "seed-000", placeBelowRoleId: acme.role("support") }));
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Super Administrator") });
    expect(await snapshot()).toEqual(after);
    expect(after.audits).toBe(before.audits);
  });
});
