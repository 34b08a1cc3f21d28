// "Where a member stands" on their page (issue 17): the group chain, teams, the role's
// permissions and the organization-wide access that reaches them with how, through tRPC as
// the console asks it, under rule 3 (a member one does not see is NOT_FOUND).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, BUILT_IN_ROLES } from "@/server/authz";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA/Paris", "Engineering")
    .withMember("gary", "group_admin", "Sales")
    .withMember("ulla", "user", "Sales/EMEA/Paris")
    .withMember("uwe", "user", "Engineering")
    .create();
  const owner = await acme.signIn("owner");
  const team = await owner.teams.create({ name: "Night shift", description: "" });
  await owner.teams.addMember({ teamId: team.id, membershipId: acme.member("ulla") });
  await owner.organizationAccess.set({ principal: { kind: "TEAM", teamId: team.id }, scope: "*", capabilities: ["view"], mayCreate: false });
  await owner.organizationAccess.set({
    principal: { kind: "GROUP", groupId: acme.group("Sales") },
    scope: "server",
    capabilities: ["view", "run"],
    mayCreate: true,
  });
  await owner.organizationAccess.set({
    principal: { kind: "MEMBER", membershipId: acme.member("uwe") },
    scope: "storage",
    capabilities: ["view"],
    mayCreate: false,
  });
});
afterAll(() => t.close());

describe("where a member stands", () => {
  it("names the group chain from the root, the teams, the role's permissions and each organization-wide access with how it reaches them", async () => {
    const gary = await acme.signIn("gary");
    const ulla = await gary.members.access({ membershipId: acme.member("ulla") });
    const root = await t.db.group.findUniqueOrThrow({ where: { id: acme.group("") } });
    expect(ulla.groups.map((g) => g.name)).toEqual([root.name, "Sales", "EMEA", "Paris"]);
    expect(ulla.teams.map((x) => x.name)).toEqual(["Night shift"]);
    const user = BUILT_IN_ROLES.find((r) => r.key === "user")!;
    expect(ulla.role.name).toBe(user.name);
    expect(ulla.role.permissions.map((p) => p.key)).toEqual(ALL_PERMISSIONS.filter((p) => (user.permissions as readonly string[]).includes(p)));
    expect(ulla.organizationWide.map((g) => [g.scope, g.capabilities, g.mayCreate, g.source]).sort()).toEqual(
      [
        ["*", ["view"], false, "through the team Night shift"],
        ["server", ["view", "run"], true, "through the group Sales"],
      ].sort(),
    );
  });

  it("says what the role gives an administrator, and names access given to the member alone", async () => {
    const owner = await acme.signIn("owner");
    const gary = await owner.members.access({ membershipId: acme.member("gary") });
    expect(gary.role.permissions.map((p) => p.key)).toContain("members.assignRole");
    expect(gary.role.permissions.every((p) => p.label && p.area)).toBe(true);
    expect(gary.teams).toEqual([]);
    const uwe = await owner.members.access({ membershipId: acme.member("uwe") });
    expect(uwe.organizationWide.map((g) => g.source)).toEqual(["given to them"]);
  });

  it("is NOT_FOUND for a member outside the viewer's span and FORBIDDEN without View members", async () => {
    const gary = await acme.signIn("gary");
    await expect(gary.members.access({ membershipId: acme.member("uwe") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gary.members.access({ membershipId: acme.member("owner") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ulla = await acme.signIn("ulla");
    await expect(ulla.members.access({ membershipId: acme.member("ulla") })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
