// A typed client of Steward's REST API (/api/v1) for scripts and agents: openapi-fetch over
// the types generated from the OpenAPI document (openapi.d.ts, `npm run api:types`).
//
//   const steward = stewardClient({ baseUrl: "https://steward.example.com", token: process.env.STEWARD_TOKEN! });
//   const { data, error } = await steward.GET("/resources", { params: { query: { type: "job" } } });
import createClient from "openapi-fetch";
import type { paths } from "./openapi";

export type { paths };

export function stewardClient(options: { baseUrl: string; token: string; fetch?: (request: Request) => Promise<Response> }) {
  return createClient<paths>({
    baseUrl: `${options.baseUrl.replace(/\/+$/, "")}/api/v1`,
    headers: { authorization: `Bearer ${options.token}` },
    fetch: options.fetch,
  });
}
