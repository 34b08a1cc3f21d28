import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, parseTrustedProxies, PEER_HEADER } from "@/server/http/client-address";

const request = (peer: string | null, forwardedFor?: string) =>
  new Headers({ ...(peer !== null ? { [PEER_HEADER]: peer } : {}), ...(forwardedFor !== undefined ? { "x-forwarded-for": forwardedFor } : {}) });

describe("the client's address", () => {
  it("without TRUSTED_PROXIES is the connection's, whatever X-Forwarded-For says", () => {
    const none = parseTrustedProxies(undefined);
    expect(clientAddress(request("203.0.113.7", "198.51.100.1"), none)).toBe("203.0.113.7");
    expect(clientAddress(request("203.0.113.7", "1.1.1.1, 2.2.2.2"), parseTrustedProxies(""))).toBe("203.0.113.7");
  });

  it("with a count, skips that many proxies from the connection inwards", () => {
    expect(clientAddress(request("10.0.0.2", "198.51.100.1, 192.0.2.9"), parseTrustedProxies("1"))).toBe("192.0.2.9");
    expect(clientAddress(request("10.0.0.2", "198.51.100.1, 192.0.2.9"), parseTrustedProxies("2"))).toBe("198.51.100.1");
    // A client that prepends entries gains nothing: they are further than the trusted hops.
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 7.7.7.7, 192.0.2.9"), parseTrustedProxies("1"))).toBe("192.0.2.9");
  });

  it("with a list, believes entries only while the hop is a listed proxy", () => {
    const trust = parseTrustedProxies("10.0.0.0/8, loopback");
    expect(clientAddress(request("10.0.0.2", "198.51.100.1"), trust)).toBe("198.51.100.1");
    expect(clientAddress(request("10.0.0.2", "198.51.100.1, 10.1.1.1"), trust)).toBe("198.51.100.1");
    // Not from a listed proxy: the header is the client's own text and is ignored.
    expect(clientAddress(request("203.0.113.7", "198.51.100.1"), trust)).toBe("203.0.113.7");
  });

  it("is never header text: garbage and overlong entries fall back to an address", () => {
    const one = parseTrustedProxies("1");
    expect(clientAddress(request("10.0.0.2", "x".repeat(6000)), one)).toBe("10.0.0.2");
    expect(clientAddress(request("10.0.0.2", "not-an-ip"), one)).toBe("10.0.0.2");
    expect(clientAddress(request("::ffff:127.0.0.1"), parseTrustedProxies(undefined))).toBe("127.0.0.1");
  });

  it("is unknown when the request did not come through Steward's server", () => {
    expect(clientAddress(request(null, "198.51.100.1"), parseTrustedProxies("1"))).toBeNull();
    expect(clientAddress({ [PEER_HEADER]: "garbage" }, parseTrustedProxies(undefined))).toBeNull();
  });

  it("reads next-auth's plain header objects too", () => {
    expect(clientAddress({ [PEER_HEADER]: "192.0.2.1", "x-forwarded-for": "198.51.100.4" }, parseTrustedProxies("1"))).toBe("198.51.100.4");
  });

  it("refuses a TRUSTED_PROXIES it cannot read, saying so", () => {
    expect(() => parseTrustedProxies("10.0.0.0/99")).toThrow(/TRUSTED_PROXIES/);
  });

  it("normalizes addresses", () => {
    expect(normalizeAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
    expect(normalizeAddress("999.1.1.1")).toBeNull();
  });
});
