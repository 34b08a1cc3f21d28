// The Bulk Importer's tool (seed 004): the one documented exception to rank, as jobs: upload,
// dry run, confirm, apply in batches by the worker, results file.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as resultsRoute } from "@/app/o/[slug]/import/[jobId]/results/route";
import { pruneExpired } from "@/server/maintenance/prune";
import { verifyCredentials } from "@/server/services/account";
import { loadActor } from "@/server/services/actor";
import { EXPORT_COLUMNS, exportPage, type ExportRow } from "@/server/services/export";
import { drainImportJobs, runImportStep } from "@/server/services/import-run";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { APP_ORIGIN, sessionCookie } from "../support/http";
import { dryRun, resultsOf, runImport, toCsv } from "../support/import";
import { refusal, setProcessDb, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
const savedUrl = process.env.NEXTAUTH_URL;
let restoreProcessDb: () => void;

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP_ORIGIN;
  t = await testDatabase();
  restoreProcessDb = setProcessDb({ db: t.db });
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withMember("ian", "bulk_importer")
    .withMember("ivy", "bulk_importer")
    .withMember("adam", "admin")
    .withMember("dora", "data_admin")
    .withMember("gina", "group_data_admin", "Sales")
    .withMember("ulla", "user", "Sales")
    .withMember("uwe", "user", "Engineering")
    .withMember("ute", "user", "Sales/EMEA")
    .withMember("ina", "user", "Sales", "INVITED")
    .withMember("dis", "user", "Engineering", "DISABLED")
    .create();
  globex = await org(t.db, "Globex").withMember("gil", "bulk_importer").create();
});
afterAll(async () => {
  restoreProcessDb();
  process.env.NEXTAUTH_URL = savedUrl;
  await t.close();
});

const counts = async () => ({
  memberships: await t.db.membership.count(),
  users: await t.db.user.count(),
  audit: await t.db.auditEvent.count({ where: { NOT: { action: { in: ["import.upload", "import.apply"] } } } }),
  states: JSON.stringify(
    await t.db.membership.findMany({
      orderBy: { id: "asc" },
      select: { id: true, groupId: true, status: true, user: { select: { name: true, company: true } } },
    }),
  ),
});

/** The members CSV exactly as the export tool writes it. */
async function exportedMembersCsv(): Promise<string> {
  const owner = await loadActor(t.db, (await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("owner") } })).userId, acme.slug);
  const rows: ExportRow[] = [];
  let cursor: string | null = null;
  do {
    const page = await exportPage(t.db, owner, { kind: "members", cursor, format: "csv" });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return Papa.unparse({ fields: [...EXPORT_COLUMNS.members], data: rows }, { escapeFormulae: true, newline: "\r\n" });
}

