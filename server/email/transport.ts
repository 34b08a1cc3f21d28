// Where the mail worker hands emails: an SMTP server (nodemailer), or, with no SMTP_URL,
// Steward's own mailbox: the outbox row keeps its content for the owner to open, and the
// log prints the link so that a fresh install works end to end without a mail server.
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { emailFrom, smtpUrl } from "./config";

export type OutgoingEmail = { id: string; to: string; subject: string; html: string; text: string; link: string | null };

export type MailTransport = {
  name: "smtp" | "mailbox";
  /** Whether the outbox keeps the content after delivery (the mailbox is where it is read). */
  keepsContent: boolean;
  send(mail: OutgoingEmail): Promise<void>;
  close(): void;
};

/** A failure the SMTP server says will not get better by retrying (a 5xx other than authentication). */
export class PermanentDeliveryError extends Error {}

/** How long the SMTP connection waits to connect, for the server's greeting, and in silence:
 * each well inside the worker's send limit, itself inside the lease (server/email/worker.ts). */
export const SMTP_TIMEOUTS: Readonly<{ connectionTimeout: number; greetingTimeout: number; socketTimeout: number }> = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
};

export function smtpTransport(url: string, from = emailFrom(), timeouts = SMTP_TIMEOUTS): MailTransport {
  // The URL parsed here, not by createTransport: given a URL, nodemailer keeps nothing else
  // of its options, and setting them afterwards reaches only the mailer, never the connection.
  const transporter = nodemailer.createTransport({ ...parseConnectionUrl(url), ...timeouts }, { from });
  const domain = from.match(/@([^>\s]+)/)?.[1] ?? "steward.local";
  return {
    name: "smtp",
    keepsContent: false,
    async send(mail) {
      try {
        // A stable Message-ID: should a crash ever resend a message, mail systems see one message.
        await transporter.sendMail({ to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, messageId: `<${mail.id}@${domain}>` });
      } catch (error) {
        const e = error as { responseCode?: number; code?: string; message?: string };
        if (e.responseCode && e.responseCode >= 500 && e.code !== "EAUTH") throw new PermanentDeliveryError(e.message ?? String(error));
        throw error;
      }
    },
    close: () => transporter.close(),
  };
}

export function mailboxTransport(log: (line: string) => void = console.log): MailTransport {
  return {
    name: "mailbox",
    keepsContent: true,
    async send(mail) {
      log(`[steward] email to ${mail.to}: ${mail.subject}${mail.link ? `\n[steward]   ${mail.link}` : ""}`);
    },
    close() {},
  };
}

export function configuredTransport(): MailTransport {
  const url = smtpUrl();
  return url ? smtpTransport(url) : mailboxTransport();
}
