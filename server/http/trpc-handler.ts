// The HTTP face of the API (/api/trpc): who is asking (session cookie or API token, client
// address, organization header), what a request may be (same-site, JSON, bounded), and how errors
// leave (server/trpc/init.ts's formatter; Retry-After when the database cannot answer).
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import type { Db } from "../db";
import { DATABASE_RETRY_AFTER_S, NOT_JSON, ORG_HEADER } from "../trpc/init";
import { MAX_BATCH_SIZE } from "../trpc/limits";
import { bearerToken, requestContext } from "../trpc/request-context";
import { RateLimited } from "../services/api-tokens";
import { appRouter } from "../trpc/root";
import { crossSiteRefusal } from "./origin";

/** The largest request body the API reads (a CSV import of 10,000 members fits). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Refusals due before the request is read: cross-site, not JSON, too large. */
function refuseRequest(req: Request): void {
  // A request with an API token carries no cookie authority (requestContext reads no
  // cookie then), so another site gains nothing by sending one: scripts need no Origin.
  const crossSite = bearerToken(req.headers) ? null : crossSiteRefusal(req);
  if (crossSite) throw new TRPCError({ code: "FORBIDDEN", message: crossSite });
  if (req.method !== "POST") return;
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: NOT_JSON });
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    throw new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` });
  }
}

export function handleTrpcRequest(req: Request, db: () => Db): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () => {
      refuseRequest(req);
      const context = await requestContext(req.headers, req.headers.get(ORG_HEADER), db);
      // A page's reads arrive as one batch of queries (a GET): they share one gate, read
      // once for the request. Changes (POST) and token calls keep a gate per call, so that
      // a change made earlier in a batch is seen by the next call, and each token call is
      // counted against its rate limit.
      return req.method === "GET" && !context.bearer ? { ...context, memo: new Map() } : context;
    },
    responseMeta({ errors }) {
      const headers = new Headers({ "cache-control": "no-store" });
      if (errors.some((e) => e.code === "SERVICE_UNAVAILABLE")) headers.set("retry-after", String(DATABASE_RETRY_AFTER_S));
      const limited = errors.map((e) => e.cause).find((c) => c instanceof RateLimited);
      if (limited) headers.set("retry-after", String(limited.retryAfterSeconds));
      return { headers };
    },
  });
}
