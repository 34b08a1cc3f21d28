import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openContent } from "@/server/email/outbox";
import { verifyCredentials } from "@/server/services/account";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales", "Engineering")
    .withMember("dora", "data_admin")
    .withMember("adam", "admin")
    .withMember("gary", "group_admin", "Sales")
    .withMember("tess", "support_technician")
    .withMember("ulla", "user", "Sales")
    .withMember("uwe", "user", "Engineering")
    .withMember("udo", "user", "Sales")
    .create();
  globex = await org(t.db, "Globex").create();
});
afterAll(() => t.close());

describe("member detail", () => {
  it("shows a member in span with what the viewer may do, and their history", async () => {
    const gary = await acme.signIn("gary");
    await gary.members.changeGroup({ membershipId: acme.member("ulla"), groupId: acme.group("Sales") });
    await gary.members.setStatus({ membershipId: acme.member("ulla"), status: "DISABLED" });
    await gary.members.setStatus({ membershipId: acme.member("ulla"), status: "ACTIVE" });
    const ulla = await gary.members.get({ membershipId: acme.member("ulla") });
    expect(ulla).toMatchObject({ name: "ulla", role: { name: "User" }, group: { name: "Sales" }, can: { changeRole: true, delete: true, edit: true } });
    expect(ulla.history.map((e) => e.action)).toEqual(["member.enable", "member.disable"]);
    expect(ulla.history[0]!.actor).toBe("gary");
  });

  it("is NOT_FOUND outside the span and in other organizations", async () => {
    const gary = await acme.signIn("gary");
    await expect(gary.members.get({ membershipId: acme.member("uwe") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gary.members.get({ membershipId: acme.member("adam") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gary.members.get({ membershipId: globex.member("owner") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("editing details", () => {
  it("changes name and email, which then signs in", async () => {
    const adam = await acme.signIn("adam");
    await adam.members.edit({ membershipId: acme.member("udo"), name: "Udo Renamed", email: "Udo.New@acme.test" });
    expect(await verifyCredentials(t.db, "udo.new@acme.test", PASSWORD)).toMatchObject({ name: "Udo Renamed" });
    expect(await t.db.auditEvent.count({ where: { action: "member.edit", targetId: acme.member("udo") } })).toBe(1);
    // The old address is told of the change; an edit that keeps the address sends nothing.
    const notices = await t.db.outboxEmail.findMany({ where: { kind: "email-changed" } });
    expect(notices.map((n) => [n.to, n.subject])).toEqual([[acme.email("udo"), "Your Steward email address was changed"]]);
    expect(openContent(notices[0]!.content!).text).toContain("now signs in with udo.new@acme.test");
    await adam.members.edit({ membershipId: acme.member("udo"), name: "Udo Again", email: "udo.new@acme.test" });
    expect(await t.db.outboxEmail.count({ where: { kind: "email-changed" } })).toBe(1);
  });

  it("refuses an email another account uses, and people in other organizations", async () => {
    const adam = await acme.signIn("adam");
    await expect(adam.members.edit({ membershipId: acme.member("uwe"), name: "Uwe", email: acme.email("ulla") })).rejects.toMatchObject({ code: "CONFLICT" });
    const owner = await acme.signIn("owner");
    await owner.members.create({ name: "Globex Owner", email: globex.email("owner"), roleId: acme.role("user"), groupId: acme.group("") });
    const shared = await t.db.membership.findFirstOrThrow({ where: { organizationId: acme.id, user: { email: globex.email("owner") } } });
    await expect(adam.members.edit({ membershipId: shared.id, name: "Hijacked", email: "evil@acme.test" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("other organization"),
    });
    expect(await verifyCredentials(t.db, globex.email("owner"), PASSWORD)).toMatchObject({ name: "Owner" });
  });

  it("is refused to a Support Technician for anything but basic info, and to nobody for self via admin pages", async () => {
    const tess = await acme.signIn("tess");
    await tess.members.edit({ membershipId: acme.member("uwe"), name: "Uwe Edited", email: acme.email("uwe") });
    await expect(tess.members.changeRole({ membershipId: acme.member("uwe"), roleId: acme.role("user") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(tess.members.delete({ membershipId: acme.member("uwe") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const adam = await acme.signIn("adam");
    await expect(adam.members.edit({ membershipId: acme.member("adam"), name: "Me", email: acme.email("adam") })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("deleting", () => {
  it("deletes a member and their account when it was their only organization", async () => {
    const gary = await acme.signIn("gary");
    await gary.members.delete({ membershipId: acme.member("ulla") });
    expect(await t.db.membership.findUnique({ where: { id: acme.member("ulla") } })).toBeNull();
    expect(await t.db.user.count({ where: { email: acme.email("ulla") } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "member.delete", targetId: acme.member("ulla") } })).toBe(1);
  });

  it("refuses yourself, the owner and out-of-span members, writing nothing", async () => {
    const dora = await acme.signIn("dora");
    await expect(dora.members.delete({ membershipId: acme.member("dora") })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("own account"),
    });
    await expect(dora.members.delete({ membershipId: acme.member("owner") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const gary = await acme.signIn("gary");
    await expect(gary.members.delete({ membershipId: acme.member("uwe") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.membership.count({ where: { id: { in: [acme.member("dora"), acme.member("owner"), acme.member("uwe")] } } })).toBe(3);
  });
});

describe("transferring ownership", () => {
  it("only the owner transfers, only to an active top-role holder", async () => {
    const adam = await acme.signIn("adam");
    await expect(adam.members.transferOwnership({ membershipId: acme.member("dora") })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Only the owner"),
    });
    const owner = await acme.signIn("owner");
    await expect(owner.members.transferOwnership({ membershipId: acme.member("adam") })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("top role"),
    });
    await owner.members.transferOwnership({ membershipId: acme.member("dora") });
    const owners = await t.db.membership.findMany({ where: { organizationId: acme.id, isOwner: true } });
    expect(owners.map((m) => m.id)).toEqual([acme.member("dora")]);
    // The new owner is protected; the former owner no longer is, and can now be managed.
    const dora = await acme.signIn("dora");
    await expect(dora.members.transferOwnership({ membershipId: globex.member("owner") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("usernames and companies (seed 002)", () => {
  it("creates a member with a username they can sign in with, and a company", async () => {
    const adam = await acme.signIn("adam");
    const created = await adam.members.create({
      name: "Rita",
      email: "rita@acme.test",
      username: "Rita.R",
      company: "Acme Labs",
      roleId: acme.role("user"),
      groupId: acme.group(""),
    });
    const viaUsername = await verifyCredentials(t.db, "RITA.R", created.oneTimePassword!);
    expect(viaUsername).toMatchObject({ email: "rita@acme.test" });
    expect(await adam.members.get({ membershipId: created.membershipId })).toMatchObject({ username: "rita.r", company: "Acme Labs" });
    expect((await adam.members.list({ search: "rita.r" })).rows.map((r) => r.email)).toEqual(["rita@acme.test"]);
  });

  it("refuses a taken or malformed username, and edits keep what they leave out", async () => {
    const adam = await acme.signIn("adam");
    await expect(
      adam.members.create({ name: "R2", email: "r2@acme.test", username: "rita.r", roleId: acme.role("user"), groupId: acme.group("") }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The username rita.r is taken.",
    });
    await expect(
      adam.members.create({ name: "R3", email: "r3@acme.test", username: "no spaces", roleId: acme.role("user"), groupId: acme.group("") }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Usernames are 2 to 40/),
    });
    expect(await t.db.user.count({ where: { email: { in: ["r2@acme.test", "r3@acme.test"] } } })).toBe(0);
    const rita = await t.db.membership.findFirstOrThrow({ where: { organizationId: acme.id, user: { email: "rita@acme.test" } } });
    await adam.members.edit({ membershipId: rita.id, name: "Rita Renamed", email: "rita@acme.test" });
    expect(await adam.members.get({ membershipId: rita.id })).toMatchObject({ name: "Rita Renamed", username: "rita.r", company: "Acme Labs" });
    await adam.members.edit({ membershipId: rita.id, name: "Rita Renamed", email: "rita@acme.test", username: null, company: "" });
    expect(await adam.members.get({ membershipId: rita.id })).toMatchObject({ username: null, company: "" });
    await expect(adam.members.edit({ membershipId: acme.member("uwe"), name: "Uwe", email: acme.email("uwe"), username: "dup" })).resolves.toBeTruthy();
    await expect(adam.members.edit({ membershipId: rita.id, name: "Rita", email: "rita@acme.test", username: "dup" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("picker options", () => {
  it("offer groups in reach only to those who may see groups, and say which roles each may give", async () => {
    const gary = await acme.signIn("gary");
    const garyOptions = await gary.members.options();
    expect(garyOptions.groups.map((g) => g.name)).toEqual(["Sales"]);
    expect(garyOptions.roles.filter((r) => r.assignable).map((r) => r.name)).toEqual(["Group Support Restore", "Group Support Technician", "User"]);
    const tess = await acme.signIn("tess");
    const tessOptions = await tess.members.options();
    expect(tessOptions.roles.filter((r) => r.creatable).map((r) => r.name)).toEqual(["User"]);
    expect(tessOptions.roles.some((r) => r.assignable)).toBe(false);
  });
});
