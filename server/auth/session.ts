// Sessions are next-auth JWTs carrying the user id and the sessionVersion they were issued
// at. Every request re-checks both against the database (rule 9), so that disabling an
// account or changing its password ends its sessions at the next request.
import type { Db } from "../db";
import { idleCutoff, noteSessionSeen } from "../services/sessions";

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

export async function resolveViewer(db: Db, claims: SessionClaims | null): Promise<Viewer | null> {
  if (!claims) return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    include: { sessions: { where: { id: claims.sessionId ?? "", endedAt: null, lastSeenAt: { gt: idleCutoff() } } } },
  });
  if (!user || user.status !== "ACTIVE" || user.sessionVersion !== claims.sessionVersion) return null;
  const [session] = user.sessions;
  if (claims.sessionId) {
    if (!session) return null;
    await noteSessionSeen(db, session);
  }
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    mustChangePassword: user.mustChangePassword,
    hasTwoFactor: user.totpEnabledAt !== null,
    isOperator: user.isOperator,
    sessionStartedAt: session?.createdAt ?? null,
  };
}
