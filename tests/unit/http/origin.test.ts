import { afterEach, describe, expect, it } from "vitest";
import { crossSiteRefusal, safeRedirectPath } from "@/server/http/origin";

const saved = process.env.NEXTAUTH_URL;
afterEach(() => {
  process.env.NEXTAUTH_URL = saved;
});

const post = (headers: Record<string, string>) => ({ method: "POST", headers: new Headers(headers) });

describe("cross-site requests", () => {
  it("are refused when the Origin is another site, null or missing", () => {
    process.env.NEXTAUTH_URL = "https://steward.example.com";
    expect(crossSiteRefusal(post({ origin: "https://steward.example.com" }))).toBeNull();
    expect(crossSiteRefusal(post({ origin: "https://evil.example" }))).toMatch(/another site/);
    expect(crossSiteRefusal(post({ origin: "null" }))).toMatch(/another site/);
    expect(crossSiteRefusal(post({ origin: "http://steward.example.com" }))).toMatch(/another site/);
    expect(crossSiteRefusal(post({}))).toMatch(/no Origin/);
  });

  it("leave reads alone", () => {
    process.env.NEXTAUTH_URL = "https://steward.example.com";
    expect(crossSiteRefusal({ method: "GET", headers: new Headers({ origin: "https://evil.example" }) })).toBeNull();
  });

  it("without NEXTAUTH_URL, compare with the host the request was sent to", () => {
    delete process.env.NEXTAUTH_URL;
    expect(crossSiteRefusal(post({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBeNull();
    expect(crossSiteRefusal(post({ host: "localhost:3000", origin: "http://evil.example" }))).not.toBeNull();
  });
});

describe("redirects after sign-in", () => {
  it("keep places on Steward", () => {
    expect(safeRedirectPath("/o/acme/members?page=2#top", "http://localhost:3000")).toBe("/o/acme/members?page=2#top");
    expect(safeRedirectPath("http://localhost:3000/o/acme", "http://localhost:3000")).toBe("/o/acme");
  });

  it.each(["/\\evil.example", "//evil.example", "/\t/evil.example", "https://evil.example/o", "javascript:alert(1)", "\\\\evil.example", ""])(
    "send %j home",
    (target) => {
      expect(safeRedirectPath(target, "http://localhost:3000")).toBe("/");
    },
  );
});
