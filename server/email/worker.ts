// The mail worker: claims due outbox rows with FOR UPDATE SKIP LOCKED (so that several
// instances never take the same row), sends them, and retries failures with exponential
// backoff. A claim is a lease of one row, just before its send, and a send that outlasts its
// time limit counts as failed: so a lease never lapses while its email is being sent, and
// should a worker die mid-send, the row is due again within a minute. Delivery is
// at-least-once: a crash between the SMTP server's acceptance and our record of it resends
// the email with the same Message-ID, which mail systems recognize. Beside delivery it can run occasional housekeeping (pruning expired
// rows, server/maintenance/prune.ts) on its own timer.
import type { Db } from "../db";
import { startPoller, type Poller } from "../services/poller";
import { onMailWake, openContent } from "./outbox";
import { PermanentDeliveryError, type MailTransport } from "./transport";

/** `sendTimeoutMs` (default three quarters of the lease) must stay below `leaseMs`. */
export type RetryPolicy = { baseMs: number; capMs: number; maxAttempts: number; leaseMs: number; sendTimeoutMs?: number };

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, capMs: 60 * 60_000, maxAttempts: 20, leaseMs: 60_000, sendTimeoutMs: 45_000 };

class SendTimeout extends Error {}

/** The transport's send, or a failure once `ms` have passed (the send may still finish: at-least-once). */
function sendWithin<T>(send: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeout(`The mail server did not finish within ${Math.round(ms / 1000)} s.`)), ms);
  });
  return Promise.race([send, timeout]).finally(() => clearTimeout(timer));
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/** The wait before attempt n+1 after n failed attempts: base·2^(n-1), capped, with ±20% jitter. */
export function backoffMs(attempts: number, policy: RetryPolicy, random = Math.random): number {
  const raw = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/** Claims one due email for `leaseMs`, skipping those this pass already tried. */
async function claimOne(db: Db, leaseMs: number, tried: string[]): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxEmail"
       SET status = 'SENDING', attempts = attempts + 1,
           "lockedUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::float8)
     WHERE id IN (
       SELECT id FROM "OutboxEmail"
        WHERE ((status = 'PENDING' AND "nextAttemptAt" <= (now() AT TIME ZONE 'UTC'))
           OR (status = 'SENDING' AND "lockedUntil" < (now() AT TIME ZONE 'UTC')))
          AND NOT (id = ANY(${tried}::text[]))
          -- A suspended organization's email waits until an operator resumes it.
          AND NOT EXISTS (SELECT 1 FROM "Organization" o WHERE o.id = "OutboxEmail"."organizationId" AND o."suspendedAt" IS NOT NULL)
        ORDER BY "nextAttemptAt"
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return rows[0]?.id ?? null;
}

async function deliverOne(db: Db, transport: MailTransport, id: string, policy: RetryPolicy): Promise<keyof DeliveryReport> {
  const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
  try {
    if (!row.content) throw new PermanentDeliveryError("The email's content is gone; it cannot be sent.");
    const content = openContent(row.content);
    await sendWithin(transport.send({ id: row.id, to: row.to, subject: row.subject, ...content }), policy.sendTimeoutMs ?? Math.floor(policy.leaseMs * 0.75));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const permanent = error instanceof PermanentDeliveryError || row.attempts >= policy.maxAttempts;
    await db.outboxEmail.updateMany({
      where: { id, status: "SENDING" },
      data: permanent
        ? { status: "FAILED", lockedUntil: null, lastError: message }
        : { status: "PENDING", lockedUntil: null, lastError: message, nextAttemptAt: new Date(Date.now() + backoffMs(row.attempts, policy)) },
    });
    return permanent ? "failed" : "retrying";
  }
  await db.outboxEmail.updateMany({
    where: { id, status: "SENDING" },
    data: {
      status: "SENT",
      sentAt: new Date(),
      lockedUntil: null,
      lastError: null,
      transport: transport.name,
      content: transport.keepsContent ? row.content : null,
    },
  });
  return "sent";
}

/** One pass: delivers up to `batch` due emails, claiming each just before its send. */
export async function deliverDueEmails(db: Db, transport: MailTransport, policy: RetryPolicy = DEFAULT_RETRY, batch = 10): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const tried: string[] = [];
  for (let i = 0; i < batch; i++) {
    const id = await claimOne(db, policy.leaseMs, tried);
    if (!id) break;
    tried.push(id);
    report[await deliverOne(db, transport, id, policy)] += 1;
  }
  return report;
}

export type MailWorker = { stop: () => Promise<void>; wake: () => void };

/** Occasional work beside delivery (pruning expired rows): first after `firstMs`, then
 * `everyMs` after each run ends. It runs apart from the delivery passes, never delaying them. */
export type Housekeeping = { run: () => Promise<void>; firstMs: number; everyMs: number };

/** Polls the outbox every `intervalMs` (and at once when woken) until stopped. */
export function startMailWorker(
  db: Db,
  transport: MailTransport,
  options: { intervalMs?: number; policy?: RetryPolicy; log?: (e: unknown) => void; housekeeping?: Housekeeping } = {},
): MailWorker {
  const log = options.log ?? ((e) => console.error("[steward] mail worker:", e));
  const delivery: Poller = startPoller(
    async () => {
      // Keep going while full batches come back: a backlog drains without waiting.
      for (;;) {
        const r = await deliverDueEmails(db, transport, options.policy);
        if (delivery.stopped() || r.sent + r.retrying + r.failed < 10) break;
      }
    },
    { intervalMs: options.intervalMs ?? 2_000, log },
  );
  onMailWake(delivery.wake);
  const housekeeping = options.housekeeping;
  const chores = housekeeping ? startPoller(housekeeping.run, { intervalMs: housekeeping.everyMs, firstMs: housekeeping.firstMs, log }) : null;

  return {
    wake: delivery.wake,
    stop: async () => {
      onMailWake(undefined);
      await Promise.all([delivery.stop(), chores?.stop()]);
      transport.close();
    },
  };
}
