// The API served straight from Node's HTTP server, without Next.js's route handling. In
// production scripts/serve.mjs hands every /api/trpc request here: the same handler as
// app/api/trpc (server/http/trpc-handler.ts), less about half the work per request
// (docs/operations.md, "Throughput"). scripts/build.mjs bundles this module into
// .next/steward-api.mjs beside the Next.js build.
import type { IncomingMessage, ServerResponse } from "node:http";
import { buffer } from "node:stream/consumers";
import { getDb, type Db } from "../db";
import { handleTrpcRequest, MAX_BODY_BYTES } from "./trpc-handler";

/** Whether a request path is the API's (/api/trpc/…), the only paths `serveApi` answers. */
export function isApiPath(url: string | undefined): boolean {
  return url === "/api/trpc" || !!url?.startsWith("/api/trpc/") || !!url?.startsWith("/api/trpc?");
}

const tooLong = (req: IncomingMessage) => Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES;

/** The Fetch request a Node request stands for: its method, headers and body, at this server's
 * address (the host only shapes the URL; no decision reads it from here). */
export async function toFetchRequest(req: IncomingMessage): Promise<Request> {
  // req.headers, not rawHeaders: scripts/serve.mjs sets its own there (the peer address, the
  // CSP), replacing whatever the client sent under those names.
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  // A body longer than the API reads is not read at all: the handler refuses it by its length.
  const body = method === "GET" || method === "HEAD" ? undefined : tooLong(req) ? new Uint8Array() : new Uint8Array(await buffer(req));
  return new Request(new URL(req.url ?? "/", "http://steward.internal"), { method, headers, body });
}

/** Answers /api/trpc requests from this database. */
export const apiHandler = (db: () => Db) => (req: IncomingMessage, res: ServerResponse) => answer(req, res, db);

/** Answers one /api/trpc request from the configured database (scripts/serve.mjs). */
export const serveApi = apiHandler(getDb);

async function answer(req: IncomingMessage, res: ServerResponse, db: () => Db): Promise<void> {
  // As app/api/trpc's route, which exports GET and POST only.
  if (req.method !== "GET" && req.method !== "POST") {
    res.writeHead(405, { "content-type": "application/json", allow: "GET, POST" });
    res.end(JSON.stringify({ error: { message: "The API answers GET and POST requests only." } }));
    return;
  }
  let response: Response;
  try {
    response = await handleTrpcRequest(await toFetchRequest(req), db);
  } catch (error) {
    // tRPC answers every failure of a call itself; this is the request failing to arrive.
    console.error("steward: could not read an API request", error);
    if (!res.headersSent) res.writeHead(400, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify({ error: { message: "The request could not be read." } }));
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  headers["content-length"] = String(body.length);
  // The unread body would otherwise be taken for the connection's next request.
  if (tooLong(req)) headers.connection = "close";
  res.writeHead(response.status, headers);
  res.end(body);
}
