// A real SMTP server on loopback (smtp-server) that keeps what it receives, parsed by
// mailparser. It can be told to refuse for a while, as a struggling mail server does.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Db } from "@/server/db";
import { smtpTransport } from "@/server/email/transport";
import { deliverDueEmails, type RetryPolicy } from "@/server/email/worker";

export type CaughtMail = { to: string; subject: string; html: string; text: string; messageId: string; from: string };

export type SmtpCatcher = {
  url: string;
  port: number;
  messages: CaughtMail[];
  /** Refuse every message with this reply (e.g. 421 busy) until called again with null. */
  refuse: (reply: { code: number; message: string } | null) => void;
  /** Resolves with the first message to this address (waiting up to timeoutMs). */
  waitFor: (to: string, timeoutMs?: number) => Promise<CaughtMail>;
  close: () => Promise<void>;
};

function toCaught(mail: ParsedMail): CaughtMail {
  const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
  return {
    to,
    from: mail.from?.text ?? "",
    subject: mail.subject ?? "",
    html: typeof mail.html === "string" ? mail.html : "",
    text: mail.text ?? "",
    messageId: mail.messageId ?? "",
  };
}

export async function startSmtpCatcher(port = 0): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  let refusal: { code: number; message: string } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!refusal) return callback();
      const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(toCaught(mail));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    messages,
    refuse: (reply) => {
      refusal = reply;
    },
    async waitFor(to, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => m.to.toLowerCase().includes(to.toLowerCase()));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No email to ${to} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first Steward link in an email's text. */
export function linkIn(mail: { text: string }, path: string): string {
  const match = mail.text.match(new RegExp(`https?://[^\\s]*${path}[^\\s]*`));
  if (!match) throw new Error(`No ${path} link in: ${mail.text}`);
  return match[0];
}

/** Retries at once, so that tests need not wait out real backoff. */
export const FAST_RETRY: RetryPolicy = { baseMs: 1, capMs: 5, maxAttempts: 20, leaseMs: 60_000 };

/** One pass of the mail worker over the outbox, to this SMTP server. */
export async function deliverTo(db: Db, smtpUrl: string, policy: RetryPolicy = FAST_RETRY, batch?: number) {
  const transport = smtpTransport(smtpUrl, "Steward <steward@steward.test>");
  try {
    return await deliverDueEmails(db, transport, policy, batch);
  } finally {
    transport.close();
  }
}
