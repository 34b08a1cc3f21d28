// Runs once when the server starts: the mail worker delivers the outbox in the background.
// Every instance runs one; they share the outbox safely (server/email/worker.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.STEWARD_MAIL_WORKER === "off") return;
  const { startConfiguredMailWorker } = await import("./server/email/start");
  startConfiguredMailWorker();
}
