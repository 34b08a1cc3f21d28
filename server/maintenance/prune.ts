// Deletes rows whose use is over, so that the short-lived tables do not grow forever:
// delivered and failed emails past their retention, used or expired account and sign-up links
// (a sign-up request holds a password hash: it must not outlive its use), sessions
// ended long ago and sign-in counters whose window is long past. Records people read as
// history (AuditEvent, ResourceActivity, Invitation) are never touched. The mail worker runs
// this about once an hour in every instance (server/email/start.ts); `npm run steward -- prune`
// runs it by hand.
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import { PASSWORDS_KEPT_MS } from "../services/import-jobs";
import { purgeDeletedOrganizations } from "../services/tenants";
import { SIGN_IN_LIMITS } from "../services/throttle";

const DAY_MS = 24 * 60 * 60_000;

/** How long each kind of row is kept, in days. */
export type Retention = {
  /** SENT emails, after they were sent (the built-in mailbox's copies included). */
  sentEmails: number;
  /** FAILED emails, after their last attempt. */
  failedEmails: number;
  /** Password reset, email change and sign-up links, after they were used or expired. */
  accountLinks: number;
  /** Sessions, after they were ended or last seen (a session idle past its token's 12 hours is over). */
  endedSessions: number;
};

export const DEFAULT_RETENTION: Retention = { sentEmails: 30, failedEmails: 90, accountLinks: 1, endedSessions: 30 };

/** Sign-in counters are kept this long past the longest throttle window, as a margin. The
 * sign-up counters in the same table (SIGN_UP_LIMITS, one hour at most) are covered by the margin. */
const THROTTLE_MARGIN_MS = DAY_MS;
const THROTTLE_KEEP_MS = Math.max(...Object.values(SIGN_IN_LIMITS).map((l) => l.windowMs)) + THROTTLE_MARGIN_MS;

const OUTBOX_RETENTION_ENV = "STEWARD_OUTBOX_RETENTION_DAYS";
/** A hundred years: beyond that a cutoff date would not be a date. */
const MAX_DAYS = 36_500;

/**
 * The retention configured by the environment: STEWARD_OUTBOX_RETENTION_DAYS sets how long
 * sent emails are kept (failed ones stay at least as long). A value that is not a whole
 * number of days from 1 to 36500 throws: a typo must not silently delete what the operator
 * meant to keep.
 */
export function retentionFromEnv(env: Record<string, string | undefined> = process.env): Retention {
  const raw = env[OUTBOX_RETENTION_ENV]?.trim();
  if (!raw) return DEFAULT_RETENTION;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_DAYS) {
    throw new Error(`${OUTBOX_RETENTION_ENV} must be a whole number of days from 1 to ${MAX_DAYS} (it is “${raw}”).`);
  }
  const sentEmails = Number(raw);
  return { ...DEFAULT_RETENTION, sentEmails, failedEmails: Math.max(DEFAULT_RETENTION.failedEmails, sentEmails) };
}

export type PruneCounts = {
  sentEmails: number;
  failedEmails: number;
  accountTokens: number;
  endedSessions: number;
  signInThrottles: number;
  /** Deleted organizations whose purge an interrupted process left unfinished. */
  deletedOrganizations: number;
  /** Import jobs (with their rows) ended, or never confirmed, more than IMPORT_JOB_DAYS ago. */
  importJobs: number;
  /** One-time passwords of imported members cleared, their job over for more than a day. */
  importPasswords: number;
};

const IMPORT_JOB_DAYS = 30;

const BATCH = 5_000;

/**
 * Deletes the matching rows BATCH at a time, each batch its own statement, so that a large
 * backlog never holds one long lock. SKIP LOCKED leaves rows that another transaction holds
 * (a concurrent pruner in another instance, an email being retried) to the next run, and
 * keeps two pruners from deadlocking on the same rows. `= ANY (ARRAY (…))` makes each batch
 * delete through the primary key; with `IN (…)` PostgreSQL hashed the batch and scanned the
 * whole table per batch (1M old emails: 28 s instead of 5 s).
 */
