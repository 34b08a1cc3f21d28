// The session claims of the request, for the API's context (server/trpc/request-context.ts).
// Who they belong to is resolved by the API's gate, never here.
import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import type { SessionClaims } from "./session";

export async function getClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  return session?.claims?.userId ? session.claims : null;
}
