// Runs and restores end with an outcome reported by whoever carried them out: reporting
// needs what starting needed, a run ends once (also under a race), and the activity log and
// the chart show outcomes only of the resources the viewer sees.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { refusal, signIn, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
let job: string;
let vault: string;

const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Engineering")
    .withMember("adam", "admin")
    .withMember("rita", "user", "Engineering")
    .withMember("vic", "user", "Engineering")
    .withMember("dan", "user", "Engineering")
    .withMember("otto", "user", "Engineering")
    .create();
  globex = await org(t.db, "Globex").create();
  const owner = await acme.signIn("owner");
  job = (await owner.resources.create({ type: "job", name: "nightly", description: "", private: false })).id;
  vault = (await owner.resources.create({ type: "storage", name: "vault", description: "", private: false })).id;
  await owner.resources.grant({ resourceId: job, principal: { kind: "MEMBER", membershipId: acme.member("rita") }, capabilities: ["view", "run"] });
  await owner.resources.grant({ resourceId: job, principal: { kind: "MEMBER", membershipId: acme.member("vic") }, capabilities: ["view"] });
  await owner.resources.grant({ resourceId: vault, principal: { kind: "MEMBER", membershipId: acme.member("rita") }, capabilities: ["view", "run"] });
  await owner.resources.grant({ resourceId: vault, principal: { kind: "MEMBER", membershipId: acme.member("dan") }, capabilities: ["view", "data"] });
});
afterAll(() => t.close());

