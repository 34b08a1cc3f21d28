// The signed-in viewer for server components and route handlers.
import "server-only";
import { getServerSession } from "next-auth";
import { getDb } from "../db";
import { authOptions } from "./options";
import { resolveViewer, type SessionClaims } from "./session";

export async function getClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  return session?.claims?.userId ? session.claims : null;
}

export async function getViewer() {
  return resolveViewer(getDb(), await getClaims());
}
