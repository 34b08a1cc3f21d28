// The Bulk Importer's tool (seed 004): the one documented exception to rank.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/services/account";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withMember("ian", "bulk_importer")
    .withMember("ivy", "bulk_importer")
    .withMember("adam", "admin")
    .withMember("dora", "data_admin")
    .withMember("gina", "group_data_admin", "Sales")
    .withMember("ulla", "user", "Sales")
    .create();
});
afterAll(() => t.close());

describe("the import tool", () => {
  it("creates end users with one-time passwords, and reports per row", async () => {
    const ian = await acme.signIn("ian");
    const results = await ian.importer.run({
      rows: [
        { email: "New.One@acme.test", name: "New One", group: "Sales/EMEA", company: "Acme EU" },
        { email: "new.two@acme.test", name: "New Two", username: "newtwo" },
        { email: "nobody@acme.test", name: "Lost", group: "Nowhere" },
        { email: "noname@acme.test" },
      ],
    });
    expect(results.map((r) => [r.line, r.email, r.outcome])).toEqual([
      [1, "new.one@acme.test", "created"],
      [2, "new.two@acme.test", "created"],
      [3, "nobody@acme.test", "refused"],
      [4, "noname@acme.test", "refused"],
    ]);
    expect(results[2]!.message).toContain("No group “Nowhere”");
    expect(await verifyCredentials(t.db, "newtwo", results[1]!.oneTimePassword!)).toMatchObject({ email: "new.two@acme.test" });
    const created = await t.db.membership.findFirstOrThrow({ where: { user: { email: "new.one@acme.test" } }, include: { role: true, group: true } });
    expect([created.role.name, created.group.name]).toEqual(["User", "EMEA"]);
  });

  it("sets group, status and personal info of any member regardless of rank, but never the owner's status", async () => {
    const ian = await acme.signIn("ian");
    const results = await ian.importer.run({
      rows: [
        { email: acme.email("adam"), group: "Engineering", name: "Adam Moved" },
        { email: acme.email("gina"), status: "DISABLED" },
        { email: acme.email("owner"), status: "DISABLED" },
        { email: acme.email("ulla") },
      ],
    });
    expect(results.map((r) => r.outcome)).toEqual(["updated", "updated", "refused", "unchanged"]);
    expect(results[2]!.message).toContain("owns the organization");
    const adam = await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("adam") }, include: { group: true, user: true } });
    expect([adam.group.name, adam.user.name]).toEqual(["Engineering", "Adam Moved"]);
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("owner") } })).status).toBe("ACTIVE");
    expect(await t.db.auditEvent.count({ where: { action: "member.import" } })).toBe(2);
  });

  it("moves and renames the owner like anyone (seed 004), never changing their status or deleting them (seed 002)", async () => {
    const ian = await acme.signIn("ian");
    const owner = () => t.db.membership.findUniqueOrThrow({ where: { id: acme.member("owner") }, include: { group: true, user: true } });
    const before = await owner();
    const results = await ian.importer.run({
      rows: [
        { email: acme.email("owner"), group: "Engineering", name: "Owner Renamed" },
        { email: acme.email("owner"), action: "delete" },
      ],
    });
    expect(results.map((r) => r.outcome)).toEqual(["updated", "refused"]);
    const after = await owner();
    expect([after.group.name, after.user.name, after.status, after.isOwner]).toEqual(["Engineering", "Owner Renamed", "ACTIVE", true]);
    await t.db.membership.update({ where: { id: before.id }, data: { groupId: before.groupId } });
    await t.db.user.update({ where: { id: before.userId }, data: { name: before.user.name } });
  });

  it("deletes end users only, and never acts on the importer's own account", async () => {
    const ian = await acme.signIn("ian");
    const results = await ian.importer.run({
      rows: [
        { email: "new.one@acme.test", action: "delete" },
        { email: acme.email("adam"), action: "delete" },
        { email: acme.email("ian"), status: "DISABLED" },
      ],
    });
    expect(results.map((r) => r.outcome)).toEqual(["deleted", "refused", "refused"]);
    expect(results[1]!.message).toContain("deletes only end users");
    expect(await t.db.user.count({ where: { email: "new.one@acme.test" } })).toBe(0);
  });

  it("is refused without “Bulk import”, and malformed files are BAD_REQUEST", async () => {
    const adam = await acme.signIn("adam");
    await expect(adam.importer.run({ rows: [{ email: "x@acme.test", name: "X" }] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Bulk import"),
    });
    const ian = await acme.signIn("ian");
    await expect(ian.importer.run({ rows: [] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("no rows") });
    await expect(ian.importer.run({ rows: [{ email: "bad", name: "X" }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Row 1: Enter a valid email address.",
    });
  });

  it("keeps the last active top-role holder when two importers disable the last two at once", async () => {
    // Acme's Data Admins: the owner (protected) and Dora. Make a third so that two are
    // disableable, then race two importers, each disabling a different one.
    const owner = await acme.signIn("owner");
    const third = await owner.members.create({ name: "Dan", email: "dan@acme.test", roleId: acme.role("data_admin"), groupId: acme.group("") });
    await t.db.membership.update({ where: { id: acme.member("owner") }, data: { status: "DISABLED" } });
    const [ian, ivy] = await Promise.all([acme.signIn("ian"), acme.signIn("ivy")]);
    const [a, b] = await Promise.all([
      ian.importer.run({ rows: [{ email: acme.email("dora"), status: "DISABLED" }] }),
      ivy.importer.run({ rows: [{ email: "dan@acme.test", status: "DISABLED" }] }),
    ]);
    const outcomes = [a[0]!.outcome, b[0]!.outcome].sort();
    expect(outcomes).toEqual(["refused", "updated"]);
    expect([a[0]!.message, b[0]!.message].join(" ")).toContain("last active holder");
    const active = await t.db.membership.count({ where: { organizationId: acme.id, role: { builtInKey: "data_admin" }, status: "ACTIVE" } });
    expect(active).toBe(1);
    await t.db.membership.update({ where: { id: acme.member("owner") }, data: { status: "ACTIVE" } });
    expect(third.oneTimePassword).toBeTruthy();
    expect(await verifyCredentials(t.db, acme.email("dora"), PASSWORD)).not.toBeNull();
  });
});
