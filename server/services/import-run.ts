// The import worker's steps. A step claims one job that has work (a dry run to compute, or
// confirmed rows to apply) for a lease, does one batch, and lets the lease go. The claim is
// FOR UPDATE SKIP LOCKED, so two app instances never work on the same job at once; should an
// instance die mid-batch, the lease lapses and another takes the job where it stopped.
//
// Applying a row is its own transaction that first claims the row (its result still empty,
// under the row's lock), so that even a worker whose lease lapsed mid-batch never writes a row
// twice. Each row is decided again at that moment (planImportRow, as in the dry run); a row
// whose plan is no longer the one the importer confirmed is refused with what changed.
import { randomUUID } from "node:crypto";
import { decidePermission } from "../authz";
import { encryptSecret } from "../auth/crypto";
import type { Db } from "../db";
import { isLostRace } from "../db/errors";
import { Prisma, type ImportOutcome } from "../db/generated/client";
import { loadActor, type ActorContext } from "./actor";
import { StewardError } from "./errors";
import { describeChanges, loadImportRefs, planImportRow, type FieldChange, type ImportRefs, type RowPlan } from "./import";
import type { ImportRowInput } from "./import-file";

export type ImportRunOptions = { previewBatch?: number; applyBatch?: number; leaseMs?: number; jobId?: string };
export const DEFAULT_IMPORT_RUN = { previewBatch: 500, applyBatch: 200, leaseMs: 60_000 } as const;

export type StepReport = { jobId: string; phase: "preview" | "apply"; rows: number; status: string };

type Claim = { id: string; status: "DRAFT" | "APPLYING"; token: string };

