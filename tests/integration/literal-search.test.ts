// What people type into a search box is text, not a LIKE pattern: "%" and "_" match only
// themselves in every search (server/db/like.ts). Prisma's `contains` would leave them live.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/server/services/actor";
import { listAuditLog } from "@/server/services/audit-log";
import { findPrincipals } from "@/server/services/grants";
import { createGroup } from "@/server/services/groups";
import { listOrganizations } from "@/server/services/tenants";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Under_Score").withTree("Ops_Team", "OpsXTeam").withMember("ann", "data_admin").create();
  await org(t.db, "UnderXScore").create();
});
afterAll(() => t.close());

const owner = async () => {
  const user = await t.db.user.findUniqueOrThrow({ where: { email: acme.email("owner") } });
  return loadActor(t.db, user.id, acme.slug);
};

describe("searches take % and _ literally", () => {
  it("in the sharing picker's groups", async () => {
    const actor = await owner();
    expect((await findPrincipals(t.db, actor, "ops_team")).groups.map((g) => g.name)).toEqual(["Ops_Team"]);
    expect((await findPrincipals(t.db, actor, "opsxteam")).groups.map((g) => g.name)).toEqual(["OpsXTeam"]);
    expect((await findPrincipals(t.db, actor, "%")).groups).toEqual([]);
  });

  it("in the operators' list of organizations", async () => {
    const names = async (search: string) => (await listOrganizations(t.db, null, { search, page: 1, pageSize: 20 })).rows.map((o) => o.name);
    expect(await names("under_score")).toEqual(["Under_Score"]);
    expect((await names("underxscore")).sort()).toEqual(["UnderXScore"]);
    expect(await names("%")).toEqual([]);
  });

  it("in the audit log", async () => {
    const actor = await owner();
    await createGroup(t.db, actor, { parentId: actor.group.id, name: "Plain" });
    const all = (await listAuditLog(t.db, actor, { pageSize: 50 })).rows;
    expect(all.length).toBeGreaterThan(1);
    const pct = (await listAuditLog(t.db, actor, { search: "%", pageSize: 50 })).rows;
    expect(pct).toEqual([]);
    // "_" finds what names an underscore (the organization's creation), not every event.
    const underscored = (await listAuditLog(t.db, actor, { search: "_", pageSize: 50 })).rows;
    expect(underscored.length).toBeGreaterThan(0);
    expect(underscored.length).toBeLessThan(all.length);
  });
});
