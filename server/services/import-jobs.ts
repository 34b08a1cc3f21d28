// Import jobs: an uploaded file becomes a job, its dry run is computed by the import worker in
// batches, the importer reads the diff and confirms, and the worker applies the rows in batches,
// each row in its own transaction, recording progress and a result per row. Everything lives in
// the database (ImportJob, ImportRow), so a reload, another browser or another app instance sees
// the same job, and a job goes on when the browser goes away.
//
// Only the job's creator sees it, and only while their role holds "Bulk import": another
// member's job is NOT_FOUND. Rows are decided by planImportRow (import.ts), the same function
// for the dry run and for the apply step.
import { decidePermission } from "../authz";
import { decryptSecret } from "../auth/crypto";
import type { Db } from "../db";
import { Prisma, type ImportOutcome } from "../db/generated/client";
import type { ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, StewardError } from "./errors";
import type { FieldChange } from "./import";
import { readImportFile } from "./import-file";
import { wakeImportWorker } from "./import-worker";

/** One-time passwords of created members are kept (encrypted) at most this long after the job ends. */
export const PASSWORDS_KEPT_MS = 24 * 60 * 60_000;
export const RECENT_JOBS = 10;

const OUTCOMES = ["create", "update", "enable", "disable", "delete", "unchanged", "refused"] as const satisfies readonly ImportOutcome[];
export type OutcomeCounts = Record<ImportOutcome, number>;
const CHANGES: readonly ImportOutcome[] = ["create", "update", "enable", "disable", "delete"];

const jobSelect = {
  id: true,
  fileName: true,
  status: true,
  total: true,
  previewed: true,
  applied: true,
  ignoredColumns: true,
  failure: true,
  createdAt: true,
  previewedAt: true,
  confirmedAt: true,
  finishedAt: true,
  passwordsDroppedAt: true,
} as const;

/** The job, if it is the actor's own in their organization; anyone else's is NOT_FOUND. */
async function ownJob(db: Db, actor: ActorContext, jobId: string) {
  enforce(decidePermission(actor, "members.import"), "Import", actor);
  const job = await db.importJob.findFirst({ where: { id: jobId, organizationId: actor.organizationId, createdById: actor.membershipId }, select: jobSelect });
  if (!job) throw new StewardError("NOT_FOUND", "No such import in this organization.");
  return job;
}

async function countsOf(db: Db, jobId: string, by: "planOutcome" | "outcome"): Promise<OutcomeCounts> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;
  const groups = await db.importRow.groupBy({ by: [by], where: { jobId, [by]: { not: null } }, _count: { _all: true } });
  for (const g of groups) {
    const key = g[by];
    if (key) counts[key] = g._count._all;
  }
  return counts;
}

const passwordsLive = (job: { finishedAt: Date | null; passwordsDroppedAt: Date | null }, now: Date) =>
  !job.passwordsDroppedAt && (!job.finishedAt || now.getTime() - job.finishedAt.getTime() < PASSWORDS_KEPT_MS);

export type ImportJobView = Awaited<ReturnType<typeof getImportJob>>;

export async function getImportJob(db: Db, actor: ActorContext, jobId: string, now = new Date()) {
  const job = await ownJob(db, actor, jobId);
  const planned = await countsOf(db, jobId, "planOutcome");
  const results = await countsOf(db, jobId, "outcome");
  const changes = CHANGES.reduce((n, o) => n + planned[o], 0);
  const passwords = results.create > 0 && passwordsLive(job, now);
  return { ...job, planned, results, changes, passwordsAvailable: passwords };
}

export async function listImportJobs(db: Db, actor: ActorContext) {
  enforce(decidePermission(actor, "members.import"), "Import", actor);
  return db.importJob.findMany({
    where: { organizationId: actor.organizationId, createdById: actor.membershipId },
    orderBy: { createdAt: "desc" },
    take: RECENT_JOBS,
    select: { id: true, fileName: true, status: true, total: true, createdAt: true, finishedAt: true },
  });
}

const ROW_BATCH = 1_000;

/** Reads the file, stores its rows and queues the dry run. Unreadable files are refused whole. */
export async function createImportJob(db: Db, actor: ActorContext, input: { fileName: string; csv: string }) {
  enforce(decidePermission(actor, "members.import"), "Import", actor);
  const file = readImportFile(input.csv);
  const job = await db.$transaction(
    async (tx) => {
      const created = await tx.importJob.create({
        data: {
          organizationId: actor.organizationId,
          createdById: actor.membershipId,
          fileName: input.fileName,
          total: file.rows.length,
          ignoredColumns: file.leftAside,
        },
        select: { id: true },
      });
      for (let i = 0; i < file.rows.length; i += ROW_BATCH) {
        await tx.importRow.createMany({
          data: file.rows.slice(i, i + ROW_BATCH).map((r) => ({
            jobId: created.id,
            line: r.line,
            email: r.email.slice(0, 320),
            input: r.input ?? Prisma.DbNull,
            problem: r.problem,
            // A row the file already refuses needs no dry run.
            ...(r.problem ? { planOutcome: "refused" as const, planMessage: r.problem } : {}),
          })),
        });
      }
      await auditBy(tx, actor, {
        action: "import.upload",
        targetType: "ImportJob",
        targetId: created.id,
        after: { fileName: input.fileName, rows: file.rows.length },
      });
      return created;
    },
    { timeout: 60_000 },
  );
  wakeImportWorker();
  return getImportJob(db, actor, job.id);
}

