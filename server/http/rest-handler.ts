// The REST face of the API (/api/v1): the same procedures as /api/trpc, for scripts and
// agents with an API token. A procedure joins it by a `meta({ openapi })` naming its method
// and path (server/routers/_rest.ts); the OpenAPI document is generated from those, and this
// handler routes by the same table, so the two cannot disagree.
//
// Only a bearer token is accepted here (no session cookie, so no cross-site question). The
// input is the path's parameters plus the query string (GET, DELETE) or the JSON body;
// query values are read as the input's schema says (numbers, true/false, repeated keys for
// lists) without touching the schema itself, which tRPC shares. Errors leave as
// `{ code, message, issues? }` with the HTTP status of the code and the same sentences
// the console shows.
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";
import { generateOpenApiDocument, type OpenApiMeta } from "trpc-to-openapi";
import type { OpenAPIObject } from "trpc-to-openapi";
import type { Db } from "../db";
import { DATABASE_RETRY_AFTER_S, NOT_JSON, ORG_HEADER, publicError } from "../trpc/init";
import { requestContext } from "../trpc/request-context";
import { RateLimited } from "../services/api-tokens";
import { StewardError } from "../services/errors";
import { appRouter } from "../trpc/root";

export const REST_PREFIX = "/api/v1";
/** The largest JSON body the REST API reads. */
export const REST_MAX_BODY_BYTES = 1024 * 1024;

type Method = NonNullable<OpenApiMeta["openapi"]>["method"];
type Route = { method: Method; segments: string[]; procedure: string; input: unknown };

const NEEDS_TOKEN = "The REST API takes an API token: send it as Authorization: Bearer stw_…. Create one under API tokens in the console.";

function routes(): Route[] {
  const list: Route[] = [];
  // At run time a flat record of "area.name" paths, as trpc-to-openapi's generator reads it.
  const procedures = appRouter._def.procedures as unknown as Record<string, unknown>;
  for (const [path, procedure] of Object.entries(procedures)) {
    const def = (procedure as { _def: { meta?: OpenApiMeta; type: string; inputs: unknown[] } })._def;
    const openapi = def.meta?.openapi;
    if (!openapi || openapi.enabled === false || (def.type !== "query" && def.type !== "mutation")) continue;
    list.push({ method: openapi.method, segments: openapi.path.split("/").filter(Boolean), procedure: path, input: def.inputs[0] });
  }
  return list;
}

let table: Route[] | undefined;
// A fixed segment wins over a parameter ("/resources/creatable" before "/resources/{resourceId}").
const sortedRoutes = () => routes().sort((a, b) => paramCount(a) - paramCount(b));
let document: OpenAPIObject | undefined;

/** trpc-to-openapi's error schema gives an issue only a message; `errorResponse` names its field too. */
function withIssueFields(doc: OpenAPIObject): OpenAPIObject {
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const issues = name.startsWith("error.") && "properties" in schema ? schema.properties?.issues : undefined;
    if (!issues || !("items" in issues)) continue;
    issues.items = {
      type: "object",
      properties: {
        field: { type: "string", description: "The input field it is about: a path or query parameter, or a top-level field of the body." },
        message: { type: "string", description: "What is wrong with it, in words." },
      },
      required: ["field", "message"],
    };
  }
  return doc;
}

/** The OpenAPI 3 document of /api/v1, generated from the procedures' routes. */
export function openApiDocument(): OpenAPIObject {
  document ??= withIssueFields(
    generateOpenApiDocument(appRouter, {
      title: "Steward API",
      version: "1",
      description:
        "The organization procedures of Steward's console, for scripts and agents. Every call is decided as the token's member at that moment (role, groups, teams, grants, scope), then narrowed by the token's own limits (read-only, chosen permissions). Errors are `{ code, message, issues? }` with sentences meant for people.",
      baseUrl: REST_PREFIX,
      securitySchemes: {
        token: { type: "http", scheme: "bearer", description: "A personal API token (stw_…), made under API tokens in the console." },
      },
    }),
  );
  return document;
}

/** A path segment as text; a malformed escape ("%E0%A4%A") is kept as sent, for the input's
 * schema to refuse in words. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const paramCount = (route: Route) => route.segments.filter((s) => s.startsWith("{")).length;

type Match = { route: Route; params: Record<string, string> } | { allowed: Method[] } | null;

/** The REST route of a procedure ("members.get" → GET /members/{membershipId}), if it has one. */
export function restRouteOf(procedure: string): { method: Method; path: string } | undefined {
  table ??= sortedRoutes();
  const route = table.find((r) => r.procedure === procedure);
  return route && { method: route.method, path: `/${route.segments.join("/")}` };
}

function match(method: string, pathname: string): Match {
  table ??= sortedRoutes();
  const parts = pathname.split("/").filter(Boolean);
  const allowed: Method[] = [];
  for (const route of table) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = route.segments.every((segment, i) => {
      const param = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!param) return segment === parts[i];
      params[param] = decoded(parts[i]!);
      return true;
    });
    if (!fits) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return allowed.length ? { allowed } : null;
}

