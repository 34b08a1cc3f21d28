"use client";
import type { inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@/server/trpc/root";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The message of a tRPC error, for people. */
export function errorMessage(err: unknown): string {
  if (err && typeof err === "object" && "message" in err && typeof err.message === "string") return err.message;
  return "Something went wrong. Try again.";
}

export type FieldErrors = Partial<Record<string, string[]>>;

/** zod's per-field messages of a BAD_REQUEST, to show beside each field. */
export function fieldErrorsOf(err: unknown): FieldErrors {
  const data = err && typeof err === "object" && "data" in err ? (err.data as { zodError?: { fieldErrors: FieldErrors } } | null) : null;
  return data?.zodError?.fieldErrors ?? {};
}
