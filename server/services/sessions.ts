// Signed-in browsers: each sign-in starts a Session row that its token names; a person
// sees theirs and ends any or all of them (issue 5), effective at the next request.
import type { Db, Tx } from "../db";
import { audit } from "./audit";
import { StewardError } from "./errors";

const SEEN_GRANULARITY_MS = 60_000;

/** A sign-in's token lives 12 hours; a session not seen for that long is over, whatever its token says. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** Sessions last seen before this moment are over (idle past the token's life). */
export const idleCutoff = (now = new Date()) => new Date(now.getTime() - SESSION_MAX_AGE_S * 1000 - SEEN_GRANULARITY_MS);

export async function startSession(db: Db, userId: string, client: { userAgent?: string | null; ip?: string | null }): Promise<string> {
  const session = await db.session.create({ data: { userId, userAgent: (client.userAgent ?? "").slice(0, 400), ip: client.ip ?? null } });
  return session.id;
}

/** Records "last seen" at most once a minute, so that most requests write nothing. */
export async function noteSessionSeen(db: Db, session: { id: string; lastSeenAt: Date }, now = new Date()): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() > SEEN_GRANULARITY_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
}

export async function listMySessions(db: Db, userId: string, currentSessionId: string | undefined) {
  const sessions = await db.session.findMany({
    where: { userId, endedAt: null, lastSeenAt: { gt: idleCutoff() } },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
  });
  return sessions.map((s) => ({
    id: s.id,
    userAgent: s.userAgent,
    ip: s.ip,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    current: s.id === currentSessionId,
  }));
}

/** Ends one of the person's sessions, or all but the current one. */
export async function endMySessions(db: Db, userId: string, input: { sessionId: string } | { allExcept: string | undefined }) {
  return db.$transaction(async (tx) => {
    const where =
      "sessionId" in input
        ? { id: input.sessionId, userId, endedAt: null }
        : { userId, endedAt: null, ...(input.allExcept ? { id: { not: input.allExcept } } : {}) };
    const { count } = await tx.session.updateMany({ where, data: { endedAt: new Date() } });
    if ("sessionId" in input && count === 0) throw new StewardError("NOT_FOUND", "Session not found.");
    await audit(tx, { organizationId: null, actorUserId: userId, action: "user.endSessions", targetType: "User", targetId: userId, after: { ended: count } });
    return { ended: count };
  });
}

/** With a sessionVersion bump (password change or reset, 2FA reset): the rows follow. */
export async function endAllSessions(tx: Tx, userId: string): Promise<void> {
  await tx.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } });
}

/** The membership update of a status change: disabling also ends the member's sessions in
 * that organization, for good (rule 9; see decideSessionInOrganization). */
export function membershipStatusChange(status: "ACTIVE" | "DISABLED" | "INVITED") {
  return status === "DISABLED" ? { status, sessionsValidFrom: new Date() } : { status };
}
