// Sessions are next-auth JWTs carrying the user id and the sessionVersion they were issued
// at. Every request re-checks both against the database (rule 9), so that disabling an
// account or changing its password ends its sessions at the next request.
import type { Db } from "../db";
import { loadSessionActor } from "./session-actor";

/** `sessionId` names the Session row of this sign-in (tokens from before sessions were
 * recorded have none and are checked by sessionVersion alone until they expire). */
export type SessionClaims = { userId: string; sessionVersion: number; sessionId?: string };

export type Viewer = {
  userId: string;
  email: string;
  name: string;
  mustChangePassword: boolean;
  hasTwoFactor: boolean;
  /** An instance operator (/admin); grants nothing inside organizations. */
  isOperator: boolean;
  /** When this sign-in began (null for a token that names no session). */
  sessionStartedAt: Date | null;
};

/** The signed-in viewer, or null: the gate's statement (session-actor.ts) with no
 * organization, so that the viewer is decided in one place. */
export async function resolveViewer(db: Db, claims: SessionClaims | null): Promise<Viewer | null> {
  if (!claims) return null;
  return (await loadSessionActor(db, claims, null)).viewer;
}
