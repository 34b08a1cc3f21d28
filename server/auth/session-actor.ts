// The gate of a signed-in request to an organization, read in one statement: the account
// and this sign-in's session, the active membership of the organization the request names
// with its role, home group and organization, and the policies along that group's chain.
// Prisma reads each relation with a query of its own, which made eight round trips before
// the procedure began. Nothing is kept between requests (rule 9): every request reads it all.
import { decideOrganizationOpen, effectivePolicy, type EffectivePolicy, type RoleFacts } from "../authz";
import type { Db } from "../db";
import type { ActorContext } from "../services/actor";
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
  sessionId: string | null;
  sessionStartedAt: Date | null;
  sessionLastSeenAt: Date | null;
  membershipId: string | null;
  organizationId: string | null;
  isOwner: boolean | null;
  sessionsValidFrom: Date | null;
  resourceScope: string[] | null;
  role: RoleFacts | null;
  group: { id: string; organizationId: string; name: string; path: string; parentId: string | null } | null;
  organization: { slug: string; name: string; suspendedAt: string | null; suspendedReason: string; deletedAt: string | null } | null;
  chain: GroupWithPolicy[] | null;
};

export type SessionActor = {
  /** Null: nobody valid is signed in (as resolveViewer decides). */
  viewer: Viewer | null;
  /** The membership's actor and its home group's policy, or why there is none here. */
  member: { actor: ActorContext; policy: EffectivePolicy } | { refusal: StewardError };
};

const NOT_HERE = () => new StewardError("NOT_FOUND", "Organization not found.");

export async function loadSessionActor(db: Db, claims: SessionClaims, organizationSlug: string | null): Promise<SessionActor> {
  const [row] = await db.$queryRaw<GateRow[]>`
    SELECT u.id AS "userId", u.email, u.name, u.status = 'ACTIVE' AS active, u."sessionVersion", u."mustChangePassword",
           u."totpEnabledAt" IS NOT NULL AS "hasTwoFactor", u."isOperator",
           s.id AS "sessionId", s."createdAt" AS "sessionStartedAt", s."lastSeenAt" AS "sessionLastSeenAt",
           m.id AS "membershipId", m."organizationId", m."isOwner", m."sessionsValidFrom", m."resourceScope",
           CASE WHEN m.id IS NOT NULL THEN json_build_object('id', r.id, 'name', r.name, 'rank', r.rank, 'reach', r.reach,
             'permissions', r.permissions, 'ceiling', r.ceiling, 'builtInKey', r."builtInKey") END AS role,
           CASE WHEN m.id IS NOT NULL THEN json_build_object('id', g.id, 'organizationId', g."organizationId", 'name', g.name,
             'path', g.path, 'parentId', g."parentId") END AS "group",
           CASE WHEN m.id IS NOT NULL THEN json_build_object('slug', o.slug, 'name', o.name, 'suspendedAt', o."suspendedAt",
             'suspendedReason', o."suspendedReason", 'deletedAt', o."deletedAt") END AS organization,
           (SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'policy', to_json(p)))
              FROM "Group" c LEFT JOIN "GroupPolicy" p ON p."groupId" = c.id
             WHERE c."organizationId" = m."organizationId" AND c.id = ANY (string_to_array(btrim(g.path, '/'), '/'))) AS chain
      FROM "User" u
      LEFT JOIN "Session" s ON s.id = ${claims.sessionId ?? ""} AND s."userId" = u.id AND s."endedAt" IS NULL AND s."lastSeenAt" > ${idleCutoff()}
      LEFT JOIN "Organization" o ON o.slug = ${organizationSlug ?? ""} AND o."deletedAt" IS NULL
      LEFT JOIN "Membership" m ON m."organizationId" = o.id AND m."userId" = u.id AND m.status = 'ACTIVE'
      LEFT JOIN "Role" r ON r.id = m."roleId"
      LEFT JOIN "Group" g ON g.id = m."groupId"
     WHERE u.id = ${claims.userId}`;
  if (!row || !row.active || row.sessionVersion !== claims.sessionVersion) return { viewer: null, member: { refusal: NOT_HERE() } };
  if (claims.sessionId) {
    if (!row.sessionId) return { viewer: null, member: { refusal: NOT_HERE() } };
    await noteSessionSeen(db, { id: row.sessionId, lastSeenAt: row.sessionLastSeenAt! });
  }
  const viewer: Viewer = {
    userId: row.userId,
    email: row.email,
    name: row.name,
    mustChangePassword: row.mustChangePassword,
    hasTwoFactor: row.hasTwoFactor,
    isOperator: row.isOperator,
    sessionStartedAt: row.sessionStartedAt,
  };
  if (!row.membershipId || !row.role || !row.group || !row.organization) return { viewer, member: { refusal: NOT_HERE() } };
  const organization = row.organization;
  const open = decideOrganizationOpen({
    ...organization,
    suspendedAt: organization.suspendedAt ? new Date(organization.suspendedAt) : null,
    deletedAt: organization.deletedAt ? new Date(organization.deletedAt) : null,
  });
  if (!open.allowed) return { viewer, member: { refusal: new StewardError(open.code, open.reason) } };
  const actor: ActorContext = {
    membershipId: row.membershipId,
    organizationId: row.organizationId!,
    name: row.name,
    role: row.role,
    group: row.group,
    isOwner: row.isOwner!,
    userId: row.userId,
    organizationSlug: organization.slug,
    organizationName: organization.name,
    sessionsValidFrom: row.sessionsValidFrom,
    resourceScope: row.resourceScope ?? [],
  };
  const chainGroups = new Map((row.chain ?? []).map((g) => [g.id, g]));
  return { viewer, member: { actor, policy: effectivePolicy(chainOf(row.group.path, chainGroups)) } };
}
