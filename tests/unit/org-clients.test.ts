// Switching organizations must never show the previous organization's lists: each has its
// own query cache, and its API client names it in every request.
import { describe, expect, it } from "vitest";
import { OrgClientRegistry, orgSlugOf } from "@/components/org-clients";

/** A fetch that records the organization header of each request and answers null. */
function recordingFetch() {
  const sent: Array<string | null> = [];
  const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    sent.push(new Headers(init?.headers).get("x-steward-org"));
    return new Response(JSON.stringify([{ result: { data: { json: null } } }]), { headers: { "content-type": "application/json" } });
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

describe("one query cache and API client per organization", () => {
  it("finds the organization in console paths only", () => {
    expect(orgSlugOf("/o/acme")).toBe("acme");
    expect(orgSlugOf("/o/acme/members/abc")).toBe("acme");
    expect(orgSlugOf("/account/security")).toBeNull();
    expect(orgSlugOf(null)).toBeNull();
  });

  it("keeps one organization's cached lists out of another's", () => {
    const registry = new OrgClientRegistry();
    const acme = registry.get("acme");
    expect(registry.get("acme")).toBe(acme);
    const globex = registry.get("globex");
    expect(globex.queryClient).not.toBe(acme.queryClient);
    const key = [["members", "list"], { input: {}, type: "query" }];
    acme.queryClient.setQueryData(key, { rows: ["Acme's member"] });
    expect(globex.queryClient.getQueryData(key)).toBeUndefined();
    expect(registry.get("acme").queryClient.getQueryData(key)).toEqual({ rows: ["Acme's member"] });
  });

  it("sends each client's own organization, and none outside the console", async () => {
    const { fetch, sent } = recordingFetch();
    const registry = new OrgClientRegistry({ url: "http://localhost/api/trpc", fetch });
    await registry.get("acme").trpcClient.teams.list.query();
    await registry.get("globex").trpcClient.teams.list.query();
    await registry.get(null).trpcClient.account.me.query();
    expect(sent).toEqual(["acme", "globex", null]);
  });
});
