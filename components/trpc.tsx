"use client";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
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

/**
 * Shows a change that has just been made: every query under `queryKey` loads again. A first
 * load still on its way may have read before the change, and invalidating alone would keep
 * its answer (TanStack Query restarts only fetches that already have data), so such a load
 * is cancelled and started afresh.
 */
export async function refreshQueries(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  await queryClient.cancelQueries({ queryKey, predicate: (q) => q.state.data === undefined && q.state.fetchStatus === "fetching" });
  await queryClient.invalidateQueries({ queryKey });
}
