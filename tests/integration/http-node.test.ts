// The HTTP tests (http.test.ts) again, over a real socket to the handler production serves
// /api/trpc from (server/http/node-api.ts, scripts/serve.mjs) instead of Next.js's route.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { apiHandler, isApiPath } from "@/server/http/node-api";

process.env.STEWARD_TEST_TRANSPORT = "node";
await import("./http.test");

describe("the API's own server", () => {
  it("answers /api/trpc and below it, nothing else", () => {
    for (const path of ["/api/trpc", "/api/trpc/members.list", "/api/trpc/a,b?batch=1", "/api/trpc?x=1"]) expect(isApiPath(path)).toBe(true);
    for (const path of [undefined, "/", "/api/trpcx", "/api/v1/members", "/o/acme/api/trpc", "/api/auth/session"]) expect(isApiPath(path)).toBe(false);
  });

  it("answers GET and POST only, as the route it stands in for", async () => {
    const server = createServer(
      apiHandler(() => {
        throw new Error("no method but GET and POST reaches the database");
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
        const answer = await fetch(`${base}/api/trpc/setup.status`, { method });
        expect(answer.status, method).toBe(405);
        expect(answer.headers.get("allow")).toBe("GET, POST");
        expect(await answer.json()).toEqual({ error: { message: "The API answers GET and POST requests only." } });
      }
    } finally {
      server.close();
    }
  });
});
