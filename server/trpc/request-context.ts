// The context of a request to the API, built the same way for the HTTP handler
// (server/http/trpc-handler.ts) and for server components (server.ts): the session cookie's
// claims, the organization, and the client's address.
import { claimsFromRequest } from "../auth/request-claims";
import { getDb, type Db } from "../db";
import { clientAddress } from "../http/client-address";
import type { Context } from "./init";

export async function requestContext(headers: Headers, orgSlug: string | null, db: () => Db = getDb): Promise<Context> {
  return { db: db(), claims: await claimsFromRequest(headers), orgSlug, ip: clientAddress(headers) };
}
