// Starts the mail worker of this process on the configured database and transport, with the
// hourly pruning of expired rows as its housekeeping.
import { getDb } from "../db";
import { describePruned, pruneExpired, prunedTotal, retentionFromEnv } from "../maintenance/prune";
import { smtpUrl } from "./config";
import { configuredTransport } from "./transport";
import { startMailWorker } from "./worker";

const PRUNE_EVERY_MS = 60 * 60_000;
/** The first pruning waits for the server to settle after starting. */
const FIRST_PRUNE_MS = 60_000;

export function startConfiguredMailWorker() {
  // Read first: a bad retention setting stops the start with its message.
  const retention = retentionFromEnv();
  const transport = configuredTransport();
  const url = smtpUrl();
  console.log(
    url
      ? `[steward] sending email through ${new URL(url).host}`
      : "[steward] no SMTP_URL: emails go to the built-in mailbox (Outbox in the console) and their links are printed here",
  );
  const db = getDb();
  const prune = async () => {
    const counts = await pruneExpired(db, new Date(), retention);
    if (prunedTotal(counts) > 0) console.log(`[steward] pruned expired rows: ${describePruned(counts)}`);
  };
  // No shutdown hook: an email claimed when the process dies is retried once its lease lapses.
  return startMailWorker(db, transport, { housekeeping: { run: prune, firstMs: FIRST_PRUNE_MS, everyMs: PRUNE_EVERY_MS } });
}
