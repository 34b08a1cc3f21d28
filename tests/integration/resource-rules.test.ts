// Rules around resources beyond the ACL matrix: privacy is sharing, hand-overs by
// custodians stay in span, and "view as member" previews what a member sees, read-only and
// never beyond what the previewing admin sees.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withMember("adam", "admin")
    .withMember("gina", "group_data_admin", "Sales")
    .withMember("gary", "group_admin", "Sales")
    .withMember("ulla", "user", "Sales/EMEA")
    .withMember("uwe", "user", "Engineering")
    .create();
  const owner = await acme.signIn("owner");
  for (const [name, priv] of [
    ["public-job", false],
    ["secret-job", true],
  ] as const) {
    ids[name] = (await owner.resources.create({ type: "job", name, description: "", private: priv })).id;
  }
  // Ulla gets Activity Manager on both; the private one only through her grant.
  for (const name of ["public-job", "secret-job"]) {
    await owner.resources.grant({
      resourceId: ids[name]!,
      principal: { kind: "MEMBER", membershipId: acme.member("ulla") },
      capabilities: ["view", "run", "edit"],
    });
  }
  // Ulla owns a job of her own.
  await t.db.resource.create({ data: { organizationId: acme.id, type: "job", name: "ulla-job", ownerId: acme.member("ulla") } });
  ids["ulla-job"] = (await t.db.resource.findFirstOrThrow({ where: { name: "ulla-job" } })).id;
});
afterAll(() => t.close());

describe("privacy is sharing", () => {
  it("an Activity Manager edits but cannot make a resource private or public", async () => {
    const ulla = await acme.signIn("ulla");
    await ulla.resources.update({ resourceId: ids["public-job"]!, name: "public-job", description: "renamed notes", private: false });
    await expect(ulla.resources.update({ resourceId: ids["public-job"]!, name: "public-job", description: "", private: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Share"),
    });
    expect((await t.db.resource.findUniqueOrThrow({ where: { id: ids["public-job"]! } })).private).toBe(false);
  });
});

describe("hand-overs by custodians", () => {
  it("go to the custodian or a member in their span, never outside it", async () => {
    const gina = await acme.signIn("gina");
    // Gina (Group Data Admin over Sales) holds Ulla's data: View + Data, not admin.
    expect((await gina.resources.get({ resourceId: ids["ulla-job"]! })).access.capabilities).toEqual(["view", "data"]);
    await expect(gina.resources.transfer({ resourceId: ids["ulla-job"]!, toMembershipId: acme.member("uwe") })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("in your span"),
    });
    await gina.resources.transfer({ resourceId: ids["ulla-job"]!, toMembershipId: acme.member("gary") });
    expect((await t.db.resource.findUniqueOrThrow({ where: { id: ids["ulla-job"]! } })).ownerId).toBe(acme.member("gary"));
  });
});

describe("view as member", () => {
  it("lists what the member sees, minus what the admin cannot see, which is only counted", async () => {
    const adam = await acme.signIn("adam");
    const preview = await adam.resources.list({ asMembershipId: acme.member("ulla") });
    expect(preview.viewingAs).toEqual({ membershipId: acme.member("ulla"), name: "ulla" });
    expect(preview.rows.map((r) => r.name)).toEqual(["public-job"]);
    expect(preview.hidden).toBe(1); // secret-job: private, and Adam holds no grant on it
    const own = await adam.resources.list({});
    expect(own.hidden).toBe(0);
    expect(own.viewingAs).toBeNull();
  });

  it("opens a resource with the member's capabilities, and refuses what the member does not see", async () => {
    const adam = await acme.signIn("adam");
    const asUlla = await adam.resources.get({ resourceId: ids["public-job"]!, asMembershipId: acme.member("ulla") });
    expect(asUlla.access.capabilities).toEqual(["view", "run", "edit"]);
    expect(asUlla.viewingAs?.name).toBe("ulla");
    await expect(adam.resources.get({ resourceId: ids["public-job"]!, asMembershipId: acme.member("uwe") })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("uwe does not see public-job"),
    });
  });

  it("is for admins who see all resources or hold members' data, over members in their span", async () => {
    const ulla = await acme.signIn("ulla");
    await expect(ulla.resources.list({ asMembershipId: acme.member("uwe") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const gary = await acme.signIn("gary");
    await expect(gary.resources.list({ asMembershipId: acme.member("ulla") })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("cannot preview"),
    });
    const gina = await acme.signIn("gina");
    await expect(gina.resources.list({ asMembershipId: acme.member("uwe") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await gina.resources.list({ asMembershipId: acme.member("ulla") })).viewingAs?.name).toBe("ulla");
    const adam = await acme.signIn("adam");
    await expect(adam.resources.list({ asMembershipId: acme.member("adam") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(adam.resources.list({ asMembershipId: acme.member("owner") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
