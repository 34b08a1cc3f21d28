import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_ROLES } from "@/server/authz";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme").withTree("Sales").withMember("sofia", "support").withMember("gus", "group_support_technician", "Sales").create();
});
afterAll(() => t.close());

describe("roles through tRPC", () => {
  it("lists the twelve built-in roles by rank, marking the viewer's own", async () => {
    const sofia = await acme.signIn("sofia");
    const roles = await sofia.roles.list();
    expect(roles.map((r) => r.name)).toEqual(BUILT_IN_ROLES.map((r) => r.name));
    expect(roles.filter((r) => r.isYours).map((r) => r.name)).toEqual(["Support"]);
    expect(roles.every((r) => r.builtIn)).toBe(true);
  });

  it("refuses a role without “View roles”", async () => {
    const gus = await acme.signIn("gus");
    await expect(gus.roles.list()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("View roles") });
  });
});
