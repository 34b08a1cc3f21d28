// Shared assertion for the authz tables: a decision is reduced to ALLOWED or its denial
// code, and every refusal must say why.
import { expect } from "vitest";
import type { Decision } from "@/server/authz";

export type Outcome = "ALLOWED" | "FORBIDDEN" | "NOT_FOUND";

export const ALLOWED: Outcome = "ALLOWED";
export const FORBIDDEN: Outcome = "FORBIDDEN";
export const NOT_FOUND: Outcome = "NOT_FOUND";

export function outcome(decision: Decision): Outcome {
  return decision.allowed ? "ALLOWED" : decision.code;
}

export function expectDecision(decision: Decision, expected: Outcome): void {
  expect(outcome(decision), `reason given: "${decision.reason}"`).toBe(expected);
  if (!decision.allowed) expect(decision.reason.trim(), "a refusal must give its reason").not.toBe("");
}