describe("reporting how a run ended", () => {
  it("a run starts RUNNING, and its outcome, output, reporter and end are recorded once", async () => {
    const rita = await acme.signIn("rita");
    const { activityId } = await rita.resources.act({ resourceId: job, action: "run", note: "full backup" });
    const [started] = (await rita.resources.activity({ resourceId: job, page: 1, pageSize: 5 })).rows;
    expect(started).toMatchObject({ id: activityId, result: "RUNNING", detail: "full backup", finishedAt: null, output: "" });
    expect((await rita.resources.chart({ resourceId: job, days: 1 }))[0]).toEqual({ day: today(), succeeded: 0, failed: 0, running: 1 });

    const done = await rita.resources.finishRun({ activityId, outcome: "SUCCEEDED", output: "  12 files copied  " });
    expect(done.result).toBe("SUCCEEDED");
    const [ended] = (await rita.resources.activity({ resourceId: job, page: 1, pageSize: 5 })).rows;
    expect(ended).toMatchObject({ id: activityId, result: "SUCCEEDED", finishedByName: "rita", output: "12 files copied" });
    expect(ended!.finishedAt!.getTime()).toBeGreaterThanOrEqual(ended!.at.getTime());
    expect((await rita.resources.chart({ resourceId: job, days: 1 }))[0]).toEqual({ day: today(), succeeded: 1, failed: 0, running: 0 });

    const again = await refusal(() => rita.resources.finishRun({ activityId, outcome: "FAILED" }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe("This run already ended: rita reported that it succeeded.");
    const audit = await t.db.auditEvent.findMany({ where: { action: "resource.run.finish", targetId: job } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toEqual({ activityId, result: "SUCCEEDED" });
  });

  it("anyone who may start the run may report it, not only who started it; the owner may too", async () => {
    const rita = await acme.signIn("rita");
    const { activityId } = await rita.resources.act({ resourceId: job, action: "run" });
    const owner = await acme.signIn("owner");
    await owner.resources.finishRun({ activityId, outcome: "FAILED", output: "disk full" });
    const row = (await rita.resources.activity({ resourceId: job, page: 1, pageSize: 1 })).rows[0]!;
    expect(row).toMatchObject({ result: "FAILED", finishedByName: "Owner", output: "disk full" });
  });

  it("needs what starting needs: view only is FORBIDDEN with the reason, not seeing it is NOT_FOUND", async () => {
    const rita = await acme.signIn("rita");
    const { activityId } = await rita.resources.act({ resourceId: job, action: "run" });
    const vic = await acme.signIn("vic");
    const viewOnly = await refusal(() => vic.resources.finishRun({ activityId, outcome: "SUCCEEDED" }));
    expect(viewOnly.code).toBe("FORBIDDEN");
    expect(viewOnly.message).toContain("You do not have “Run” on nightly");
    expect(viewOnly.message).toContain("Reporting how a run ended needs what starting it needs.");
    const otto = await acme.signIn("otto");
    expect((await refusal(() => otto.resources.finishRun({ activityId, outcome: "SUCCEEDED" }))).code).toBe("NOT_FOUND");
    const stranger = await globex.signIn("owner");
    expect((await refusal(() => stranger.resources.finishRun({ activityId, outcome: "SUCCEEDED" }))).code).toBe("NOT_FOUND");
    // Losing the grant ends the right to report at the very next request.
    const owner = await acme.signIn("owner");
    await owner.resources.grant({ resourceId: job, principal: { kind: "MEMBER", membershipId: acme.member("rita") }, capabilities: ["view"] });
    expect((await refusal(() => rita.resources.finishRun({ activityId, outcome: "SUCCEEDED" }))).code).toBe("FORBIDDEN");
    await owner.resources.grant({ resourceId: job, principal: { kind: "MEMBER", membershipId: acme.member("rita") }, capabilities: ["view", "run"] });
    const row = await t.db.resourceActivity.findUniqueOrThrow({ where: { id: activityId } });
    expect(row.result).toBe("RUNNING");
  });

  it("a restore's outcome needs Data, like the restore", async () => {
    const dan = await acme.signIn("dan");
    const { activityId } = await dan.resources.act({ resourceId: vault, action: "restore" });
    const rita = await acme.signIn("rita");
    const refused = await refusal(() => rita.resources.finishRun({ activityId, outcome: "SUCCEEDED" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("Data");
    await dan.resources.finishRun({ activityId, outcome: "SUCCEEDED" });
  });

  it("only runs and restores have outcomes: an access change entry is NOT_FOUND as a run", async () => {
    const owner = await acme.signIn("owner");
    const change = await t.db.resourceActivity.findFirstOrThrow({ where: { resourceId: job, action: "access" } });
    expect((await refusal(() => owner.resources.finishRun({ activityId: change.id, outcome: "SUCCEEDED" }))).code).toBe("NOT_FOUND");
  });

  it("two reports at once: one wins, the other is told the run already ended", async () => {
    const rita = await acme.signIn("rita");
    const { activityId } = await rita.resources.act({ resourceId: job, action: "run" });
    // The second report comes through another client of the database, as from another app instance.
    const owner = await signIn(t.another(), acme.email("owner"), PASSWORD, acme.slug);
    const results = await Promise.allSettled([
      rita.resources.finishRun({ activityId, outcome: "SUCCEEDED" }),
      owner.resources.finishRun({ activityId, outcome: "FAILED" }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.auditEvent.count({ where: { action: "resource.run.finish", after: { path: ["activityId"], equals: activityId } } })).toBe(1);
  });

  it("bad input is a clear BAD_REQUEST", async () => {
    const rita = await acme.signIn("rita");
    const { activityId } = await rita.resources.act({ resourceId: job, action: "run" });
    const maybe = await refusal(() => rita.resources.finishRun({ activityId, outcome: "MAYBE" as never }));
    expect(maybe.code).toBe("BAD_REQUEST");
    expect(maybe.message).toContain("SUCCEEDED or FAILED");
    const long = await refusal(() => rita.resources.finishRun({ activityId, outcome: "FAILED", output: "x".repeat(4001) }));
    expect(long.code).toBe("BAD_REQUEST");
    expect(long.message).toContain("at most 4,000 characters");
  });
});

describe("the runs report", () => {
  it("counts runs and outcomes per resource the viewer sees, sorted as asked, over the period", async () => {
    const owner = await acme.signIn("owner");
    const fresh = (await owner.resources.create({ type: "task", name: "reindex", description: "", private: false })).id;
    const hidden = (await owner.resources.create({ type: "job", name: "payroll", description: "", private: true })).id;
    for (const outcome of ["FAILED", "FAILED", "SUCCEEDED"] as const) {
      const { activityId } = await owner.resources.act({ resourceId: fresh, action: "run" });
      await owner.resources.finishRun({ activityId, outcome });
    }
    await owner.resources.act({ resourceId: hidden, action: "run" });
    // An old run falls outside a 7-day period.
    const old = await owner.resources.act({ resourceId: fresh, action: "run" });
    const longAgo = new Date(Date.now() - 20 * 86_400_000);
    await t.db.resourceActivity.update({ where: { id: old.activityId }, data: { at: longAgo, day: longAgo.toISOString().slice(0, 10) } });

    const byOwner = await owner.resources.report({ days: 7, sort: "failed", page: 1, pageSize: 10 });
    // Earlier tests of this file ran the nightly job too: the fresh task is found by id, and
    // the order is checked as a whole (failures, then runs, descending).
    expect(byOwner.rows.find((r) => r.id === fresh)).toMatchObject({ runs: 3, succeeded: 1, failed: 2, running: 0, lastResult: "SUCCEEDED" });
    const keys = byOwner.rows.map((r) => [r.failed, r.runs] as const);
    expect(keys).toEqual([...keys].sort((x, y) => y[0] - x[0] || y[1] - x[1]));
    expect(byOwner.rows.map((r) => r.name)).toContain("payroll");
    const byName = await owner.resources.report({ days: 7, sort: "name", page: 1, pageSize: 10 });
    expect(byName.rows.map((r) => r.name)).toEqual([...byName.rows.map((r) => r.name)].sort());
    expect((await owner.resources.report({ days: 30, sort: "failed", page: 1, pageSize: 10 })).rows.find((r) => r.id === fresh)!.runs).toBe(4);

    // rita sees the nightly job and the vault, never the private payroll job or the task.
    const rita = await acme.signIn("rita");
    const mine = await rita.resources.report({ days: 30, sort: "name", page: 1, pageSize: 10 });
    expect(mine.rows.map((r) => r.name)).toEqual(["nightly", "vault"]);
    expect(mine.total).toBe(2);
    // A resource scope that leaves the vault out removes it from the report too.
    const adam = await acme.signIn("adam");
    await adam.members.setResourceScope({ membershipId: acme.member("rita"), resourceIds: [] });
    const other = (await owner.resources.create({ type: "storage", name: "other", description: "", private: false })).id;
    await adam.members.setResourceScope({ membershipId: acme.member("rita"), resourceIds: [other] });
    expect((await rita.resources.report({ days: 30, sort: "name", page: 1, pageSize: 10 })).rows.map((r) => r.name)).toEqual(["nightly"]);
    await adam.members.setResourceScope({ membershipId: acme.member("rita"), resourceIds: [] });
    // Another organization sees none of it.
    const stranger = await globex.signIn("owner");
    expect((await stranger.resources.report({ days: 365, sort: "runs", page: 1, pageSize: 10 })).total).toBe(0);
  });

  it("refuses a period or page size out of bounds with a clear message", async () => {
    const rita = await acme.signIn("rita");
    const zero = await refusal(() => rita.resources.report({ days: 0, sort: "name", page: 1, pageSize: 10 }));
    expect(zero).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at least 1 day") });
    const huge = await refusal(() => rita.resources.report({ days: 30, sort: "name", page: 1, pageSize: 5000 }));
    expect(huge).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("At most 1,000") });
    const sort = await refusal(() => rita.resources.report({ days: 30, sort: "colour" as never, page: 1, pageSize: 10 }));
    expect(sort).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Sort by one of") });
  });
});
