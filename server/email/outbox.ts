// The email outbox: emails are written in the transaction of the change that causes them,
// so a rolled-back change sends nothing and a committed one loses nothing.
import { renderEmail, type EmailMessage } from "@/emails";
import { decryptSecret, encryptSecret } from "../auth/crypto";
import type { Tx } from "../db";

export type EmailContent = { html: string; text: string; link: string | null };

export async function enqueueEmail(tx: Tx, input: { organizationId: string | null; to: string; message: EmailMessage }) {
  const rendered = await renderEmail(input.message);
  const content: EmailContent = { html: rendered.html, text: rendered.text, link: rendered.link };
  const row = await tx.outboxEmail.create({
    data: {
      organizationId: input.organizationId,
      kind: input.message.kind,
      to: input.to,
      subject: rendered.subject,
      content: encryptSecret(JSON.stringify(content)),
    },
    select: { id: true },
  });
  wakeMailWorker();
  return row.id;
}

/** The same message to several addresses: rendered once, one outbox row (and email) each. */
export async function enqueueEmails(tx: Tx, input: { organizationId: string | null; to: string[]; message: EmailMessage }) {
  if (!input.to.length) return 0;
  const rendered = await renderEmail(input.message);
  const content = encryptSecret(JSON.stringify({ html: rendered.html, text: rendered.text, link: rendered.link } satisfies EmailContent));
  const { count } = await tx.outboxEmail.createMany({
    data: input.to.map((to) => ({ organizationId: input.organizationId, kind: input.message.kind, to, subject: rendered.subject, content })),
  });
  wakeMailWorker();
  return count;
}

export function openContent(sealed: string): EmailContent {
  return JSON.parse(decryptSecret(sealed)) as EmailContent;
}

type Waker = { wake?: () => void };
const waker = globalThis as typeof globalThis & { __stewardMail?: Waker };

/** Tells an in-process mail worker to look soon (it also polls, which is the guarantee). */
function wakeMailWorker() {
  const wake = waker.__stewardMail?.wake;
  // After the enqueuing transaction has had a moment to commit.
  if (wake) setTimeout(wake, 200).unref?.();
}

export function onMailWake(wake: (() => void) | undefined) {
  waker.__stewardMail = { wake };
}
