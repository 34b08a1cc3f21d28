// The context of a request to the API, built the same way for the HTTP handler
// (server/http/trpc-handler.ts) and for server components (server.ts): the session cookie's
// claims (or its API token), the organization, and the client's address.
import { claimsFromRequest } from "../auth/request-claims";
import { getDb, type Db } from "../db";
import { clientAddress } from "../http/client-address";
import type { Context } from "./init";

export async function requestContext(headers: Headers, orgSlug: string | null, db: () => Db = getDb): Promise<Context> {
  const bearer = bearerToken(headers);
  // A request with a token acts as the token alone: its cookies, if any, are not read.
  return { db: db(), claims: bearer ? null : await claimsFromRequest(headers), orgSlug, ip: clientAddress(headers), bearer };
}

/** The API token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match ? match[1]!.slice(0, 200) : null;
}
