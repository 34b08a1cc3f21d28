// The REST API (/api/v1) as a whole, through its real handler: what every route shares
// (token only, errors as `{ code, message, issues }` with their HTTP status, bodies read and
// bounded, query strings read by the schema) and the OpenAPI document that describes it.
// Calls go through the typed client generated from that document (client/), as a script's
// would; raw requests only where the point is a request no client would send.
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stewardClient } from "@/client";
import { apiTypesSource, API_TYPES_FILE } from "@/server/http/api-types";
import { handleRestRequest, openApiDocument, REST_MAX_BODY_BYTES } from "@/server/http/rest-handler";
import { readFileSync } from "node:fs";
import { org, type BuiltOrg } from "../factories/org";
import { APP_ORIGIN, sessionCookie } from "../support/http";
import { PASSWORD } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
let ownerToken: string;
const db = () => t.db;
const savedLimit = process.env.STEWARD_API_RATE_LIMIT;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme").withTree("Sales").withMember("gina", "group_data_admin", "Sales").withMember("ulla", "user", "Sales").create();
  globex = await org(t.db, "Globex").withMember("gus", "group_data_admin").create();
  ownerToken = (await (await acme.signIn("owner")).tokens.create({ name: "script" })).secret;
});
afterAll(async () => {
  if (savedLimit === undefined) delete process.env.STEWARD_API_RATE_LIMIT;
  else process.env.STEWARD_API_RATE_LIMIT = savedLimit;
  await t.close();
});

const fetchRest = (req: Request) => handleRestRequest(req, db);
const client = (token: string) => stewardClient({ baseUrl: APP_ORIGIN, token, fetch: fetchRest });

async function raw(path: string, init: RequestInit & { token?: string | null } = {}) {
  const headers = new Headers(init.headers);
  const token = init.token === undefined ? ownerToken : init.token;
  if (token) headers.set("authorization", `Bearer ${token}`);
  const response = await fetchRest(new Request(`${APP_ORIGIN}/api/v1${path}`, { ...init, headers }));
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as { code?: string; message?: string; issues?: unknown }) : null,
  };
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document, served at /api/v1/openapi.json without a token", async () => {
    const served = await raw("/openapi.json", { token: null });
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    const validator = new Validator();
    const result = await validator.validate(structuredClone(served.body) as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("matches the typed client's types (client/openapi.d.ts): run `npm run api:types` after changing a route", async () => {
    expect(readFileSync(API_TYPES_FILE, "utf8")).toBe(await apiTypesSource());
  });

  it("names the bearer token scheme on every route, and every route answers under its documented method", async () => {
    const doc = openApiDocument();
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { security?: unknown[] }>).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const { path, method, op } of operations) {
      expect({ path, method, security: op.security }).toEqual({ path, method, security: [{ token: [] }] });
      // Without a token every route answers 401: it exists (not 404) and is guarded.
      const concrete = path.replace(/\{\w+\}/g, "cl0000000000000000000000x");
      const answer = await raw(concrete, { method: method.toUpperCase(), token: null });
      expect({ path, method, status: answer.status }).toEqual({ path, method, status: 401 });
    }
  });
});

describe("who may call", () => {
  it("refuses a request without a token, with a 401 that says how to get one", async () => {
    const answer = await raw("/resources", { token: null });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(answer.body).toEqual({ code: "UNAUTHORIZED", message: expect.stringContaining("Authorization: Bearer") });
  });

  it("does not accept a session cookie: the REST API is for tokens", async () => {
    const cookie = await sessionCookie(t.db, acme.email("owner"), PASSWORD);
    const answer = await raw("/resources", { token: null, headers: { cookie } });
    expect(answer.status).toBe(401);
  });

  it("refuses an unknown or malformed token with a 401 that says which", async () => {
    expect((await raw("/resources", { token: "not-a-token" })).body?.message).toMatch(/not a Steward API token/);
    expect((await raw("/resources", { token: `stw_${"A".repeat(43)}` })).body?.message).toBe("This API token is not valid.");
  });

  it("acts in the token's organization; naming another one is 404, as for a session", async () => {
    const me = await client(ownerToken).GET("/me");
    expect(me.data?.organization.slug).toBe(acme.slug);
    expect(me.data?.token?.name).toBe("script");
    const elsewhere = await raw("/resources", { headers: { "x-steward-org": globex.slug } });
    expect(elsewhere.status).toBe(404);
  });

  it("answers 429 with Retry-After past the token's rate limit", async () => {
    const { secret } = await (await acme.signIn("gina")).tokens.create({ name: "busy" });
    process.env.STEWARD_API_RATE_LIMIT = "2";
    try {
      expect((await raw("/me", { token: secret })).status).toBe(200);
      expect((await raw("/me", { token: secret })).status).toBe(200);
      const third = await raw("/me", { token: secret });
      expect(third.status).toBe(429);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(third.body?.code).toBe("TOO_MANY_REQUESTS");
    } finally {
      delete process.env.STEWARD_API_RATE_LIMIT;
    }
  });
});

describe("requests", () => {
  it("answers 404 for a path that is no route, and 405 with Allow for a route's wrong method", async () => {
    const missing = await raw("/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.body?.message).toMatch(/no endpoint GET \/api\/v1\/nothing-here.*openapi\.json/);
    // A malformed escape in a path parameter is the id's problem, said in words (no 500).
    const malformed = await raw("/resources/%E0%A4%A/grants");
    expect(malformed.status).toBeLessThan(500);
    const wrong = await raw("/me", { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
  });

  it("reads numbers and choices from the query string by the input's schema", async () => {
    const page = await client(ownerToken).GET("/resources", { params: { query: { pageSize: 1, page: 1 } } });
    expect(page.data?.rows.length).toBeLessThanOrEqual(1);
    const bad = await raw("/resources?pageSize=many&type=spaceship");
    expect(bad.status).toBe(400);
    expect(bad.body?.code).toBe("BAD_REQUEST");
    expect(bad.body?.issues).toEqual(
      expect.arrayContaining([
        { field: "pageSize", message: "Page size must be a number." },
        { field: "type", message: expect.stringMatching(/^The type is one of server/) },
      ]),
    );
    // No schema path or zod wording reaches the caller.
    expect(JSON.stringify(bad.body)).not.toMatch(/Invalid input|expected |received /);
  });

  it("leaves the procedures' own schemas strict for the console: reading a query string coerces nothing in place", async () => {
    await raw("/resources?page=2&pageSize=3");
    const owner = await acme.signIn("owner");
    await expect(owner.resources.list({ page: "2" as unknown as number })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a body that is not JSON, not an object, malformed or too large, each in words", async () => {
    const post = (body: string, type = "application/json") => raw("/resources", { method: "POST", body, headers: { "content-type": type } });
    expect(await post("name=x", "application/x-www-form-urlencoded")).toMatchObject({ status: 415, body: { message: expect.stringMatching(/as JSON/) } });
    expect(await post("{not json")).toMatchObject({ status: 400, body: { code: "PARSE_ERROR", message: expect.stringMatching(/not valid JSON/) } });
    expect(await post("[1,2]")).toMatchObject({ status: 400, body: { message: "Send the request body as a JSON object of the endpoint's fields." } });
    const huge = JSON.stringify({ type: "job", name: "x", description: "y".repeat(REST_MAX_BODY_BYTES) });
    expect(await post(huge)).toMatchObject({ status: 413, body: { code: "PAYLOAD_TOO_LARGE" } });
  });
});
