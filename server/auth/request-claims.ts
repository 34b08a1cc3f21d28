// The session claims of a request, read from its next-auth session cookie only (never from
// an Authorization header, which next-auth's getToken would also accept).
import { parse } from "cookie";
import { getToken } from "next-auth/jwt";
import { authSecret } from "./secret";
import type { SessionClaims } from "./session";

export async function claimsFromRequest(headers: Headers): Promise<SessionClaims | null> {
  const cookies = parse(headers.get("cookie") ?? "");
  const token = await getToken({ req: { cookies, headers: {} } as never, secret: authSecret() });
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number") return null;
  return { userId: token.uid, sessionVersion: token.sv, sessionId: typeof token.sid === "string" ? token.sid : undefined };
}
