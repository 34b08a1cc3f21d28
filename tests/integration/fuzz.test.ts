// Refusals of a request's shape, found by fuzzing every procedure over HTTP: the texts of
// the libraries that read a request never reach the caller, and refused text keeps its field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, callHttp } from "../support/http";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
const db = () => t.db;
const restoreEnv = process.env.NEXTAUTH_URL;
const JSON_TYPE = { "content-type": "application/json" };

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP_ORIGIN;
  t = await testDatabase();
});
afterAll(async () => {
  process.env.NEXTAUTH_URL = restoreEnv;
  await t.close();
});

describe("found by this fuzz", () => {
  const NOT_OUR_FORM = "The request could not be read: its input is not in the form Steward's API client sends.";
  const post = (body: string, headers: Record<string, string> = JSON_TYPE) => callHttp(db, "accountLinks.requestPasswordReset", { body, headers });

  it.each([
    // superjson's texts, with a link to its issue tracker, and the engine's TypeError text.
    ["an unknown class", '{"json":{},"meta":{"values":[["class","Nope"]]}}'],
    ["an unregistered custom type", '{"json":{},"meta":{"values":[["custom","Nope"]]}}'],
    ["a path through __proto__", '{"json":{},"meta":{"values":{"__proto__.polluted":["undefined"]}}}'],
    ["a map that is not one", '{"json":{"a":"x"},"meta":{"values":{"a":["map"]}}}'],
  ])("a superjson envelope with %s is refused in our words", async (_, body) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.message).toBe(NOT_OUR_FORM);
  });

  it("tRPC's own refusals of a request's shape are in our words", async () => {
    const plain = await post('{"json":{}}', { "content-type": "text/plain" });
    expect([plain.status, plain.message]).toEqual([415, "Send the request body as JSON (Content-Type: application/json)."]);
    const notAnObject = await callHttp(db, `account.me,account.me?batch=1&input=${encodeURIComponent("[1,2]")}`, { method: "GET" });
    expect([notAnObject.status, notAnObject.message]).toEqual([400, NOT_OUR_FORM]);
    const mixed = await callHttp(db, "account.me,account.endOtherSessions?batch=1", { method: "GET" });
    expect([mixed.status, mixed.message]).toEqual([400, "A batch cannot mix reads and changes: send them as separate requests."]);
  });

  // (A "__proto__" key does not survive the reading of the request, so nothing refuses it.)
  it.each(["constructor", "prototype", "toString"])("refused text under a key named %s is a 400, not a fault of the formatter", async (key) => {
    const r = await post(`{"json":{"email":"a@b.test","${key}":"a\\u0000b"}}`);
    expect(r.status).toBe(400);
    expect(r.message).toMatch(/control characters/);
  });

  it("text no field may hold is refused with its field, for the form to show", async () => {
    const r = await post('{"json":{"email":"x\\ud800y"}}');
    expect(r.status).toBe(400);
    const data = (r.json as { error: { json: { data: { zodError: { fieldErrors: Record<string, string[]> } | null } } } }).error.json.data;
    expect(data.zodError?.fieldErrors.email).toEqual([r.message]);
  });
});
