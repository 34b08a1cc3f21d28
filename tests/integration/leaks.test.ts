// What a viewer must not learn: figures of pages their role does not open (the overview),
// members outside their span (team counts), and whether an address has a Steward account in
// another organization (creating and importing members).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { verifyCredentials } from "@/server/services/account";
import { loadActor } from "@/server/services/actor";
import { organizationOverview } from "@/server/services/organization";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { runImport } from "../support/import";
import { refusal, testDatabase, type TestDatabase } from "./harness";

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
    // gary (Group Admin, Sales) sees erin and himself: not tom (Engineering), not gina (ranked
    // above him). adam (Admin) sees all four: gina ranks below him (he may not manage her).
    expect(counts).toEqual({ owner: 4, adam: 4, gary: 2 });
  });
});

describe("adding a member answers the same whether or not the address has an account elsewhere", () => {
  const shape = (r: object) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v]));

  it("members.create: the same answer, a one-time password each time, never set on the other account", async () => {
    const adam = await acme.signIn("adam");
    const input = { roleId: acme.role("user"), groupId: acme.group("Sales") };
    const fresh = await adam.members.create({ ...input, name: "Fresh", email: "fresh@example.test" });
    const known = await adam.members.create({ ...input, name: "Gil", email: globex.email("gil") });
    expect(shape(known)).toEqual(shape(fresh));
    expect(fresh.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(known.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await verifyCredentials(t.db, "fresh@example.test", fresh.oneTimePassword)).not.toBeNull();
    // The account elsewhere keeps its own password; the one shown does nothing for it.
    expect(await verifyCredentials(t.db, globex.email("gil"), PASSWORD)).not.toBeNull();
    expect(await verifyCredentials(t.db, globex.email("gil"), known.oneTimePassword)).toBeNull();
    const rows = await t.db.membership.findMany({ where: { id: { in: [fresh.membershipId, known.membershipId] } }, select: { status: true } });
    expect(rows.map((r) => r.status)).toEqual(["ACTIVE", "ACTIVE"]);
    // Nor does the organization's audit log record which of the two it was.
    const audits = await t.db.auditEvent.findMany({ where: { action: "member.create", targetId: { in: [fresh.membershipId, known.membershipId] } } });
    expect(audits.map((a) => Object.keys(a.after as object).sort())).toEqual([
      Object.keys(audits[0]!.after as object).sort(),
      Object.keys(audits[0]!.after as object).sort(),
    ]);
  });

  it("members.create: a taken username is refused alike", async () => {
    const adam = await acme.signIn("adam");
    const input = { roleId: acme.role("user"), groupId: acme.group("Sales"), username: "gwen" };
    const fresh = await refusal(() => adam.members.create({ ...input, name: "Other", email: "other@example.test" }));
    const known = await refusal(() => adam.members.create({ ...input, name: "Gwen", email: globex.email("gwen") }));
    expect([fresh.code, fresh.message]).toEqual(["CONFLICT", "The username gwen is taken."]);
    expect([known.code, known.message]).toEqual([fresh.code, fresh.message]);
  });

  it("the import tool: the same outcome and message, and a one-time password for each", async () => {
    await t.db.membership.deleteMany({ where: { organizationId: acme.id, user: { email: globex.email("gil") } } });
    const ian = await acme.signIn("ian");
    const [fresh, known] = await runImport(t.db, ian, [
      { email: "imported@example.test", name: "Imported" },
      { email: globex.email("gil"), name: "Gil" },
    ]);
    expect(shape(known!)).toEqual(shape(fresh!));
    expect([known!.outcome, known!.message]).toEqual([fresh!.outcome, fresh!.message]);
    expect(fresh!.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(known!.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await verifyCredentials(t.db, globex.email("gil"), PASSWORD)).not.toBeNull();
    expect(await verifyCredentials(t.db, globex.email("gil"), known!.oneTimePassword!)).toBeNull();
  });
});
