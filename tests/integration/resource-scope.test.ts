// Seed 002: a member's server/storage scope, set by an admin in span from the member page.
// When set, servers and storages outside it vanish from lists, pages and activity; other
// types stay; Explain access says what the scope removes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales", "Engineering")
    .withMember("adam", "admin")
    .withMember("gary", "group_admin", "Sales")
    .withMember("ulla", "user", "Engineering")
    .create();
  globex = await org(t.db, "Globex").create();
  const owner = await acme.signIn("owner");
  for (const [type, name] of [
    ["server", "web-01"],
    ["server", "db-01"],
    ["storage", "backups"],
    ["job", "nightly"],
  ] as const) {
    ids[name] = (await owner.resources.create({ type, name, description: "", private: false })).id;
    await owner.resources.grant({ resourceId: ids[name]!, principal: { kind: "GROUP", groupId: acme.group("Engineering") }, capabilities: ["view", "run"] });
  }
  const globexOwner = await globex.signIn("owner");
  ids["globex-server"] = (await globexOwner.resources.create({ type: "server", name: "gx-01", description: "", private: false })).id;
});
afterAll(() => t.close());

const names = async (login: string) => (await (await acme.signIn(login)).resources.list({})).rows.map((r) => r.name).sort();

describe("a member's resource scope", () => {
  it("is all servers and storages by default", async () => {
    expect(await names("ulla")).toEqual(["backups", "db-01", "nightly", "web-01"]);
  });

  it("limits servers and storages once set, and leaves other types alone", async () => {
    const adam = await acme.signIn("adam");
    const result = await adam.members.setResourceScope({ membershipId: acme.member("ulla"), resourceIds: [ids["web-01"]!] });
    expect(result.scope.map((r) => r.name)).toEqual(["web-01"]);
    expect(await names("ulla")).toEqual(["nightly", "web-01"]);
    const ulla = await acme.signIn("ulla");
    await expect(ulla.resources.get({ resourceId: ids["db-01"]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Adam sees db-01 but holds no share on it: explaining someone else's access needs share.
    await expect(adam.resources.explain({ resourceId: ids["db-01"]!, membershipId: acme.member("ulla") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const owner = await acme.signIn("owner");
    const why = await owner.resources.explain({ resourceId: ids["db-01"]!, membershipId: acme.member("ulla") });
    expect(why).toMatchObject({ visible: false, removed: expect.stringContaining("scope does not include this server") });
    expect(why.paths.map((p) => p.description)).toEqual(["Home group Engineering is in Engineering's subtree"]);
    expect((await adam.members.get({ membershipId: acme.member("ulla") })).resourceScope.map((r) => r.name)).toEqual(["web-01"]);
    expect(await t.db.auditEvent.count({ where: { action: "member.setResourceScope", targetId: acme.member("ulla") } })).toBe(1);
  });

  it("is lifted with an empty list", async () => {
    const adam = await acme.signIn("adam");
    await adam.members.setResourceScope({ membershipId: acme.member("ulla"), resourceIds: [] });
    expect(await names("ulla")).toEqual(["backups", "db-01", "nightly", "web-01"]);
  });

  it("holds servers and storages only, of this organization, that the admin sees", async () => {
    const adam = await acme.signIn("adam");
    await expect(adam.members.setResourceScope({ membershipId: acme.member("ulla"), resourceIds: [ids["nightly"]!] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("servers and storages only"),
    });
    await expect(adam.members.setResourceScope({ membershipId: acme.member("ulla"), resourceIds: [ids["globex-server"]!] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("ulla") } })).resourceScope).toEqual([]);
  });

  it("is set only by admins in span with “Edit member info”", async () => {
    const gary = await acme.signIn("gary");
    await expect(gary.members.setResourceScope({ membershipId: acme.member("ulla"), resourceIds: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ulla = await acme.signIn("ulla");
    await expect(ulla.members.setResourceScope({ membershipId: acme.member("ulla"), resourceIds: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