// ---- Reading the input ----------------------------------------------------------------

type ZodLike = { _zod?: { def?: { type?: string; innerType?: ZodLike; element?: ZodLike; in?: ZodLike; shape?: Record<string, ZodLike> } } };

/** What a query value must become for the schema: "number", "boolean", "array" or "string". */
function kindOf(schema: ZodLike | undefined): { kind: string; element?: ZodLike } {
  const def = schema?._zod?.def;
  switch (def?.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
      return kindOf(def.innerType);
    case "pipe":
      return kindOf(def.in);
    case "number":
    case "int":
    case "boolean":
      return { kind: def.type === "boolean" ? "boolean" : "number" };
    case "array":
      return { kind: "array", element: def.element };
    default:
      return { kind: "string" };
  }
}

function scalar(kind: string, value: string): unknown {
  if (kind === "number") return value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
  if (kind === "boolean") return value === "true" ? true : value === "false" ? false : value;
  return value;
}

function queryInput(schema: unknown, query: URLSearchParams): Record<string, unknown> {
  const shape = (schema as ZodLike | undefined)?._zod?.def?.shape ?? {};
  const input: Record<string, unknown> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    const { kind, element } = kindOf(shape[key]);
    input[key] = kind === "array" ? values.map((v) => scalar(kindOf(element).kind, v)) : scalar(kind, values[values.length - 1]!);
  }
  return input;
}

async function bodyInput(req: Request): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  const length = Number(req.headers.get("content-length") ?? 0);
  const tooLarge = `The request body is larger than ${REST_MAX_BODY_BYTES / 1024 / 1024} MB.`;
  if (length > REST_MAX_BODY_BYTES) throw new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: tooLarge });
  const text = await req.text();
  if (Buffer.byteLength(text) > REST_MAX_BODY_BYTES) throw new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: tooLarge });
  if (text.trim() === "") return {};
  if (type !== "application/json") throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: NOT_JSON });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new TRPCError({ code: "PARSE_ERROR", message: "The request body is not valid JSON." });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    const message = "Send the request body as a JSON object of the endpoint's fields.";
    throw new TRPCError({ code: "BAD_REQUEST", message, cause: new StewardError("BAD_REQUEST", message) });
  }
  return body as Record<string, unknown>;
}

// ---- Answering -------------------------------------------------------------------------

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

function errorResponse(error: TRPCError, procedure: string | undefined): Response {
  const { message, fieldErrors } = publicError(error, procedure);
  const headers: Record<string, string> = {};
  if (error.code === "UNAUTHORIZED") headers["www-authenticate"] = 'Bearer realm="steward"';
  if (error.code === "SERVICE_UNAVAILABLE") headers["retry-after"] = String(DATABASE_RETRY_AFTER_S);
  if (error.cause instanceof RateLimited) headers["retry-after"] = String(error.cause.retryAfterSeconds);
  const issues = fieldErrors ? Object.entries(fieldErrors).flatMap(([field, messages]) => messages.map((m) => ({ field, message: m }))) : undefined;
  return json(getHTTPStatusCodeFromError(error), { code: error.code, message, ...(issues ? { issues } : {}) }, headers);
}

export async function handleRestRequest(req: Request, db: () => Db): Promise<Response> {
  const url = new URL(req.url);
  const pathname = url.pathname.startsWith(REST_PREFIX) ? url.pathname.slice(REST_PREFIX.length) : url.pathname;
  if (req.method === "GET" && (pathname === "/openapi.json" || pathname === "/openapi.json/")) {
    return json(200, openApiDocument(), { "cache-control": "public, max-age=300" });
  }
  const found = match(req.method.toUpperCase(), pathname);
  if (!found) {
    return errorResponse(
      new TRPCError({
        code: "NOT_FOUND",
        message: `There is no endpoint ${req.method} ${REST_PREFIX}${pathname}. The endpoints are listed in ${REST_PREFIX}/openapi.json.`,
      }),
      undefined,
    );
  }
  if ("allowed" in found) {
    return json(
      405,
      { code: "METHOD_NOT_SUPPORTED", message: `${REST_PREFIX}${pathname} answers ${found.allowed.join(", ")}, not ${req.method}.` },
      { allow: found.allowed.join(", ") },
    );
  }
  const { route, params } = found;
  try {
    const ctx = await requestContext(req.headers, req.headers.get(ORG_HEADER), db);
    if (!ctx.bearer) throw new TRPCError({ code: "UNAUTHORIZED", message: NEEDS_TOKEN });
    const takesBody = route.method !== "GET" && route.method !== "DELETE";
    const input = { ...(takesBody ? await bodyInput(req) : queryInput(route.input, url.searchParams)), ...params };
    const call = route.procedure.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], appRouter.createCaller(ctx));
    const data = await (call as (input: unknown) => Promise<unknown>)(input);
    return json(200, data ?? null);
  } catch (cause) {
    return errorResponse(getTRPCErrorFromUnknown(cause), route.procedure);
  }
}