/** The importer's go-ahead: from now on the worker applies the rows the dry run found to change. */
export async function confirmImportJob(db: Db, actor: ActorContext, jobId: string) {
  const job = await getImportJob(db, actor, jobId);
  if (job.status === "DRAFT") throw new StewardError("PRECONDITION_FAILED", "The dry run is still being computed; confirm once it is complete.");
  if (job.status !== "PREVIEWED") throw new StewardError("PRECONDITION_FAILED", "This import was already applied or discarded.");
  if (job.changes === 0) throw new StewardError("PRECONDITION_FAILED", "The dry run found nothing to change.");
  await db.$transaction(async (tx) => {
    const moved = await tx.importJob.updateMany({
      where: { id: jobId, status: "PREVIEWED" },
      data: { status: "APPLYING", confirmedAt: new Date() },
    });
    if (!moved.count) throw new StewardError("CONFLICT", "This import was confirmed or discarded meanwhile.");
    // Rows with nothing to write keep the dry run's answer as their result.
    await tx.$executeRaw`
      UPDATE "ImportRow" SET outcome = "planOutcome", message = "planMessage"
       WHERE "jobId" = ${jobId} AND "planOutcome" IN ('unchanged', 'refused')`;
    await tx.importJob.update({ where: { id: jobId }, data: { applied: job.planned.unchanged + job.planned.refused } });
    await auditBy(tx, actor, {
      action: "import.apply",
      targetType: "ImportJob",
      targetId: jobId,
      after: { fileName: job.fileName, rows: job.total, changes: job.changes },
    });
  });
  wakeImportWorker();
  return getImportJob(db, actor, jobId);
}

export async function cancelImportJob(db: Db, actor: ActorContext, jobId: string) {
  await ownJob(db, actor, jobId);
  const done = await db.importJob.updateMany({
    where: { id: jobId, status: { in: ["DRAFT", "PREVIEWED"] } },
    data: { status: "CANCELLED", finishedAt: new Date(), lockedUntil: null, leaseToken: null },
  });
  if (!done.count) throw new StewardError("PRECONDITION_FAILED", "This import is being applied or is over; it can no longer be discarded.");
  return getImportJob(db, actor, jobId);
}

export type ImportRowView = {
  line: number;
  email: string;
  outcome: ImportOutcome | null;
  message: string;
  changes: FieldChange[];
};

/** One page of a job's rows, in file order, optionally of one outcome (planned, or applied). */
export async function importRowsPage(
  db: Db,
  actor: ActorContext,
  input: { jobId: string; phase: "plan" | "result"; outcome?: ImportOutcome; page: number; pageSize: number },
) {
  await ownJob(db, actor, input.jobId);
  const column = input.phase === "plan" ? "planOutcome" : "outcome";
  const where = { jobId: input.jobId, ...(input.outcome ? { [column]: input.outcome } : {}) };
  const [total, rows] = await Promise.all([
    db.importRow.count({ where }),
    db.importRow.findMany({
      where,
      orderBy: { line: "asc" },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { line: true, email: true, planOutcome: true, planChanges: true, planMessage: true, outcome: true, message: true },
    }),
  ]);
  return {
    total,
    rows: rows.map((r): ImportRowView => ({
      line: r.line,
      email: r.email,
      outcome: input.phase === "plan" ? r.planOutcome : r.outcome,
      message: (input.phase === "plan" ? r.planMessage : r.message) ?? "",
      changes: (r.planChanges as FieldChange[] | null) ?? [],
    })),
  };
}

export const RESULTS_COLUMNS = ["line", "email", "outcome", "message", "one_time_password"] as const;
export const RESULTS_PAGE = 1_000;
export type ResultRow = { line: number; email: string; outcome: string; message: string; one_time_password: string };

/** A page of the results file (after `afterLine`), with the one-time passwords while they are kept. */
export async function importResultsPage(db: Db, actor: ActorContext, input: { jobId: string; afterLine: number | null }, now = new Date()) {
  const job = await ownJob(db, actor, input.jobId);
  if (job.status !== "DONE" && job.status !== "FAILED")
    throw new StewardError("PRECONDITION_FAILED", "The results file is ready once the import has been applied.");
  const live = passwordsLive(job, now);
  const rows = await db.importRow.findMany({
    where: { jobId: input.jobId, ...(input.afterLine === null ? {} : { line: { gt: input.afterLine } }) },
    orderBy: { line: "asc" },
    take: RESULTS_PAGE + 1,
    select: { line: true, email: true, outcome: true, message: true, oneTimePassword: true },
  });
  const page = rows.slice(0, RESULTS_PAGE);
  return {
    fileName: job.fileName,
    rows: page.map((r): ResultRow => ({
      line: r.line,
      email: r.email,
      outcome: r.outcome ?? "",
      message: r.message ?? "",
      one_time_password: live && r.oneTimePassword ? decryptSecret(r.oneTimePassword) : "",
    })),
    nextCursor: rows.length > RESULTS_PAGE ? String(page[page.length - 1]!.line) : null,
  };
}

/** After a complete download of the results file: the one-time passwords are handed over, so they go. */
export async function dropImportPasswords(db: Db, actor: ActorContext, jobId: string) {
  const job = await ownJob(db, actor, jobId);
  if (job.status !== "DONE" && job.status !== "FAILED") return { dropped: 0 };
  const dropped = await db.$transaction(async (tx) => {
    const count = await tx.importRow.updateMany({ where: { jobId, oneTimePassword: { not: null } }, data: { oneTimePassword: null } });
    await tx.importJob.updateMany({ where: { id: jobId, passwordsDroppedAt: null }, data: { passwordsDroppedAt: new Date() } });
    return count.count;
  });
  return { dropped };
}
