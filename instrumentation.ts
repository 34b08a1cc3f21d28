// Runs once when the server starts: checks the encryption keys and TRUSTED_PROXIES, so that a
// mistyped setting stops the start with its message instead of failing requests, then starts the mail
// worker, which delivers the outbox in the background, and the import worker, which computes
// import dry runs and applies confirmed imports. Every instance runs one of each; they share
// the work safely (server/email/worker.ts, server/services/import-run.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { encryptionKeys } = await import("./server/auth/encryption-key");
  encryptionKeys();
  const { parseTrustedProxies } = await import("./server/http/client-address");
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
  if (process.env.STEWARD_IMPORT_WORKER !== "off") {
    const [{ getDb }, { startImportWorker }] = await Promise.all([import("./server/db"), import("./server/services/import-worker")]);
    startImportWorker(getDb());
  }
  if (process.env.STEWARD_MAIL_WORKER === "off") return;
  const { startConfiguredMailWorker } = await import("./server/email/start");
  startConfiguredMailWorker();
}