describe("the dry run", () => {
  it("shows each row's outcome and changes, and writes nothing", async () => {
    const ian = await acme.signIn("ian");
    const before = await counts();
    const { job, rows } = await dryRun(
      t.db,
      ian,
      toCsv([
        { email: "New.One@acme.test", name: "New One", group: "Sales/EMEA", company: "Acme EU" },
        { email: acme.email("adam"), name: "Adam Moved", group: "Engineering" },
        { email: acme.email("ulla"), status: "DISABLED" },
        { email: acme.email("dis"), status: "active" },
        { email: acme.email("uwe"), action: "delete" },
        { email: acme.email("owner"), status: "DISABLED" },
        { email: "lost@acme.test", name: "Lost", group: "Nowhere" },
        { email: "noname@acme.test" },
        { email: acme.email("ute") },
      ]),
    );
    expect(job.status).toBe("PREVIEWED");
    expect(rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, "create"],
      [3, "update"],
      [4, "disable"],
      [5, "enable"],
      [6, "delete"],
      [7, "refused"],
      [8, "refused"],
      [9, "refused"],
      [10, "unchanged"],
    ]);
    expect(rows[1]!.changes).toEqual([
      { field: "name", before: "adam", after: "Adam Moved" },
      { field: "group", before: "Acme", after: "Engineering" },
    ]);
    expect(rows[2]!.changes).toEqual([{ field: "status", before: "ACTIVE", after: "DISABLED" }]);
    expect(rows[5]!.message).toContain("owns the organization");
    expect(rows[6]!.message).toBe("No group “Nowhere” in this organization.");
    expect(rows[7]!.message).toBe("A new member needs a name.");
    expect(job.planned).toMatchObject({ create: 1, update: 1, disable: 1, enable: 1, delete: 1, refused: 3, unchanged: 1 });
    expect(job.changes).toBe(5);
    expect(await counts()).toEqual(before);
    await ian.importer.cancel({ jobId: job.id });
  });

  it("of the export's own members file is all unchanged (INVITED members included), the extra columns left aside", async () => {
    const ian = await acme.signIn("ian");
    const csv = await exportedMembersCsv();
    expect(csv).toContain(",INVITED,");
    const before = await counts();
    const { job, rows } = await dryRun(t.db, ian, csv);
    expect(job.ignoredColumns).toEqual(["role", "two_factor", "last_sign_in"]);
    expect(rows.length).toBeGreaterThan(8);
    for (const r of rows) expect(`${r.email}: ${r.outcome}`).toBe(`${r.email}: unchanged`);
    expect(job.changes).toBe(0);
    await expect(ian.importer.confirm({ jobId: job.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "The dry run found nothing to change.",
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a second row for the same member or username, and bad cells, per row", async () => {
    const ian = await acme.signIn("ian");
    const csv = [
      "email,name,username,status",
      "dup@acme.test,Dup,dupe,",
      "DUP@acme.test,Dup Again,,",
      "other@acme.test,Other,dupe,",
      "not-an-email,X,,",
      "cells@acme.test,Too,many,cells,here",
      `${acme.email("ina")},,,ACTIVE`,
      "inv@acme.test,Inv,,INVITED",
      "odd@acme.test,Odd,,SLEEPING",
    ].join("\n");
    const { rows } = await dryRun(t.db, ian, csv);
    expect(rows.map((r) => [r.line, r.outcome, r.message])).toEqual([
      [2, "create", expect.any(String)],
      [3, "refused", "dup@acme.test is already on line 2; each member appears once in a file."],
      [4, "refused", "The username dupe is already on line 2."],
      [5, "refused", "Enter a valid email address."],
      [6, "refused", "This line has 5 cells; the first line names 4 columns."],
      [7, "refused", `${acme.email("ina")} has not accepted their invitation yet.`],
      [8, "refused", expect.stringContaining("The import does not invite")],
      [9, "refused", "The status is ACTIVE, DISABLED or INVITED (as the export writes it)."],
    ]);
  });

  it("refuses files it cannot read whole, in sentences, and creates no job", async () => {
    const ian = await acme.signIn("ian");
    const jobs = await t.db.importJob.count();
    const cases: Array<[string, RegExp]> = [
      ["name,company\nAna,Acme", /^The first line must name the columns, including email/],
      ["email,name,salary\na@acme.test,A,1", /^Unknown column: salary\. The import reads email, name/],
      ['email,name\n"a@acme.test,A\nb@acme.test,B', /^Line 2: a quoted cell is never closed/],
      ["email,name\n", /^The file has no rows/],
      [`email\n${Array.from({ length: 10_001 }, (_, i) => `m${i}@acme.test`).join("\n")}`, /^The file has 10,001 rows; the import takes at most 10,000/],
      ["x".repeat(50 * 1024 * 1024), /^The file is larger than 4\.0 MB; the import takes files up to 4 MB and 10,000 rows\. Split it/],
    ];
    for (const [csv, message] of cases) {
      const refused = await refusal(() => ian.importer.upload({ fileName: "m.csv", csv }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toMatch(message);
      expect(refused.message).not.toMatch(/csv:|Invalid|expected|received/);
    }
    expect(await t.db.importJob.count()).toBe(jobs);
  });
});

describe("applying", () => {
  it("does what the dry run showed, in batches, with a results file whose passwords are sealed and then dropped", async () => {
    const ian = await acme.signIn("ian");
    const { job } = await dryRun(
      t.db,
      ian,
      toCsv([
        { email: "fresh@acme.test", name: "Fresh", username: "fresh", group: "Sales/EMEA" },
        { email: acme.email("adam"), name: "Adam Moved", group: "Engineering" },
        { email: acme.email("ulla"), status: "DISABLED" },
        { email: acme.email("dis"), status: "ACTIVE" },
        { email: acme.email("uwe"), action: "delete" },
        { email: acme.email("ute") },
        { email: acme.email("owner"), action: "delete" },
      ]),
    );
    await ian.importer.confirm({ jobId: job.id });
    expect((await ian.importer.job({ jobId: job.id })).status).toBe("APPLYING");
    // Two rows per batch: progress is recorded after each.
    await runImportStep(t.db, { jobId: job.id, applyBatch: 2 });
    const half = await ian.importer.job({ jobId: job.id });
    expect([half.status, half.applied]).toEqual(["APPLYING", 4]); // unchanged and refused rows at once, then 2
    await drainImportJobs(t.db, { jobId: job.id, applyBatch: 2 });
    const done = await ian.importer.job({ jobId: job.id });
    expect([done.status, done.applied, done.total]).toEqual(["DONE", 7, 7]);
    expect(done.results).toMatchObject({ create: 1, update: 1, disable: 1, enable: 1, delete: 1, unchanged: 1, refused: 1 });

    const results = await resultsOf(ian, job.id);
    expect(results.map((r) => [r.line, r.outcome, r.message])).toEqual([
      [2, "create", "Created"],
      [3, "update", "Updated"],
      [4, "disable", "Disabled"],
      [5, "enable", "Enabled"],
      [6, "delete", "Deleted with their account"],
      [7, "unchanged", "Nothing to change"],
      [8, "refused", expect.stringContaining("deletes only end users")],
    ]);
    const password = results[0]!.oneTimePassword!;
    expect(await verifyCredentials(t.db, "fresh", password)).toMatchObject({ email: "fresh@acme.test" });
    const stored = await t.db.importRow.findFirstOrThrow({ where: { jobId: job.id, line: 2 } });
    expect(stored.oneTimePassword).toMatch(/^v2\./);
    expect(stored.oneTimePassword).not.toContain(password);

    const adam = await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("adam") }, include: { group: true, user: true } });
    expect([adam.group.name, adam.user.name]).toEqual(["Engineering", "Adam Moved"]);
    expect((await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("ulla") } })).status).toBe("DISABLED");
    expect(await t.db.user.count({ where: { email: acme.email("uwe") } })).toBe(0);
    const audit = await t.db.auditEvent.findMany({
      where: { organizationId: acme.id, OR: [{ targetId: job.id }, { action: { in: ["member.import", "member.create", "member.delete"] } }] },
    });
    expect(audit.filter((e) => e.action === "member.import")).toHaveLength(3);
    expect(
      audit
        .filter((e) => e.targetId === job.id)
        .map((e) => e.action)
        .sort(),
    ).toEqual(["import.apply", "import.upload"]);

    // The download hands the passwords over, then they leave the database.
    const cookie = await sessionCookie(t.db, acme.email("ian"), PASSWORD);
    const get = () =>
      resultsRoute(new Request(`${APP_ORIGIN}/o/${acme.slug}/import/${job.id}/results`, { headers: { cookie } }), {
        params: Promise.resolve({ slug: acme.slug, jobId: job.id }),
      });
    const first = await get();
    expect(first.status).toBe(200);
    const file = Papa.parse<Record<string, string>>(await first.text(), { header: true, skipEmptyLines: "greedy" });
    expect(file.meta.fields).toEqual(["line", "email", "outcome", "message", "one_time_password"]);
    expect(file.data[0]).toMatchObject({ line: "2", email: "fresh@acme.test", outcome: "create", one_time_password: password });
    expect(await t.db.importRow.count({ where: { jobId: job.id, oneTimePassword: { not: null } } })).toBe(0);
    const again = Papa.parse<Record<string, string>>(await (await get()).text(), { header: true, skipEmptyLines: "greedy" });
    expect(again.data[0]!.one_time_password).toBe("");
    expect((await ian.importer.job({ jobId: job.id })).passwordsAvailable).toBe(false);
  });

  it("decides each row again: a row that changed or became refused since the dry run says why, the rest apply", async () => {
    const ian = await acme.signIn("ian");
    const { job } = await dryRun(
      t.db,
      ian,
      toCsv([
        { email: acme.email("gina"), company: "Gina Co" },
        { email: acme.email("ute"), company: "Ute Co" },
        { email: "later@acme.test", name: "Later", group: "Engineering" },
        { email: acme.email("ulla"), status: "ACTIVE" },
      ]),
    );
    expect(job.changes).toBe(4);
    // Meanwhile: gina's company is edited elsewhere, Engineering is renamed, ute already matches.
    await t.db.user.update({ where: { email: acme.email("gina") }, data: { name: "Gina Renamed" } });
    await t.db.user.update({ where: { email: acme.email("ute") }, data: { company: "Ute Co" } });
    await t.db.group.update({ where: { id: acme.group("Engineering") }, data: { name: "Platform" } });
    await ian.importer.confirm({ jobId: job.id });
    await drainImportJobs(t.db, { jobId: job.id });
    const results = await resultsOf(ian, job.id);
    expect(results.map((r) => r.outcome)).toEqual(["update", "unchanged", "refused", "enable"]);
    expect(results[2]!.message).toBe("No group “Engineering” in this organization.");
    expect(results[1]!.message).toContain("changed since the dry run");
    expect(await t.db.user.count({ where: { email: "later@acme.test" } })).toBe(0);
    await t.db.group.update({ where: { id: acme.group("Engineering") }, data: { name: "Engineering" } });
  });

  it("refuses a row whose plan is no longer the confirmed one", async () => {
    const ian = await acme.signIn("ian");
    const { job } = await dryRun(t.db, ian, toCsv([{ email: acme.email("ulla"), name: "Ulla New" }]));
    await t.db.membership.update({ where: { id: acme.member("ulla") }, data: { status: "DISABLED" } });
    await t.db.user.update({ where: { email: acme.email("ulla") }, data: { name: "Ulla Other" } });
    await ian.importer.confirm({ jobId: job.id });
    await drainImportJobs(t.db, { jobId: job.id });
    const [row] = await resultsOf(ian, job.id);
    expect(row!.outcome).toBe("refused");
    expect(row!.message).toMatch(
      /^Changed since the dry run, which planned “update”; it would now be “update” \(name: Ulla Other → Ulla New\)\. Nothing was written/,
    );
    await t.db.membership.update({ where: { id: acme.member("ulla") }, data: { status: "ACTIVE" } });
  });

  it("resumes a job whose worker stopped mid-way, applying each row once", async () => {
    const ian = await acme.signIn("ian");
    const emails = Array.from({ length: 5 }, (_, i) => `resume${i}@acme.test`);
    const { job } = await dryRun(t.db, ian, toCsv(emails.map((email, i) => ({ email, name: `Resume ${i}` }))));
    await ian.importer.confirm({ jobId: job.id });
    await runImportStep(t.db, { jobId: job.id, applyBatch: 2 });
    // A worker that claimed the next batch and died: its lease holds the job until it lapses.
    await t.db.importJob.update({ where: { id: job.id }, data: { lockedUntil: new Date(Date.now() + 60_000), leaseToken: "dead" } });
    expect(await runImportStep(t.db, { jobId: job.id })).toBeNull();
    expect((await ian.importer.job({ jobId: job.id })).applied).toBe(2);
    await t.db.importJob.update({ where: { id: job.id }, data: { lockedUntil: new Date(Date.now() - 1_000) } });
    await drainImportJobs(t.db, { jobId: job.id });
    const done = await ian.importer.job({ jobId: job.id });
    expect([done.status, done.results.create]).toEqual(["DONE", 5]);
    expect(await t.db.membership.count({ where: { organizationId: acme.id, user: { email: { in: emails } } } })).toBe(5);
    expect(await t.db.auditEvent.count({ where: { action: "member.create", after: { path: ["email"], string_starts_with: "resume" } } })).toBe(5);
  });

  it("stops a job whose importer lost “Bulk import”, refusing the rows left with the reason", async () => {
    const ivy = await acme.signIn("ivy");
    const { job } = await dryRun(
      t.db,
      ivy,
      toCsv([
        { email: "x1@acme.test", name: "X1" },
        { email: "x2@acme.test", name: "X2" },
      ]),
    );
    await ivy.importer.confirm({ jobId: job.id });
    const ivyRole = (await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("ivy") } })).roleId;
    await t.db.membership.update({ where: { id: acme.member("ivy") }, data: { roleId: acme.role("user") } });
    await drainImportJobs(t.db, { jobId: job.id });
    const stopped = await t.db.importJob.findUniqueOrThrow({ where: { id: job.id }, include: { rows: true } });
    expect(stopped.status).toBe("FAILED");
    expect(stopped.failure).toContain("Bulk import");
    expect(stopped.rows.map((r) => r.outcome)).toEqual(["refused", "refused"]);
    expect(await t.db.user.count({ where: { email: { in: ["x1@acme.test", "x2@acme.test"] } } })).toBe(0);
    await t.db.membership.update({ where: { id: acme.member("ivy") }, data: { roleId: ivyRole } });
  });
});

