// The REST API (/api/v1) through its real handler, called with the typed client generated
// from the OpenAPI document (client/), as a script would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stewardClient } from "@/client";
import { handleRestRequest } from "@/server/http/rest-handler";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
const db = () => t.db;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme").withTree("Sales").withMember("gina", "group_data_admin", "Sales").create();
});
afterAll(() => t.close());

const client = (token: string) => stewardClient({ baseUrl: "http://localhost:3000", token, fetch: (req) => handleRestRequest(req, db) });

describe("REST", () => {
  it("lists resources with a token", async () => {
    const { secret } = await (await acme.signIn("owner")).tokens.create({ name: "script" });
    const { data, error, response } = await client(secret).GET("/resources", { params: { query: { pageSize: 5 } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.total).toBeTypeOf("number");
  });
});
