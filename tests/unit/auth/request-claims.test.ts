// The session cookie's claims: read with the key derived once per secret, they must be exactly
// what next-auth's own decode reads, and every cookie it refuses must be refused here.
import { encode, decode } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { claimsFromRequest, decodeSession } from "@/server/auth/request-claims";
import { saveEnv } from "../../support/keys";

const restore = saveEnv("NEXTAUTH_SECRET", "NEXTAUTH_URL");
afterEach(restore);

const SECRET = "a-secret-of-these-tests";
const claims = { uid: "user-1", sv: 3, sid: "session-1" };
const request = (cookie: string) => new Headers({ cookie });
const cookieOf = async (token: Record<string, unknown>, secret = SECRET, maxAge?: number) =>
  `next-auth.session-token=${await encode({ token, secret, maxAge })}`;

describe("claimsFromRequest", () => {
  it("reads the claims next-auth wrote, and what next-auth's own decode reads", async () => {
    process.env.NEXTAUTH_SECRET = SECRET;
    const token = await encode({ token: claims, secret: SECRET });
    expect(await decodeSession({ token, secret: SECRET })).toEqual(await decode({ token, secret: SECRET }));
    expect(await claimsFromRequest(request(`next-auth.session-token=${token}`))).toEqual({ userId: "user-1", sessionVersion: 3, sessionId: "session-1" });
  });

  it("refuses a cookie made with another secret, also after the secret changed", async () => {
    process.env.NEXTAUTH_SECRET = SECRET;
    const cookie = await cookieOf(claims);
    expect(await claimsFromRequest(request(cookie))).not.toBeNull();
    process.env.NEXTAUTH_SECRET = "the-next-secret";
    expect(await claimsFromRequest(request(cookie))).toBeNull();
    expect(await claimsFromRequest(request(await cookieOf(claims, "the-next-secret")))).not.toBeNull();
  });

  it("refuses an expired, altered or missing cookie, and claims of the wrong shape", async () => {
    process.env.NEXTAUTH_SECRET = SECRET;
    expect(await claimsFromRequest(request(await cookieOf(claims, SECRET, -60)))).toBeNull();
    const cookie = await cookieOf(claims);
    const flipped = cookie.slice(0, -5) + (cookie.at(-5) === "A" ? "B" : "A") + cookie.slice(-4);
    expect(await claimsFromRequest(request(flipped))).toBeNull();
    expect(await claimsFromRequest(request(""))).toBeNull();
    expect(await claimsFromRequest(new Headers({ authorization: `Bearer ${cookie.split("=")[1]}` }))).toBeNull();
    expect(await claimsFromRequest(request(await cookieOf({ uid: "user-1", sv: "3" })))).toBeNull();
  });
});
