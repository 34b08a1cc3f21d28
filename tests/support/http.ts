// Calls the API as a browser does: HTTP requests to the real route handler
// (server/http/trpc-handler.ts), with a next-auth session cookie, an Origin header and the
// peer address Steward's server records. For tests of what lives at the HTTP layer. With
// STEWARD_TEST_TRANSPORT=node the requests travel over a real socket to the handler that
// production serves them from (server/http/node-api.ts) instead of as Fetch requests.
import { createServer, request as request_ } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { authSecret } from "@/server/auth/secret";
import type { Db } from "@/server/db";
import { PEER_HEADER } from "@/server/http/client-address";
import { apiHandler } from "@/server/http/node-api";
import { handleTrpcRequest } from "@/server/http/trpc-handler";
import { verifyCredentials } from "@/server/services/account";
import { startSession } from "@/server/services/sessions";

export const APP_ORIGIN = "http://localhost:3000";

/** The cookie a browser holds after signing in with this email and password. */
export async function sessionCookie(db: Db, email: string, password: string): Promise<string> {
  const claims = await verifyCredentials(db, email, password);
  if (!claims) throw new Error(`Sign-in failed for ${email}`);
  return (await cookieFor(db, claims)).cookie;
}

/** A new session for this user, as a successful sign-in starts it, without the password
 * check (for tests that sign the same people in again and again). */
export async function cookieFor(db: Db, user: { userId: string; sessionVersion: number }) {
  const sessionId = await startSession(db, user.userId, { userAgent: "vitest", ip: "127.0.0.1" });
  const token = await encode({ token: { uid: user.userId, sv: user.sessionVersion, sid: sessionId }, secret: authSecret() });
  return { cookie: `next-auth.session-token=${token}`, claims: { userId: user.userId, sessionVersion: user.sessionVersion, sessionId } };
}

export type HttpCall = {
  method?: "GET" | "POST";
  /** Procedure input (encoded with superjson's envelope), or `body` for raw bytes. */
  input?: unknown;
  body?: BodyInit;
  cookie?: string | null;
  org?: string | null;
  /** Defaults to Steward's own origin on POST; null sends none. */
  origin?: string | null;
  peer?: string;
  headers?: Record<string, string>;
};

export type HttpResult = { status: number; headers: Headers; text: string; json: unknown; message: string | null };

/** One procedure call (or a comma-separated batch path with `?batch=1`). */
export async function callHttp(db: () => Db, path: string, call: HttpCall = {}): Promise<HttpResult> {
  const method = call.method ?? "POST";
  const headers = new Headers(call.headers);
  headers.set(PEER_HEADER, call.peer ?? "127.0.0.1");
  if (call.cookie) headers.set("cookie", call.cookie);
  if (call.org) headers.set("x-steward-org", call.org);
  const origin = call.origin === undefined ? (method === "POST" ? APP_ORIGIN : null) : call.origin;
  if (origin) headers.set("origin", origin);
  let url = `${APP_ORIGIN}/api/trpc/${path}`;
  let body = call.body;
  if (body === undefined && call.input !== undefined) {
    const envelope = JSON.stringify({ json: call.input });
    if (method === "GET") url += `${url.includes("?") ? "&" : "?"}input=${encodeURIComponent(envelope)}`;
    else body = envelope;
  }
  if (method === "POST" && !headers.has("content-type") && typeof body === "string") headers.set("content-type", "application/json");
  const request = new Request(url, { method, headers, body: method === "POST" ? (body ?? "") : undefined });
  const response = process.env.STEWARD_TEST_TRANSPORT === "node" ? await overSocket(db, request) : await handleTrpcRequest(request, db);
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const first = Array.isArray(json) ? json[0] : json;
  const message = (first as { error?: { json?: { message?: string } } } | null)?.error?.json?.message ?? null;
  return { status: response.status, headers: response.headers, text, json, message };
}

const servers = new WeakMap<() => Db, Promise<string>>();

/** The request sent to a Node HTTP server answering with `apiHandler(db)` (one per database). */
async function overSocket(db: () => Db, request: Request): Promise<Response> {
  let base = servers.get(db);
  if (!base) {
    const server = createServer(apiHandler(db));
    base = new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
    server.unref();
    servers.set(db, base);
  }
  const url = new URL(`${await base}${new URL(request.url).pathname}${new URL(request.url).search}`);
  const body = request.method === "POST" ? Buffer.from(await request.arrayBuffer()) : undefined;
  // node:http rather than fetch: it sends a declared Content-Length as given, as any client can.
  return new Promise((resolve, reject) => {
    const sent = request_(url, { method: request.method, headers: Object.fromEntries(request.headers) }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(answer.headers)) for (const v of [value ?? []].flat()) headers.append(name, v);
        resolve(new Response(Buffer.concat(chunks), { status: answer.statusCode, headers }));
      });
    });
    sent.on("error", reject);
    sent.end(body);
  });
}

/** Text that only a fault of ours would put in an answer: Prisma's and the database's
 * errors, JavaScript's own (JSON.parse, stack traces, source paths), zod's default wording,
 * the texts of the libraries that read a request. */
export const INTERNAL_TEXT = new RegExp(
  [
    /prisma|Invalid `|invocation|\bP[1-6]\d{3}\b|DriverAdapterError|pglite|postgres/,
    /SQLSTATE|violates|duplicate key|\bbtree\b|relation "|column "|constraint "|syntax error at or near|invalid input syntax|out of range for type|too long for type/,
    /invalid byte sequence|Unicode escape|cannot be converted to text/,
    /at position \d|in JSON at|end of JSON input|Unexpected token|Maximum call stack|stack|TypeError|ReferenceError|SyntaxError|RangeError|ZodError(?!":)|TRPCError/,
    /(?:\\n|\n| {4})\s*at (?:async )?\S+ \(|file:\/\/|node_modules|\/[\w.@-]+\/[\w.@-]+\.(?:[cm]?js|tsx?)\b/,
    /Invalid input|expected \w+, received|ECONNREFUSED|127\.0\.0\.1:\d+|:5432/,
    // Libraries' and the engine's own texts (superjson, tRPC's request reading, TypeErrors).
    /deserialize|github\.com|is not an entry object|is not iterable|is not a function|Cannot read propert|is not defined|is not allowed as a property/,
    /when doing a batch call|Cannot mix procedure types|content-type header|Unsupported content-type|Invalid URL-encoding|Batch call exceeds/,
  ]
    .map((r) => r.source)
    .join("|"),
  "i",
);
