// What a viewer must not learn: figures of pages their role does not open (the overview),
// members outside their span (team counts), and whether an address has a Steward account in
// another organization (creating and importing members).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { loadActor } from "@/server/services/actor";
import { organizationOverview } from "@/server/services/organization";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withMember("adam", "admin")
    .withMember("sue", "support")
    .withMember("sara", "support_restore")
    .withMember("tess", "support_technician")
    .withMember("ian", "bulk_importer")
    .withMember("gary", "group_admin", "Sales")
    .withMember("gina", "group_data_admin", "Sales")
    .withMember("gsr", "group_support_restore", "Sales")
    .withMember("erin", "user", "Sales/EMEA")
    .withMember("tom", "user", "Engineering")
    .create();
  globex = await org(t.db, "Globex").withMember("gil", "user").withMember("gwen", "user").create();
  await t.db.user.update({ where: { email: globex.email("gwen") }, data: { username: "gwen" } });
  const adam = await acme.signIn("adam");
  await adam.invitations.invite({ emails: ["pending@example.test"], roleId: acme.role("user"), groupId: acme.group("Sales") });
});
afterAll(() => t.close());

describe("the overview shows each figure only to roles that open its page", () => {
  /** The database, recording which model each query reads. */
  function recorded(db: Db) {
    const models = new Set<string>();
    const extended = db.$extends({
      query: {
        $allModels: {
          $allOperations({ model, args, query }) {
            models.add(model);
            return query(args);
          },
        },
      },
    });
    return { db: extended as unknown as Db, models };
  }

  // [login, members figures, pending invitations, groups, stance toward members]
  const CASES = [
    ["adam", true, true, true, "manage"],
    ["sue", true, false, true, "see"],
    ["sara", true, false, false, "see"],
    ["gsr", true, false, false, "see"],
    ["tess", true, true, true, "manage"],
  ] as const;

  it.each(CASES)("as %s", async (login, members, invitations, groups, stance) => {
    const o = await (await acme.signIn(login)).organization.overview();
    expect(o.members !== null).toBe(members);
    expect(o.pendingInvitations !== null).toBe(invitations);
    expect(o.groups !== null).toBe(groups);
    expect(o.you.members).toBe(stance);
    if (invitations) expect(o.pendingInvitations).toBeGreaterThan(0);
    // Not even computed: the service never reads what the role may not see.
    const { db, models } = recorded(t.db);
    await organizationOverview(db, await loadActor(t.db, (await t.db.user.findUniqueOrThrow({ where: { email: acme.email(login) } })).id, acme.slug));
    expect(models.has("Invitation")).toBe(invitations);
    expect(models.has("Group")).toBe(groups);
  });

  it("says what a view-only role may do, not that it manages anyone", async () => {
    const o = await (await acme.signIn("sue")).organization.overview();
    expect(o.you.holds).toEqual(["View overview", "View members", "View groups", "View roles", "View policies", "Run reports"]);
    expect(o.you.members).toBe("see");
  });
});

describe("team counts include only members the viewer may see", () => {
  it("counts as the list shows, for each viewer", async () => {
    const owner = await acme.signIn("owner");
    const { id } = await owner.teams.create({ name: "Mixed", description: "" });
    for (const login of ["erin", "tom", "gina", "gary"]) await owner.teams.addMember({ teamId: id, membershipId: acme.member(login) });
    const counts: Record<string, number> = {};
    for (const login of ["owner", "adam", "gary"]) {
      const team = (await (await acme.signIn(login)).teams.list()).find((x) => x.id === id)!;
      expect(team.memberCount).toBe(team.members.length);
      counts[login] = team.memberCount;
    }
    // gary (Group Admin, Sales) sees erin and himself: not tom (Engineering), not gina (powers he lacks).
    expect(counts).toEqual({ owner: 4, adam: 3, gary: 2 });
  });
});
