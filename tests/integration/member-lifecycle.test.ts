import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/server/services/actor";
import { matchingMemberIds } from "@/server/services/members";
import { verifyCredentials } from "@/server/services/account";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { signIn, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withMember("adam", "admin")
    .withMember("gary", "group_admin", "Sales")
    .withMember("tess", "support_technician")
    .withMember("ulla", "user", "Sales/EMEA")
    .withMember("uwe", "user", "Engineering")
    .create();
  globex = await org(t.db, "Globex").withMember("gil", "user").create();
});
afterAll(() => t.close());

const auditCount = (action: string) => t.db.auditEvent.count({ where: { action } });

describe("creating members", () => {
  it("creates an account with a one-time password that must be changed, and audits it", async () => {
    const adam = await acme.signIn("adam");
    const before = await auditCount("member.create");
    const created = await adam.members.create({
      name: "Nina New",
      email: "Nina@Acme.test",
      roleId: acme.role("group_admin"),
      groupId: acme.group("Sales/EMEA"),
    });
    expect(created.email).toBe("nina@acme.test");
    expect(created.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const nina = await signIn(t.db, "nina@acme.test", created.oneTimePassword, acme.slug);
    await expect(nina.groups.list()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("one-time password") });
    expect(await auditCount("member.create")).toBe(before + 1);
  });

  it("lets a Support Technician create end users only", async () => {
    const tess = await acme.signIn("tess");
    const ok = await tess.members.create({ name: "Ty", email: "ty@acme.test", roleId: acme.role("user"), groupId: acme.group("Engineering") });
    expect(ok.oneTimePassword).toBeTruthy();
    await expect(tess.members.create({ name: "Gi", email: "gi@acme.test", roleId: acme.role("group_admin"), groupId: acme.group("") })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("User only"),
    });
    expect(await t.db.user.count({ where: { email: "gi@acme.test" } })).toBe(0);
  });

  it("keeps a Group Admin inside their subtree and below their rank", async () => {
    const gary = await acme.signIn("gary");
    await expect(
      gary.members.create({ name: "X", email: "x1@acme.test", roleId: acme.role("user"), groupId: acme.group("Engineering") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gary.members.create({ name: "X", email: "x2@acme.test", roleId: acme.role("support"), groupId: acme.group("Sales") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      gary.members.create({ name: "X", email: "x3@acme.test", roleId: acme.role("group_admin"), groupId: acme.group("Sales") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(gary.members.create({ name: "X", email: "x4@acme.test", roleId: globex.role("user"), groupId: acme.group("Sales") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const ok = await gary.members.create({
      name: "Xena",
      email: "x5@acme.test",
      roleId: acme.role("group_support_technician"),
      groupId: acme.group("Sales/EMEA"),
    });
    expect(ok.oneTimePassword).toBeTruthy();
    expect(await t.db.user.count({ where: { email: { in: ["x1@acme.test", "x2@acme.test", "x3@acme.test", "x4@acme.test"] } } })).toBe(0);
  });

  it("refuses a duplicate, and adds a person from another organization without touching their password", async () => {
    const adam = await acme.signIn("adam");
    await expect(adam.members.create({ name: "Ulla", email: acme.email("ulla"), roleId: acme.role("user"), groupId: acme.group("") })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const added = await adam.members.create({ name: "Gil", email: globex.email("gil"), roleId: acme.role("user"), groupId: acme.group("") });
    // A one-time password as for anyone (leaks.test.ts), never set on Gil's account.
    expect(await verifyCredentials(t.db, globex.email("gil"), added.oneTimePassword)).toBeNull();
    expect(await verifyCredentials(t.db, globex.email("gil"), PASSWORD)).not.toBeNull();
  });
});

describe("disabling and enabling", () => {
  it("ends the member's access at their next request, and enabling restores it", async () => {
    const ulla = await acme.signIn("ulla");
    await expect(ulla.account.me()).resolves.toMatchObject({ organizations: [expect.objectContaining({ slug: acme.slug })] });
    const gary = await acme.signIn("gary");
    await gary.members.setStatus({ membershipId: acme.member("ulla"), status: "DISABLED" });
    expect((await ulla.account.me()).organizations).toEqual([]);
    await expect(ulla.members.list({})).rejects.toMatchObject({ code: "NOT_FOUND" });
    await gary.members.setStatus({ membershipId: acme.member("ulla"), status: "ACTIVE" });
    expect((await ulla.account.me()).organizations).toHaveLength(1);
    expect(await auditCount("member.disable")).toBe(1);
    expect(await auditCount("member.enable")).toBe(1);
  });

  it("refuses outside the span, on oneself, on the owner, and without the permission", async () => {
    const gary = await acme.signIn("gary");
    await expect(gary.members.setStatus({ membershipId: acme.member("uwe"), status: "DISABLED" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gary.members.setStatus({ membershipId: acme.member("gary"), status: "DISABLED" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const adam = await acme.signIn("adam");
    await expect(adam.members.setStatus({ membershipId: acme.member("owner"), status: "DISABLED" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const tess = await acme.signIn("tess");
    await expect(tess.members.setStatus({ membershipId: acme.member("uwe"), status: "DISABLED" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(adam.members.setStatus({ membershipId: globex.member("gil"), status: "DISABLED" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const statuses = await t.db.membership.findMany({ where: { id: { in: [acme.member("uwe"), acme.member("gary"), acme.member("owner")] } } });
    expect(statuses.every((m) => m.status === "ACTIVE")).toBe(true);
  });

  it("lets the owner re-role or delete a disabled Data Admin: the owner is still an active holder of the top role", async () => {
    const initech = await org(t.db, "Initech").withMember("dana", "data_admin").withMember("dirk", "data_admin").create();
    const owner = await initech.signIn("owner");
    await owner.members.setStatus({ membershipId: initech.member("dana"), status: "DISABLED" });
    await owner.members.setStatus({ membershipId: initech.member("dirk"), status: "DISABLED" });
    // Rule 6 keeps the last ACTIVE holder of the top role; neither of them is, the owner being active.
    await owner.members.changeRole({ membershipId: initech.member("dana"), roleId: initech.role("admin") });
    await owner.members.delete({ membershipId: initech.member("dirk") });
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: initech.member("dana") } })).roleId).toBe(initech.role("admin"));
    expect(await t.db.membership.findUnique({ where: { id: initech.member("dirk") } })).toBeNull();
  });
});

describe("resetting a password", () => {
  it("gives a new one-time password and ends every session of the member", async () => {
    const uwe = await acme.signIn("uwe");
    const adam = await acme.signIn("adam");
    const { oneTimePassword } = await adam.members.resetPassword({ membershipId: acme.member("uwe") });
    await expect(uwe.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await verifyCredentials(t.db, acme.email("uwe"), PASSWORD)).toBeNull();
    expect(await verifyCredentials(t.db, acme.email("uwe"), oneTimePassword)).not.toBeNull();
  });

  it("refuses for a person who also belongs to another organization", async () => {
    const adam = await acme.signIn("adam");
    const gil = await t.db.membership.findFirstOrThrow({ where: { organizationId: acme.id, user: { email: globex.email("gil") } } });
    await expect(adam.members.resetPassword({ membershipId: gil.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("other organization"),
    });
    expect(await verifyCredentials(t.db, globex.email("gil"), PASSWORD)).not.toBeNull();
  });
});

describe("bulk actions", () => {
  it("applies per member and reports each result, refusing what the rules refuse", async () => {
    const gary = await acme.signIn("gary");
    const target = await t.db.membership.findFirstOrThrow({ where: { organizationId: acme.id, user: { email: "x5@acme.test" } } });
    const results = await gary.members.bulkSetStatus({
      membershipIds: [target.id, acme.member("uwe"), acme.member("gary"), globex.member("gil"), target.id],
      status: "DISABLED",
    });
    // Names only for members the actor sees: the others are named by id alone.
    expect(results).toEqual([
      { membershipId: target.id, name: target.userName, ok: true, message: "Disabled" },
      { membershipId: acme.member("uwe"), name: null, ok: false, message: "Member not found within your reach (Sales and its subgroups)." },
      { membershipId: acme.member("gary"), name: "gary", ok: false, message: expect.stringContaining("your own account") },
      { membershipId: globex.member("gil"), name: null, ok: false, message: "Member not found within your reach (Sales and its subgroups)." },
    ]);
    const statuses = await t.db.membership.findMany({
      where: { id: { in: [target.id, acme.member("uwe"), acme.member("gary")] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((m) => [m.id, m.status]))).toEqual({
      [target.id]: "DISABLED",
      [acme.member("uwe")]: "ACTIVE",
      [acme.member("gary")]: "ACTIVE",
    });
    await gary.members.bulkSetStatus({ membershipIds: [target.id], status: "ACTIVE" });
  });

  it("changes roles and groups in bulk within the actor's powers", async () => {
    const gary = await acme.signIn("gary");
    const target = await t.db.membership.findFirstOrThrow({ where: { organizationId: acme.id, user: { email: "x5@acme.test" } } });
    expect(await gary.members.bulkChangeRole({ membershipIds: [target.id], roleId: acme.role("user") })).toEqual([
      { membershipId: target.id, name: target.userName, ok: true, message: "Role changed" },
    ]);
    const [refused] = await gary.members.bulkChangeRole({ membershipIds: [target.id], roleId: acme.role("admin") });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("You cannot assign a role at or above your own") });
    expect(await gary.members.bulkChangeGroup({ membershipIds: [target.id], groupId: acme.group("Sales") })).toEqual([
      { membershipId: target.id, name: target.userName, ok: true, message: "Moved" },
    ]);
  });

  it("acts on every member the list shows under its filters (select all matching), each decided on its own", async () => {
    const gary = await acme.signIn("gary");
    const filters = { groupId: acme.group("Sales"), status: "ACTIVE" as const };
    const listed = (await gary.members.list({ ...filters, pageSize: 200 })).rows;
    expect(listed.length).toBeGreaterThan(2);
    const results = await gary.members.bulkChangeGroup({ matching: filters, groupId: acme.group("Sales") });
    expect(results.map((r) => r.membershipId).sort()).toEqual(listed.map((r) => r.id).sort());
    for (const r of results) {
      const row = listed.find((l) => l.id === r.membershipId)!;
      expect(r.name).toBe(row.name);
      // Gary himself is listed but refused; the others move (or stay, already there).
      expect(r.ok, row.name).toBe(!row.isSelf);
    }
    // A search narrows the run to its matches.
    const one = await gary.members.bulkSetStatus({ matching: { search: "x5@acme" }, status: "ACTIVE" });
    expect(one.map((r) => r.name)).toEqual([listed.find((l) => l.email === "x5@acme.test")!.name]);
  });

  it("refuses both or neither of a selection and all matching, a group out of reach, and more matches than the cap", async () => {
    const gary = await acme.signIn("gary");
    await expect(gary.members.bulkSetStatus({ status: "DISABLED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose members, or all that match the filters (one of the two).",
    });
    await expect(gary.members.bulkSetStatus({ membershipIds: [acme.member("ulla")], matching: {}, status: "DISABLED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(gary.members.bulkSetStatus({ matching: { groupId: acme.group("Engineering") }, status: "DISABLED" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const actor = await loadActor(t.db, (await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("gary") } })).userId, acme.slug);
    await expect(matchingMemberIds(t.db, actor, {}, 2)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("More than 2 members match"),
    });
    expect((await matchingMemberIds(t.db, actor, {}, 1_000)).length).toBe((await gary.members.list({ pageSize: 1 })).total);
  });

  it("refuses an empty or oversized selection", async () => {
    const gary = await acme.signIn("gary");
    await expect(gary.members.bulkSetStatus({ membershipIds: [], status: "DISABLED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at least one"),
    });
    const many = Array.from({ length: 201 }, () => acme.member("ulla"));
    await expect(gary.members.bulkSetStatus({ membershipIds: many, status: "DISABLED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 200"),
    });
  });
});
