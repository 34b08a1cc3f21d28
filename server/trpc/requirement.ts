// What a signed-in member must do before an organization's procedures answer them. The
// gate refuses with FORBIDDEN and carries the requirement as the error's cause, so that
// pages can lead the person to the right place without reading the message.
import { TRPCError } from "@trpc/server";

export type Requirement = "PASSWORD_CHANGE" | "TWO_FACTOR_SETUP";

export class UnmetRequirement extends Error {
  constructor(
    readonly requirement: Requirement,
    message: string,
  ) {
    super(message);
    this.name = "UnmetRequirement";
  }
}

export function requirementRefusal(requirement: Requirement, message: string): TRPCError {
  return new TRPCError({ code: "FORBIDDEN", message, cause: new UnmetRequirement(requirement, message) });
}

/** The requirement behind a refusal, or null for a plain refusal (or another error). */
export function requirementOf(err: unknown): Requirement | null {
  return err instanceof TRPCError && err.cause instanceof UnmetRequirement ? err.cause.requirement : null;
}
