// Runs once when the server starts: checks the encryption keys and TRUSTED_PROXIES, so that a
// mistyped setting stops the start with its message instead of failing requests, then starts the mail
// worker, which delivers the outbox in the background. Every instance runs one; they share
// the outbox safely (server/email/worker.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { encryptionKeys } = await import("./server/auth/encryption-key");
  encryptionKeys();
  const { parseTrustedProxies } = await import("./server/http/client-address");
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
  if (process.env.STEWARD_MAIL_WORKER === "off") return;
  const { startConfiguredMailWorker } = await import("./server/email/start");
  startConfiguredMailWorker();
}
