// Teams that belong to a group, through tRPC: subtree admins ("as Admin, inside the
// subtree") create and manage teams anchored in their reach, whose members all sit in the
// anchor's subtree; organization-wide teams stay with organization roles. Membership is a
// grant (rule 4) whoever manages the team.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { refusal, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withMember("adam", "admin")
    .withMember("gary", "group_admin", "Sales")
    .withMember("gina", "group_data_admin", "Sales")
    .withMember("erin", "user", "Sales/EMEA")
    .withMember("sam", "user", "Sales")
    .withMember("tom", "user", "Engineering")
    .create();
  globex = await org(t.db, "Globex").withTree("Ops").create();
});
afterAll(() => t.close());

describe("teams that belong to a group", () => {
  it("a Group Admin creates teams only inside their subtree, never organization-wide ones", async () => {
    const gary = await acme.signIn("gary");
    const { id } = await gary.teams.create({ name: "Sales on call", groupId: acme.group("Sales") });
    expect(await gary.teams.create({ name: "EMEA desk", groupId: acme.group("Sales/EMEA") })).toHaveProperty("id");
    const wide = await refusal(() => gary.teams.create({ name: "Everyone", groupId: null }));
    expect(wide).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("choose a group there") });
    expect((await refusal(() => gary.teams.create({ name: "Eng", groupId: acme.group("Engineering") }))).code).toBe("FORBIDDEN");
    expect((await refusal(() => gary.teams.create({ name: "Theirs", groupId: globex.group("Ops") }))).code).toBe("NOT_FOUND");
    const listed = (await gary.teams.list()).find((x) => x.id === id)!;
    expect(listed).toMatchObject({ group: { name: "Sales" }, canManage: true });
    expect(await t.db.auditEvent.count({ where: { action: "team.create", targetId: id } })).toBe(1);
  });

  it("holds only members of the anchor's subtree, added by anyone who manages the team", async () => {
    const gary = await acme.signIn("gary");
    const adam = await acme.signIn("adam");
    const { id } = await gary.teams.create({ name: "Quota", groupId: acme.group("Sales") });
    await gary.teams.addMember({ teamId: id, membershipId: acme.member("erin") });
    // Outside the Group Admin's span: NOT_FOUND, as for every member action.
    expect((await refusal(() => gary.teams.addMember({ teamId: id, membershipId: acme.member("tom") }))).code).toBe("NOT_FOUND");
    // In the Admin's span, but outside the team's group.
    const outside = await refusal(() => adam.teams.addMember({ teamId: id, membershipId: acme.member("tom") }));
    expect(outside).toMatchObject({ code: "FORBIDDEN", message: "tom is in Engineering, outside Sales, the group Quota belongs to." });
    // gina (Group Data Admin) is outside the Admin's span too; the Data Admin adds her.
    await (await acme.signIn("owner")).teams.addMember({ teamId: id, membershipId: acme.member("gina") });
    // gary sees and counts erin only: gina holds powers he lacks (leaks.test.ts).
    expect((await gary.teams.list()).find((x) => x.id === id)!.memberCount).toBe(1);
  });

  it("a Group Admin cannot touch an organization-wide team or another subtree's", async () => {
    const adam = await acme.signIn("adam");
    const gary = await acme.signIn("gary");
    const wide = (await adam.teams.create({ name: "All hands" })).id;
    const eng = (await adam.teams.create({ name: "Platform", groupId: acme.group("Engineering") })).id;
    const list = await gary.teams.list();
    expect(list.find((x) => x.id === wide)).toMatchObject({ group: null, canManage: false });
    for (const teamId of [wide, eng]) {
      expect((await refusal(() => gary.teams.update({ teamId, name: "Mine", description: "" }))).code).toBe("FORBIDDEN");
      expect((await refusal(() => gary.teams.delete({ teamId }))).code).toBe("FORBIDDEN");
      expect((await refusal(() => gary.teams.addMember({ teamId, membershipId: acme.member("sam") }))).code).toBe("FORBIDDEN");
    }
    const why = await refusal(() => gary.teams.update({ teamId: wide, name: "Mine", description: "" }));
    expect(why.message).toBe("All hands is an organization-wide team; only roles of organization reach manage it.");
    // Nor may they pull a team into their subtree.
    expect((await refusal(() => gary.teams.update({ teamId: eng, name: "Platform", description: "", groupId: acme.group("Sales") }))).code).toBe("FORBIDDEN");
  });

  it("moving a team to another group needs every member to fit there", async () => {
    const adam = await acme.signIn("adam");
    const { id } = await adam.teams.create({ name: "Movers", groupId: acme.group("Sales") });
    await adam.teams.addMember({ teamId: id, membershipId: acme.member("sam") });
    const refused = await refusal(() => adam.teams.update({ teamId: id, name: "Movers", description: "", groupId: acme.group("Sales/EMEA") }));
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: "1 member is of Movers outside EMEA; remove them first." });
    await adam.teams.removeMember({ teamId: id, membershipId: acme.member("sam") });
    await adam.teams.addMember({ teamId: id, membershipId: acme.member("erin") });
    await adam.teams.update({ teamId: id, name: "Movers", description: "", groupId: acme.group("Sales/EMEA") });
    await adam.teams.update({ teamId: id, name: "Movers", description: "", groupId: null });
    expect((await adam.teams.list()).find((x) => x.id === id)!.group).toBeNull();
  });

  it("a Group Admin deletes a team only when every member is in their span", async () => {
    const gary = await acme.signIn("gary");
    const owner = await acme.signIn("owner");
    const { id } = await gary.teams.create({ name: "Doomed", groupId: acme.group("Sales") });
    await gary.teams.addMember({ teamId: id, membershipId: acme.member("sam") });
    // gina (Group Data Admin) holds powers gary lacks: outside his span.
    await owner.teams.addMember({ teamId: id, membershipId: acme.member("gina") });
    const refused = await refusal(() => gary.teams.delete({ teamId: id }));
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("1 member is of Doomed outside your span") });
    await owner.teams.removeMember({ teamId: id, membershipId: acme.member("gina") });
    await gary.teams.delete({ teamId: id });
    expect(await t.db.team.count({ where: { id } })).toBe(0);
  });

  it("adding to a group's team still passes on only what the Group Admin could grant (rule 4)", async () => {
    const gary = await acme.signIn("gary");
    const owner = await acme.signIn("owner");
    const { id } = await gary.teams.create({ name: "Vault keepers", groupId: acme.group("Sales") });
    const vault = (await owner.resources.create({ type: "storage", name: "vault", description: "", private: false })).id;
    await owner.resources.grant({ resourceId: vault, principal: { kind: "TEAM", teamId: id }, capabilities: ["view", "data"] });
    const refused = await refusal(() => gary.teams.addMember({ teamId: id, membershipId: acme.member("erin") }));
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("which you could not grant directly") });
    expect(await t.db.teamMember.count({ where: { teamId: id } })).toBe(0);
  });

  it("an invitation puts people only in teams the inviter manages and whose group holds the invitee", async () => {
    const gary = await acme.signIn("gary");
    const adam = await acme.signIn("adam");
    const { id } = await gary.teams.create({ name: "Welcome", groupId: acme.group("Sales") });
    const wide = (await adam.teams.create({ name: "Newcomers" })).id;
    const [sent] = await gary.invitations.invite({ emails: ["nina@acme.test"], roleId: acme.role("user"), groupId: acme.group("Sales/EMEA"), teamIds: [id] });
    expect(sent).toMatchObject({ outcome: "invited" });
    const notGarys = await refusal(() =>
      gary.invitations.invite({ emails: ["noel@acme.test"], roleId: acme.role("user"), groupId: acme.group("Sales"), teamIds: [wide] }),
    );
    expect(notGarys).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("organization-wide team") });
    const misfit = await refusal(() =>
      adam.invitations.invite({ emails: ["otis@acme.test"], roleId: acme.role("user"), groupId: acme.group("Engineering"), teamIds: [id] }),
    );
    expect(misfit).toMatchObject({ code: "FORBIDDEN", message: "The person invited is in Engineering, outside Sales, the group Welcome belongs to." });
  });
});

