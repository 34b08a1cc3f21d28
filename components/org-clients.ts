// One query cache and one API client per organization. TanStack Query keys name the
// procedure and its input, not the organization (it travels in a header), so a cache
// shared by two organizations would show the previous one's lists in the next while they
// reload. Each client also sends its own organization, whatever the URL says by the time
// a request leaves.
import { MutationCache, QueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { doneMessage } from "./done-messages";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import { MAX_BATCH_SIZE } from "@/server/trpc/limits";
import type { AppRouter } from "@/server/trpc/root";

export type OrgClients = { queryClient: QueryClient; trpcClient: TRPCClient<AppRouter> };

/** The organization of a console path (/o/[slug]/...), or null elsewhere. */
export function orgSlugOf(pathname: string | null): string | null {
  return pathname?.match(/^\/o\/([^/]+)/)?.[1] ?? null;
}

export class OrgClientRegistry {
  private clients = new Map<string | null, OrgClients>();
  constructor(private readonly options: { url: string; fetch?: typeof fetch } = { url: "/api/trpc" }) {}

  /** The clients of this organization (null: pages outside any organization), made on first use. */
  get(slug: string | null): OrgClients {
    let found = this.clients.get(slug);
    if (!found) {
      found = {
        queryClient: new QueryClient({
          defaultOptions: { queries: { staleTime: 5_000, retry: (count, err) => count < 2 && !isClientError(err) } },
          // Every completed change is confirmed in words (components/done-messages.ts).
          mutationCache: new MutationCache({ onSuccess: (_data, input, _context, mutation) => announceDone(mutation.options.mutationKey, input) }),
        }),
        trpcClient: createTRPCClient<AppRouter>({
          links: [
            httpBatchLink({
              url: this.options.url,
              fetch: this.options.fetch,
              transformer: superjson,
              maxItems: MAX_BATCH_SIZE,
              maxURLLength: 4_000,
              headers: () => (slug ? { "x-steward-org": slug } : {}),
            }),
          ],
        }),
      };
      this.clients.set(slug, found);
    }
    return found;
  }
}

/** Confirms a tRPC change by its procedure (its mutation key is [["groups", "create"]]). */
function announceDone(key: readonly unknown[] | undefined, input: unknown) {
  const path = Array.isArray(key?.[0]) ? key[0].join(".") : null;
  const message = path && doneMessage(path, input);
  if (message) toast.success(message);
}

function isClientError(err: unknown): boolean {
  const code = (err as { data?: { httpStatus?: number } })?.data?.httpStatus;
  return typeof code === "number" && code >= 400 && code < 500;
}
