// The outbox as admins see it (Outbox in the console): every email of the organization with
// its delivery status and last error. With no SMTP server configured the outbox is the
// built-in mailbox, and the owner may open the emails themselves.
import { UnreadableSecretError } from "../auth/crypto";
import { decideOpenOutboxEmail } from "../authz";
import type { Db } from "../db";
import type { EmailStatus } from "../db/generated/client";
import { smtpUrl } from "../email/config";
import { openContent } from "../email/outbox";
import type { ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, notFound, StewardError } from "./errors";

export const EMAIL_STATUSES = ["PENDING", "SENDING", "SENT", "FAILED"] as const satisfies readonly EmailStatus[];

/** SMTP when SMTP_URL is set; otherwise the outbox is Steward's built-in mailbox. */
const mode = () => (smtpUrl() ? ("smtp" as const) : ("mailbox" as const));

export async function listOutbox(db: Db, actor: ActorContext, input: { status?: EmailStatus; page: number; pageSize: number }) {
  const where = { organizationId: actor.organizationId, ...(input.status ? { status: input.status } : {}) };
  const [total, rows, counts] = await db.$transaction([
    db.outboxEmail.count({ where }),
    db.outboxEmail.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        kind: true,
        to: true,
        subject: true,
        status: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        transport: true,
        createdAt: true,
        sentAt: true,
        content: true,
      },
    }),
    db.outboxEmail.groupBy({ by: ["status"], where: { organizationId: actor.organizationId }, _count: { _all: true }, orderBy: { status: "asc" } }),
  ]);
  const open = decideOpenOutboxEmail(actor, mode()).allowed;
  return {
    mode: mode(),
    total,
    counts: Object.fromEntries(counts.map((c) => [c.status, (c._count as { _all: number })._all])) as Partial<Record<EmailStatus, number>>,
    rows: rows.map(({ content, ...row }) => ({ ...row, can: { open: open && content !== null, retry: row.status === "FAILED" && content !== null } })),
  };
}

export async function openOutboxEmail(db: Db, actor: ActorContext, emailId: string) {
  enforce(decideOpenOutboxEmail(actor, mode()), "Email", actor);
  const row = await db.outboxEmail.findFirst({ where: { id: emailId, organizationId: actor.organizationId } });
  if (!row) throw notFound("Email", actor);
  if (!row.content) throw new StewardError("PRECONDITION_FAILED", "This email's content is no longer kept.");
  const content = readContent(row.content, row.id);
  return { id: row.id, to: row.to, subject: row.subject, createdAt: row.createdAt, html: content.html, text: content.text };
}

/** Puts a failed email back in the queue for a fresh series of attempts. */
export async function retryOutboxEmail(db: Db, actor: ActorContext, emailId: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.outboxEmail.findFirst({
      where: { id: emailId, organizationId: actor.organizationId },
      select: { id: true, to: true, status: true, content: true, attempts: true },
    });
    if (!row) throw notFound("Email", actor);
    const done = await tx.outboxEmail.updateMany({
      where: { id: row.id, status: "FAILED", content: { not: null } },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (done.count === 0) throw new StewardError("PRECONDITION_FAILED", `Only failed emails can be retried; this one is ${row.status.toLowerCase()}.`);
    await auditBy(tx, actor, {
      action: "email.retry",
      targetType: "OutboxEmail",
      targetId: row.id,
      before: { status: "FAILED", attempts: row.attempts },
      after: { status: "PENDING", to: row.to },
    });
    return { id: row.id, to: row.to };
  });
}

/** The content, or a refusal that says why it cannot be read; the log names the missing key. */
function readContent(sealed: string, emailId: string) {
  try {
    return openContent(sealed);
  } catch (error) {
    if (!(error instanceof UnreadableSecretError)) throw error;
    console.error(`[steward] outbox email ${emailId}: ${error.message}`);
    throw new StewardError("PRECONDITION_FAILED", "This email's content cannot be read with the server's encryption keys. Ask the operator of Steward.");
  }
}
