// Errors services raise for people, in the one vocabulary of STYLE.md. The tRPC layer
// turns them into TRPCErrors with the same code; the CLI prints the message.
import type { Decision } from "../authz";

export type StewardErrorCode = "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "PRECONDITION_FAILED" | "TOO_MANY_REQUESTS";

export class StewardError extends Error {
  constructor(
    readonly code: StewardErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "StewardError";
  }
}

type ReachHolder = { role: { reach: "ORGANIZATION" | "SUBTREE" | "SELF" }; group: { name: string } };

function describeReach(actor: ReachHolder): string {
  switch (actor.role.reach) {
    case "ORGANIZATION":
      return "this organization";
    case "SUBTREE":
      return `${actor.group.name} and its subgroups`;
    case "SELF":
      return "your own account";
  }
}

/**
 * NOT_FOUND says where the actor may look, and is the same whether the thing is missing,
 * in another organization or outside the actor's span: nothing leaks existence.
 */
export const notFound = (what: string, actor?: ReachHolder) =>
  new StewardError("NOT_FOUND", actor ? `${what} not found within your reach (${describeReach(actor)}).` : `${what} not found.`);

/** Throws unless the decision allows. NOT_FOUND refusals never reveal their reason. */
export function enforce(decision: Decision, what: string, actor?: ReachHolder): void {
  if (decision.allowed) return;
  if (decision.code === "NOT_FOUND") throw notFound(what, actor);
  throw new StewardError("FORBIDDEN", decision.reason);
}