describe("keeping one-time passwords short", () => {
  it("are not given, and are pruned, a day after the job ended", async () => {
    const ian = await acme.signIn("ian");
    const { job } = await dryRun(t.db, ian, toCsv([{ email: "kept@acme.test", name: "Kept" }]));
    await ian.importer.confirm({ jobId: job.id });
    await drainImportJobs(t.db, { jobId: job.id });
    expect((await resultsOf(ian, job.id))[0]!.oneTimePassword).toBeTruthy();
    await t.db.importJob.update({ where: { id: job.id }, data: { finishedAt: new Date(Date.now() - 25 * 60 * 60_000) } });
    expect((await resultsOf(ian, job.id))[0]!.oneTimePassword).toBeUndefined();
    expect((await pruneExpired(t.db)).importPasswords).toBe(1);
    expect(await t.db.importRow.count({ where: { jobId: job.id, oneTimePassword: { not: null } } })).toBe(0);
  });
});

describe("who sees a job", () => {
  it("only its creator while holding “Bulk import”: another member's job is NOT_FOUND, others are FORBIDDEN", async () => {
    const ian = await acme.signIn("ian");
    const { job } = await dryRun(t.db, ian, toCsv([{ email: acme.email("ulla"), company: "Seen" }]));
    const ivy = await acme.signIn("ivy");
    const gil = await globex.signIn("gil");
    for (const other of [ivy, gil]) {
      for (const call of [
        () => other.importer.job({ jobId: job.id }),
        () => other.importer.rows({ jobId: job.id }),
        () => other.importer.confirm({ jobId: job.id }),
        () => other.importer.cancel({ jobId: job.id }),
        () => other.importer.results({ jobId: job.id }),
      ]) {
        expect(await refusal(call)).toMatchObject({ code: "NOT_FOUND", message: "No such import in this organization." });
      }
    }
    expect((await ivy.importer.jobs()).map((j) => j.id)).not.toContain(job.id);
    expect((await ian.importer.jobs())[0]!.id).toBe(job.id);
    const adam = await acme.signIn("adam");
    expect(await refusal(() => adam.importer.upload({ fileName: "m.csv", csv: "email\nx@acme.test" }))).toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Bulk import"),
    });
    const cookie = await sessionCookie(t.db, acme.email("ivy"), PASSWORD);
    const res = await resultsRoute(new Request(`${APP_ORIGIN}/o/${acme.slug}/import/${job.id}/results`, { headers: { cookie } }), {
      params: Promise.resolve({ slug: acme.slug, jobId: job.id }),
    });
    expect([res.status, (await res.text()).trim()]).toEqual([404, "No such import in this organization."]);
    // Its creator, before it was applied: the API's reason, not a fault.
    const ians = await sessionCookie(t.db, acme.email("ian"), PASSWORD);
    const early = await resultsRoute(new Request(`${APP_ORIGIN}/o/${acme.slug}/import/${job.id}/results`, { headers: { cookie: ians } }), {
      params: Promise.resolve({ slug: acme.slug, jobId: job.id }),
    });
    expect([early.status, (await early.text()).trim()]).toEqual([412, "The results file is ready once the import has been applied."]);
    await ian.importer.cancel({ jobId: job.id });
    expect(await refusal(() => ian.importer.confirm({ jobId: job.id }))).toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("the rules of the import channel", () => {
  it("moves and renames the owner like anyone (seed 004), never changing their status or deleting them (seed 002)", async () => {
    const ian = await acme.signIn("ian");
    const owner = () => t.db.membership.findUniqueOrThrow({ where: { id: acme.member("owner") }, include: { group: true, user: true } });
    const before = await owner();
    const results = await runImport(t.db, ian, [{ email: acme.email("owner"), group: "Engineering", name: "Owner Renamed" }]);
    expect(results.map((r) => r.outcome)).toEqual(["update"]);
    const after = await owner();
    expect([after.group.name, after.user.name, after.status, after.isOwner]).toEqual(["Engineering", "Owner Renamed", "ACTIVE", true]);
    await t.db.membership.update({ where: { id: before.id }, data: { groupId: before.groupId } });
    await t.db.user.update({ where: { id: before.userId }, data: { name: before.user.name } });
  });

  it("deletes end users only, and never acts on the importer's own account", async () => {
    const ian = await acme.signIn("ian");
    const results = await runImport(t.db, ian, [
      { email: acme.email("dora"), action: "delete" },
      { email: acme.email("ian"), status: "DISABLED" },
      { email: acme.email("ute"), action: "delete" },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(["refused", "refused", "delete"]);
    expect(results[0]!.message).toContain("deletes only end users");
  });

  it("keeps the last active top-role holder when two importers disable the last two at once", async () => {
    // Acme's Data Admins: the owner (protected) and Dora. Make a third so that two are
    // disableable, then race two importers' jobs, each disabling a different one.
    const owner = await acme.signIn("owner");
    await owner.members.create({ name: "Dan", email: "dan@acme.test", roleId: acme.role("data_admin"), groupId: acme.group("") });
    await t.db.membership.update({ where: { id: acme.member("owner") }, data: { status: "DISABLED" } });
    const [ian, ivy] = await Promise.all([acme.signIn("ian"), acme.signIn("ivy")]);
    const a = await dryRun(t.db, ian, toCsv([{ email: acme.email("dora"), status: "DISABLED" }]));
    const b = await dryRun(t.db, ivy, toCsv([{ email: "dan@acme.test", status: "DISABLED" }]));
    expect([a.rows[0]!.outcome, b.rows[0]!.outcome]).toEqual(["disable", "disable"]);
    await ian.importer.confirm({ jobId: a.job.id });
    await ivy.importer.confirm({ jobId: b.job.id });
    await Promise.all([drainImportJobs(t.db, { jobId: a.job.id }), drainImportJobs(t.another(), { jobId: b.job.id })]);
    const [ra] = await resultsOf(ian, a.job.id);
    const [rb] = await resultsOf(ivy, b.job.id);
    expect([ra!.outcome, rb!.outcome].sort()).toEqual(["disable", "refused"]);
    expect([ra!.message, rb!.message].join(" ")).toContain("last active holder");
    const active = await t.db.membership.count({ where: { organizationId: acme.id, role: { builtInKey: "data_admin" }, status: "ACTIVE" } });
    expect(active).toBe(1);
    await t.db.membership.update({ where: { id: acme.member("owner") }, data: { status: "ACTIVE" } });
  });
});
