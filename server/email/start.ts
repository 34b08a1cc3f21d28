// Starts the mail worker of this process on the configured database and transport.
import { getDb } from "../db";
import { smtpUrl } from "./config";
import { configuredTransport } from "./transport";
import { startMailWorker } from "./worker";

export function startConfiguredMailWorker() {
  const transport = configuredTransport();
  const url = smtpUrl();
  console.log(
    url
      ? `[steward] sending email through ${new URL(url).host}`
      : "[steward] no SMTP_URL: emails go to the built-in mailbox (Outbox in the console) and their links are printed here",
  );
  // No shutdown hook: an email claimed when the process dies is retried once its lease lapses.
  return startMailWorker(getDb(), transport);
}