async function deleteInBatches(
  db: Db,
  table: "OutboxEmail" | "AccountToken" | "SignUpRequest" | "Session" | "SignInThrottle",
  key: "id" | "key",
  condition: Prisma.Sql,
  batch: number,
): Promise<number> {
  const t = Prisma.raw(`"${table}"`);
  const k = Prisma.raw(`"${key}"`);
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM ${t} WHERE ${k} = ANY (ARRAY (SELECT ${k} FROM ${t} WHERE (${condition}) LIMIT ${batch} FOR UPDATE SKIP LOCKED))`;
    total += deleted;
    if (deleted < batch) return total;
  }
}

/** Deletes what the retention no longer keeps, as of `now`, and says how many rows of each kind went. */
export async function pruneExpired(db: Db, now = new Date(), retention: Retention = retentionFromEnv(), batch = BATCH): Promise<PruneCounts> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const sentBefore = daysAgo(retention.sentEmails);
  const failedBefore = daysAgo(retention.failedEmails);
  const linksBefore = daysAgo(retention.accountLinks);
  const sessionsBefore = daysAgo(retention.endedSessions);
  const throttleBefore = new Date(now.getTime() - THROTTLE_KEEP_MS);
  return {
    // PENDING and SENDING rows are never candidates, however old: they are still to be delivered.
    sentEmails: await deleteInBatches(db, "OutboxEmail", "id", Prisma.sql`status = 'SENT' AND "sentAt" < ${sentBefore}`, batch),
    // A failed email's nextAttemptAt is when its last attempt was due (the index serves it).
    failedEmails: await deleteInBatches(db, "OutboxEmail", "id", Prisma.sql`status = 'FAILED' AND "nextAttemptAt" < ${failedBefore}`, batch),
    // Sign-up links are account links too, counted with them.
    accountTokens:
      (await deleteInBatches(db, "AccountToken", "id", Prisma.sql`"usedAt" < ${linksBefore} OR "expiresAt" < ${linksBefore}`, batch)) +
      (await deleteInBatches(db, "SignUpRequest", "id", Prisma.sql`"usedAt" < ${linksBefore} OR "expiresAt" < ${linksBefore}`, batch)),
    // A session still in use is seen at least every 12 hours, so one unseen for the whole
    // retention is over even if nobody signed it out.
    endedSessions: await deleteInBatches(
      db,
      "Session",
      "id",
      Prisma.sql`("endedAt" < ${sessionsBefore} OR ("endedAt" IS NULL AND "lastSeenAt" < ${sessionsBefore}))`,
      batch,
    ),
    // Past its window a counter counts for nothing: the next attempt starts a new window.
    signInThrottles: await deleteInBatches(db, "SignInThrottle", "key", Prisma.sql`"lastAttemptAt" < ${throttleBefore}`, batch),
    deletedOrganizations: await purgeDeletedOrganizations(db),
    // A job being previewed or applied is never a candidate; its rows go with it (cascade).
    importJobs: await db.$executeRaw`
      DELETE FROM "ImportJob"
       WHERE COALESCE("finishedAt", "createdAt") < ${daysAgo(IMPORT_JOB_DAYS)}
         AND (status IN ('DONE', 'FAILED', 'CANCELLED') OR (status = 'PREVIEWED' AND "createdAt" < ${daysAgo(IMPORT_JOB_DAYS)}))`,
    importPasswords: await db.$executeRaw`
      UPDATE "ImportRow" SET "oneTimePassword" = NULL
       WHERE "oneTimePassword" IS NOT NULL
         AND "jobId" IN (SELECT id FROM "ImportJob" WHERE "finishedAt" < ${new Date(now.getTime() - PASSWORDS_KEPT_MS)})`,
  };
}

export const prunedTotal = (counts: PruneCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** "sent emails 3, failed emails 0, …" for the log and the CLI. */
export function describePruned(counts: PruneCounts): string {
  return [
    `sent emails ${counts.sentEmails}`,
    `failed emails ${counts.failedEmails}`,
    `account links ${counts.accountTokens}`,
    `ended sessions ${counts.endedSessions}`,
    `sign-in counters ${counts.signInThrottles}`,
    `deleted organizations purged ${counts.deletedOrganizations}`,
    `import jobs ${counts.importJobs}`,
    `imported one-time passwords ${counts.importPasswords}`,
  ].join(", ");
}
