// The context of a request to the API, built the same way for the HTTP handler
// (/api/trpc) and for server components (server.ts).
import "server-only";
import { getClaims } from "../auth/viewer";
import { getDb } from "../db";
import type { Context } from "./init";

export async function requestContext(headers: Pick<Headers, "get">, orgSlug: string | null): Promise<Context> {
  return {
    db: getDb(),
    claims: await getClaims(),
    orgSlug,
    ip: headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
  };
}
