// The gate of a signed-in request to an organization, read in one statement: the account
// and this sign-in's session, the active membership of the organization the request names
// with its role, home group and organization, and the policies along that group's chain.
// Prisma reads each relation with a query of its own, which made eight round trips before
// the procedure began. Nothing is kept between requests (rule 9): every request reads it all.
import { decideOrganizationOpen, effectivePolicy, type EffectivePolicy, type RoleFacts } from "../authz";
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import { dateOfEpochMs, epochMsSql } from "../db/json";
import { roleFactsJsonSql, type ActorContext } from "../services/actor";
import { StewardError } from "../services/errors";
import { chainOf, type GroupWithPolicy } from "../services/policies";
import { idleCutoff, noteSessionSeen } from "../services/sessions";
import type { SessionClaims, Viewer } from "./session";

type GateRow = {
  userId: string;
  email: string;
  name: string;
  active: boolean;
  sessionVersion: number;
  mustChangePassword: boolean;
  hasTwoFactor: boolean;
  isOperator: boolean;
  /** This sign-in's session while it is open and not idle, its times in ms since the epoch. */
  session: { id: string; startedAt: number; lastSeenAt: number } | null;
  /** The active membership of the organization the request names, when it is open to them. */
  member: {
    id: string;
    organizationId: string;
    isOwner: boolean;
    sessionsValidFrom: number | null;
    resourceScope: string[];
    role: RoleFacts;
    group: { id: string; organizationId: string; name: string; path: string; parentId: string | null; chain: GroupWithPolicy[] | null };
    organization: { slug: string; name: string; suspendedAt: number | null; suspendedReason: string; deletedAt: number | null };
  } | null;
};

export type SessionActor = {
  /** Null: nobody valid is signed in (as resolveViewer decides). */
  viewer: Viewer | null;
  /** The membership's actor and its home group's policy, or why there is none here. */
  member: { actor: ActorContext; policy: EffectivePolicy } | { refusal: StewardError };
};

const NOT_HERE = () => new StewardError("NOT_FOUND", "Organization not found.");

export async function loadSessionActor(db: Db, claims: SessionClaims, organizationSlug: string | null): Promise<SessionActor> {
  // Each relation is read by a subquery of its own (by key, each planned alone), not by one
  // join of six: PostgreSQL plans every request's statement afresh (server/db/connection.ts),
  // and searching the join orders of six relations cost more than reading them.
  const [row] = await db.$queryRaw<GateRow[]>`
    SELECT u.id AS "userId", u.email, u.name, u.status = 'ACTIVE' AS active, u."sessionVersion", u."mustChangePassword",
           u."totpEnabledAt" IS NOT NULL AS "hasTwoFactor", u."isOperator",
           (SELECT json_build_object('id', s.id, 'startedAt', ${epochMsSql(Prisma.sql`s."createdAt"`)}, 'lastSeenAt', ${epochMsSql(Prisma.sql`s."lastSeenAt"`)})
              FROM "Session" s
             WHERE s.id = ${claims.sessionId ?? ""} AND s."userId" = u.id AND s."endedAt" IS NULL AND s."lastSeenAt" > ${idleCutoff()}) AS session,
           (SELECT json_build_object('id', m.id, 'organizationId', m."organizationId", 'isOwner', m."isOwner",
                'sessionsValidFrom', ${epochMsSql(Prisma.sql`m."sessionsValidFrom"`)}, 'resourceScope', m."resourceScope",
                'organization', json_build_object('slug', o.slug, 'name', o.name, 'suspendedAt', ${epochMsSql(Prisma.sql`o."suspendedAt"`)},
                  'suspendedReason', o."suspendedReason", 'deletedAt', ${epochMsSql(Prisma.sql`o."deletedAt"`)}),
                'role', (SELECT ${roleFactsJsonSql("r")} FROM "Role" r WHERE r.id = m."roleId"),
                'group', (SELECT json_build_object('id', g.id, 'organizationId', g."organizationId", 'name', g.name, 'path', g.path, 'parentId', g."parentId",
                    'chain', (SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'policy', to_json(p)))
                       FROM "Group" c LEFT JOIN "GroupPolicy" p ON p."groupId" = c.id
                      WHERE c."organizationId" = g."organizationId" AND c.id = ANY (string_to_array(btrim(g.path, '/'), '/'))))
                  FROM "Group" g WHERE g.id = m."groupId"))
              FROM "Organization" o JOIN "Membership" m ON m."organizationId" = o.id
             WHERE o.slug = ${organizationSlug ?? ""} AND o."deletedAt" IS NULL AND m."userId" = u.id AND m.status = 'ACTIVE') AS member
      FROM "User" u
     WHERE u.id = ${claims.userId}`;
  if (!row || !row.active || row.sessionVersion !== claims.sessionVersion) return { viewer: null, member: { refusal: NOT_HERE() } };
  if (claims.sessionId) {
    if (!row.session) return { viewer: null, member: { refusal: NOT_HERE() } };
    await noteSessionSeen(db, { id: row.session.id, lastSeenAt: new Date(row.session.lastSeenAt) });
  }
  const viewer: Viewer = {
    userId: row.userId,
    email: row.email,
    name: row.name,
    mustChangePassword: row.mustChangePassword,
    hasTwoFactor: row.hasTwoFactor,
    isOperator: row.isOperator,
    sessionStartedAt: row.session ? new Date(row.session.startedAt) : null,
  };
  const member = row.member;
  if (!member) return { viewer, member: { refusal: NOT_HERE() } };
  const { organization, group } = member;
  const open = decideOrganizationOpen({
    ...organization,
    suspendedAt: dateOfEpochMs(organization.suspendedAt),
    deletedAt: dateOfEpochMs(organization.deletedAt),
  });
  if (!open.allowed) return { viewer, member: { refusal: new StewardError(open.code, open.reason) } };
  const actor: ActorContext = {
    membershipId: member.id,
    organizationId: member.organizationId,
    name: row.name,
    role: member.role,
    group: { id: group.id, organizationId: group.organizationId, name: group.name, path: group.path, parentId: group.parentId },
    isOwner: member.isOwner,
    userId: row.userId,
    organizationSlug: organization.slug,
    organizationName: organization.name,
    sessionsValidFrom: dateOfEpochMs(member.sessionsValidFrom),
    resourceScope: member.resourceScope,
  };
  const chainGroups = new Map((group.chain ?? []).map((g) => [g.id, g]));
  return { viewer, member: { actor, policy: effectivePolicy(chainOf(group.path, chainGroups)) } };
}