async function claimJob(db: Db, leaseMs: number, jobId: string | undefined): Promise<Claim | null> {
  const token = randomUUID();
  const only = jobId ? Prisma.sql`AND j.id = ${jobId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string; status: "DRAFT" | "APPLYING" }[]>`
    UPDATE "ImportJob"
       SET "lockedUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::float8), "leaseToken" = ${token}
     WHERE id IN (
       SELECT j.id FROM "ImportJob" j
        WHERE j.status IN ('DRAFT', 'APPLYING')
          AND (j."lockedUntil" IS NULL OR j."lockedUntil" < (now() AT TIME ZONE 'UTC'))
          ${only}
          -- A suspended organization's imports wait until it is resumed.
          AND NOT EXISTS (SELECT 1 FROM "Organization" o WHERE o.id = j."organizationId" AND (o."suspendedAt" IS NOT NULL OR o."deletedAt" IS NOT NULL))
        ORDER BY j."createdAt"
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
    RETURNING id, status::text AS status`;
  return rows[0] ? { ...rows[0], token } : null;
}

async function release(db: Db, claim: Claim) {
  await db.importJob.updateMany({ where: { id: claim.id, leaseToken: claim.token }, data: { lockedUntil: null, leaseToken: null } });
}

/** The importer as they are now: still an active member whose role holds "Bulk import", or why not. */
async function importerNow(db: Db, createdById: string): Promise<ActorContext | string> {
  const m = await db.membership.findUnique({ where: { id: createdById }, select: { userId: true, organization: { select: { slug: true } } } });
  if (!m) return "The importer is no longer a member of this organization.";
  let actor: ActorContext;
  try {
    actor = await loadActor(db, m.userId, m.organization.slug);
  } catch (err) {
    if (err instanceof StewardError) return "The importer is no longer an active member of this organization.";
    throw err;
  }
  const permitted = decidePermission(actor, "members.import");
  return permitted.allowed ? actor : permitted.reason;
}

/** Stops a job for good: its rows without a result are refused with the reason. */
async function failJob(db: Db, jobId: string, reason: string) {
  const message = `Not applied: ${reason}`;
  await db.$transaction(async (tx) => {
    await tx.importRow.updateMany({ where: { jobId, outcome: null }, data: { outcome: "refused", message } });
    await tx.importJob.updateMany({
      where: { id: jobId, status: { in: ["DRAFT", "APPLYING"] } },
      data: { status: "FAILED", failure: reason, finishedAt: new Date(), applied: await tx.importRow.count({ where: { jobId, outcome: { not: null } } }) },
    });
  });
}

/** One step of the worker: one batch of one job. Null when no job has work it may take. */
export async function runImportStep(db: Db, options: ImportRunOptions = {}): Promise<StepReport | null> {
  const o = { ...DEFAULT_IMPORT_RUN, ...options };
  const claim = await claimJob(db, o.leaseMs, o.jobId);
  if (!claim) return null;
  // On an unexpected error the lease is kept until it lapses: the job is retried a minute later,
  // not in a tight loop.
  const job = await db.importJob.findUniqueOrThrow({ where: { id: claim.id }, select: { organizationId: true, createdById: true } });
  const actor = await importerNow(db, job.createdById);
  const phase = claim.status === "DRAFT" ? "preview" : "apply";
  if (typeof actor === "string") {
    await failJob(db, claim.id, actor);
    await release(db, claim);
    return { jobId: claim.id, phase, rows: 0, status: "FAILED" };
  }
  const refs = await loadImportRefs(db, job.organizationId);
  const rows =
    phase === "preview"
      ? await previewBatch(db, actor, claim.id, { ...refs, sidePaths: new Map(), policies: new Map() }, o.previewBatch)
      : await applyBatch(db, actor, claim.id, refs, o.applyBatch);
  const status = await db.importJob.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } });
  await release(db, claim);
  return { jobId: claim.id, phase, rows, status: status.status };
}

/** Runs steps until no job has work left (tests, the CLI, the benchmark). */
export async function drainImportJobs(db: Db, options: ImportRunOptions = {}): Promise<number> {
  let steps = 0;
  while (await runImportStep(db, options)) steps += 1;
  return steps;
}

type Planned = { outcome: ImportOutcome; changes: FieldChange[] | null; message: string };

async function planned(db: Db, actor: ActorContext, input: ImportRowInput, refs: ImportRefs): Promise<Planned & { plan?: RowPlan }> {
  try {
    // A transaction for the locks some decisions take (the top role's last holder), though it writes nothing.
    const plan = await db.$transaction((tx) => planImportRow(tx, actor, input, refs));
    return { outcome: plan.outcome, changes: plan.changes, message: plan.message };
  } catch (err) {
    if (err instanceof StewardError) return { outcome: "refused", changes: null, message: err.message };
    throw err;
  }
}

async function previewBatch(db: Db, actor: ActorContext, jobId: string, refs: ImportRefs, size: number): Promise<number> {
  const rows = await db.importRow.findMany({ where: { jobId, planOutcome: null }, orderBy: { line: "asc" }, take: size, select: { id: true, input: true } });
  if (rows.length) {
    const plans: (Planned & { id: string })[] = [];
    for (const row of rows) plans.push({ id: row.id, ...(await planned(db, actor, row.input as ImportRowInput, refs)) });
    const values = Prisma.join(plans.map((p) => Prisma.sql`(${p.id}, ${p.outcome}, ${p.changes ? JSON.stringify(p.changes) : null}, ${p.message})`));
    await db.$executeRaw`
      UPDATE "ImportRow" AS r
         SET "planOutcome" = v.outcome::"ImportOutcome", "planChanges" = v.changes::jsonb, "planMessage" = v.message
        FROM (VALUES ${values}) AS v(id, outcome, changes, message)
       WHERE r.id = v.id`;
  }
  const previewed = await db.importRow.count({ where: { jobId, planOutcome: { not: null } } });
  const left = await db.importRow.count({ where: { jobId, planOutcome: null } });
  await db.importJob.updateMany({
    where: { id: jobId, status: "DRAFT" },
    data: left ? { previewed } : { previewed, status: "PREVIEWED", previewedAt: new Date() },
  });
  return rows.length;
}

const changeKey = (changes: FieldChange[] | null | undefined) =>
  (changes ?? [])
    .map((c) => `${c.field}\u0000${c.before}\u0000${c.after}`)
    .sort()
    .join("\u0001");

type RowToApply = { id: string; input: unknown; planOutcome: ImportOutcome | null; planChanges: unknown };

async function applyOne(db: Db, actor: ActorContext, row: RowToApply, refs: ImportRefs): Promise<void> {
  const input = row.input as ImportRowInput;
  try {
    await db.$transaction(
      async (tx) => {
        // The claim: another worker that reached this row waits here, then finds it done.
        const claimed = await tx.importRow.updateMany({ where: { id: row.id, outcome: null }, data: { message: null } });
        if (!claimed.count) return;
        const plan = await planImportRow(tx, actor, input, refs);
        const confirmed = changeKey(row.planChanges as FieldChange[] | null);
        if (plan.outcome === "unchanged") {
          await tx.importRow.update({
            where: { id: row.id },
            data: { outcome: "unchanged", message: "Nothing to change: the member already matches the file (changed since the dry run)." },
          });
          return;
        }
        if (plan.outcome !== row.planOutcome || changeKey(plan.changes) !== confirmed) {
          const now = plan.changes.length ? describeChanges(plan.changes) : plan.message;
          throw new StewardError(
            "CONFLICT",
            `Changed since the dry run, which planned “${row.planOutcome}”; it would now be “${plan.outcome}” (${now}). Nothing was written: upload the file again to see the new difference.`,
          );
        }
        const result = await plan.write!(tx);
        await tx.importRow.update({
          where: { id: row.id },
          data: {
            outcome: plan.outcome,
            message: result.message,
            oneTimePassword: result.oneTimePassword ? encryptSecret(result.oneTimePassword) : null,
          },
        });
      },
      { timeout: 30_000 },
    );
  } catch (err) {
    const message =
      err instanceof StewardError
        ? err.message
        : isLostRace(err)
          ? "Another change to this member happened at the same moment; nothing was written. Upload the file again to retry this row."
          : null;
    if (message === null) throw err;
    await db.importRow.updateMany({ where: { id: row.id, outcome: null }, data: { outcome: "refused", message } });
  }
}

async function applyBatch(db: Db, actor: ActorContext, jobId: string, refs: ImportRefs, size: number): Promise<number> {
  const rows = await db.importRow.findMany({
    where: { jobId, outcome: null },
    orderBy: { line: "asc" },
    take: size,
    select: { id: true, input: true, planOutcome: true, planChanges: true },
  });
  for (const row of rows) await applyOne(db, actor, row, refs);
  const applied = await db.importRow.count({ where: { jobId, outcome: { not: null } } });
  const left = rows.length ? await db.importRow.count({ where: { jobId, outcome: null } }) : 0;
  await db.importJob.updateMany({
    where: { id: jobId, status: "APPLYING" },
    data: left ? { applied } : { applied, status: "DONE", finishedAt: new Date() },
  });
  return rows.length;
}
