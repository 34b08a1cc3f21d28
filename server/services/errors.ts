// Errors services raise for people, in the one vocabulary of STYLE.md. The tRPC layer
// turns them into TRPCErrors with the same code; the CLI prints the message.
import type { Decision } from "../authz";

export type StewardErrorCode = "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT";

export class StewardError extends Error {
  constructor(
    readonly code: StewardErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "StewardError";
  }
}

export const notFound = (what: string) => new StewardError("NOT_FOUND", `${what} not found.`);

/** Throws unless the decision allows. NOT_FOUND refusals never reveal their reason. */
export function enforce(decision: Decision, what: string): void {
  if (decision.allowed) return;
  if (decision.code === "NOT_FOUND") throw notFound(what);
  throw new StewardError("FORBIDDEN", decision.reason);
}
