// Seed 004's restorers through the API: "Manage restores" (Support Restore, Group Support
// Restore) gives View and Data over the resources of members in the actor's span, so they
// see and restore them and report how the restore ended, and never run, edit or share
// them; Explain access names the path; the restore report lists exactly the span's owners.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { refusal, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales", "Sales/EMEA", "Engineering")
    .withMember("rhea", "support_restore")
    .withMember("gus", "group_support_restore", "Sales")
    .withMember("sam", "support")
    .withMember("adam", "admin")
    .withMember("gemma", "group_data_admin", "Sales")
    .withMember("ulla", "user", "Sales/EMEA")
    .withMember("pete", "user", "Engineering")
    .withMember("nora", "user", "Sales")
    .create();
  // Users create nothing themselves (no "Create resources"): their resources are given to them.
  const own = async (login: string, type: string, name: string, priv = false) => {
    const r = await t.db.resource.create({ data: { organizationId: acme.id, type, name, ownerId: acme.member(login), private: priv } });
    ids[name] = r.id;
  };
  await own("ulla", "storage", "ulla-vault", true);
  await own("ulla", "storage", "ulla-archive");
  await own("ulla", "job", "ulla-job");
  await own("pete", "storage", "pete-vault");
  await own("adam", "job", "adam-job");
  await own("gemma", "storage", "gemma-vault");
});
afterAll(() => t.close());

const names = async (login: string) => (await (await acme.signIn(login)).resources.list({ page: 1, pageSize: 100 })).rows.map((r) => r.name).sort();

describe("the restorer path (seed 004: manage restores for lower-ranked members)", () => {
  it("shows the resources of members in span, private ones too, and nothing of higher-ranked or stronger owners", async () => {
    expect(await names("rhea")).toEqual(["pete-vault", "ulla-archive", "ulla-job", "ulla-vault"]);
    // Group Support Restore: inside its subtree only (not pete in Engineering, not gemma above it).
    expect(await names("gus")).toEqual(["ulla-archive", "ulla-job", "ulla-vault"]);
  });

  it("restores and reports how the restore ended", async () => {
    const rhea = await acme.signIn("rhea");
    const { activityId } = await rhea.resources.act({ resourceId: ids["ulla-vault"]!, action: "restore", note: "yesterday's snapshot" });
    const done = await rhea.resources.finishRun({ activityId, outcome: "SUCCEEDED" });
    expect(done.result).toBe("SUCCEEDED");
  });

  it("never runs, edits or shares: FORBIDDEN with the reason", async () => {
    const rhea = await acme.signIn("rhea");
    const run = await refusal(() => rhea.resources.act({ resourceId: ids["ulla-job"]!, action: "run" }));
    expect(run).toMatchObject({ code: "FORBIDDEN", message: "You do not have “Run” on ulla-job; you have View + Data." });
    const edit = await refusal(() => rhea.resources.update({ resourceId: ids["ulla-archive"]!, name: "renamed", description: "", private: false }));
    expect(edit).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("You do not have “Edit” on ulla-archive") });
    const share = await refusal(() =>
      rhea.resources.grant({ resourceId: ids["ulla-archive"]!, principal: { kind: "MEMBER", membershipId: acme.member("pete") }, capabilities: ["view"] }),
    );
    expect(share).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("You do not have “Share (manage access)” on ulla-archive") });
    expect((await refusal(() => rhea.resources.get({ resourceId: ids["adam-job"]! }))).code).toBe("NOT_FOUND");
  });

  it("is shown by Explain access, with its sentence", async () => {
    const rhea = await acme.signIn("rhea");
    const why = await rhea.resources.explain({ resourceId: ids["ulla-vault"]!, membershipId: acme.member("rhea") });
    expect(why).toMatchObject({ visible: true, capabilities: ["view", "data"] });
    expect(why.paths).toEqual([
      {
        kind: "restorer",
        description: "As Support Restore, you restore the data of ulla, who owns it",
        capabilities: ["view", "data"],
        summary: "View + Data",
      },
    ]);
  });

  it("yields to the resource scope", async () => {
    await t.db.membership.update({ where: { id: acme.member("rhea") }, data: { resourceScope: [ids["pete-vault"]!] } });
    try {
      expect(await names("rhea")).toEqual(["pete-vault", "ulla-job"]);
    } finally {
      await t.db.membership.update({ where: { id: acme.member("rhea") }, data: { resourceScope: [] } });
    }
  });
});

describe("the restore report", () => {
  it("lists exactly the owners in the actor's span, by name, with what restores and the last restore", async () => {
    const rhea = await acme.signIn("rhea");
    const report = await rhea.resources.restoreReport({ page: 1, pageSize: 25 });
    expect(report.total).toBe(2);
    expect(report.rows.map((r) => r.name)).toEqual(["pete", "ulla"]);
    expect(report.rows[0]).toMatchObject({ resources: 1, restorable: 1, restorableNames: ["pete-vault"], lastRestoreAt: null, lastRestoreResult: null });
    expect(report.rows[1]).toMatchObject({
      resources: 3,
      restorable: 2,
      restorableNames: ["ulla-archive", "ulla-vault"],
      lastRestoreResult: "SUCCEEDED",
      lastRestoreResource: "ulla-vault",
    });
    // Paged on the server.
    const second = await rhea.resources.restoreReport({ page: 2, pageSize: 1 });
    expect(second).toMatchObject({ total: 2, rows: [{ name: "ulla" }] });
    // A Group Support Restore: its subtree's owners only.
    const gus = await acme.signIn("gus");
    expect((await gus.resources.restoreReport({ page: 1, pageSize: 25 })).rows.map((r) => r.name)).toEqual(["ulla"]);
  });

  it("is FORBIDDEN to a role without “Manage restores”", async () => {
    const sam = await acme.signIn("sam");
    expect(await refusal(() => sam.resources.restoreReport({ page: 1, pageSize: 25 }))).toMatchObject({
      code: "FORBIDDEN",
      message: "Your role Support does not have “Manage restores”.",
    });
  });
});
