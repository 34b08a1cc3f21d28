// The session claims of a request, read from its next-auth session cookie only (never from
// an Authorization header, which next-auth's getToken would also accept).
//
// next-auth's own decode derives the token key from the secret (HKDF) on every call, which was
// a tenth of a signed-in API call's work in Node; `decodeSession` is the same decryption with
// the key derived once per secret. The cookie is still decrypted and its expiry checked on
// every request, and the session it names is checked against the database after this.
import { hkdfSync } from "node:crypto";
import { parse } from "cookie";
import { jwtDecrypt } from "jose";
import { getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { authSecret } from "./secret";
import type { SessionClaims } from "./session";

/** The last secret's key: one secret at a time in practice, and a changed secret replaces it. */
let derived: { secret: string; key: Uint8Array } | null = null;

/** next-auth's token key for `secret`: HKDF-SHA256 with no salt and next-auth's label. */
function tokenKey(secret: string): Uint8Array {
  if (derived?.secret !== secret) {
    derived = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32)) };
  }
  return derived.key;
}

/** next-auth's decode (A256GCM, 15 s of clock tolerance) with the key derived once. */
export async function decodeSession({ token, secret }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, tokenKey(String(secret)), { clockTolerance: 15 });
  return payload as JWT;
}

export async function claimsFromRequest(headers: Headers): Promise<SessionClaims | null> {
  const cookies = parse(headers.get("cookie") ?? "");
  const token = await getToken({ req: { cookies, headers: {} } as never, secret: authSecret(), decode: decodeSession });
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number") return null;
  return { userId: token.uid, sessionVersion: token.sv, sessionId: typeof token.sid === "string" ? token.sid : undefined };
}