describe("the teams a picker offers (teams.options)", () => {
  it("are the teams the caller manages, by name, without their members; a role that cannot manage teams is refused", async () => {
    const adam = await acme.signIn("adam");
    const gary = await acme.signIn("gary");
    await adam.teams.create({ name: "Picker wide", groupId: null });
    await adam.teams.create({ name: "Picker eng", groupId: acme.group("Engineering") });
    await adam.teams.create({ name: "Picker sales", groupId: acme.group("Sales") });
    const all = await adam.teams.list();
    // Each offered exactly where the full list says the caller may manage it, in its order (by name).
    for (const caller of [adam, gary]) {
      const listed = (await caller.teams.list()).filter((x) => x.canManage).map((x) => ({ id: x.id, name: x.name }));
      const offered = await caller.teams.options();
      expect(offered.map((x) => ({ id: x.id, name: x.name }))).toEqual(listed);
      expect(offered[0]).not.toHaveProperty("members");
    }
    // Both branches fired: the Group Admin is offered Sales's team and not the others.
    const garyOffered = (await gary.teams.options()).map((x) => x.name);
    expect(garyOffered).toContain("Picker sales");
    expect(garyOffered).not.toContain("Picker eng");
    expect(garyOffered).not.toContain("Picker wide");
    expect((await adam.teams.options()).map((x) => x.name)).toEqual(expect.arrayContaining(["Picker wide", "Picker eng", "Picker sales"]));
    expect((await adam.teams.options()).find((x) => x.name === "Picker sales")!.group).toEqual({ id: acme.group("Sales"), name: "Sales" });
    expect(all.length).toBeGreaterThan(garyOffered.length);
    expect((await refusal(async () => (await acme.signIn("erin")).teams.options())).code).toBe("FORBIDDEN");
  });
});
