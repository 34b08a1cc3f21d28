// Personal API tokens (server/authz/tokens.ts): making, listing and revoking them, and turning
// a request's bearer token into the acting member, decided as that member now and narrowed by
// the token. The secret is 256 random bits shown once; only its SHA-256 is kept (a secret that
// random needs no slow hash: nothing can guess it, and the lookup stays one index probe).
import { createHash, randomBytes } from "node:crypto";
import {
  decideCreateToken,
  decideManageTokensOf,
  decideOrganizationOpen,
  decideTokenUse,
  narrowRole,
  decideTokenLifetime,
  TOKEN_PREFIX,
  type TokenFacts,
} from "../authz";
import type { Viewer } from "../auth/session";
import type { Db } from "../db";
import { loadMember, memberFactsInclude, toMemberFacts, toRoleFacts, type ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, StewardError } from "./errors";

/** A token's secret: the prefix and 32 random bytes, base64url (43 characters). */
const SECRET_SHAPE = /^stw_[A-Za-z0-9_-]{43}$/;
const hashOf = (secret: string) => createHash("sha256").update(secret).digest("hex");
/** What lists show of a secret: enough to recognize it, far too little to use it. */
const prefixOf = (secret: string) => secret.slice(0, TOKEN_PREFIX.length + 6);

/** Requests per minute one token may make (STEWARD_API_RATE_LIMIT; default 600). */
export function apiRateLimit(): number {
  const n = Number(process.env.STEWARD_API_RATE_LIMIT ?? 600);
  return Number.isInteger(n) && n > 0 ? n : 600;
}
const WINDOW_MS = 60_000;

/** Too many requests: the caller may try again after `retryAfterSeconds` (Retry-After). */
export class RateLimited extends StewardError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("TOO_MANY_REQUESTS", message);
  }
}

// ---- Managing tokens -------------------------------------------------------------------------

/** The member whose tokens are meant (the actor when none is named), after the decision. */
async function tokenOwner(db: Db, actor: ActorContext, membershipId: string | undefined) {
  const target = await loadMember(db, actor, membershipId ?? actor.membershipId);
  enforce(decideManageTokensOf(actor, toMemberFacts(target)), "Member", actor);
  return target;
}

export async function listTokens(db: Db, actor: ActorContext, input: { membershipId?: string }) {
  const owner = await tokenOwner(db, actor, input.membershipId);
  const now = new Date();
  const tokens = await db.apiToken.findMany({ where: { membershipId: owner.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  return {
    member: { membershipId: owner.id, name: owner.user.name, isYou: owner.id === actor.membershipId },
    tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      readOnly: t.readOnly,
      permissions: t.permissions,
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
      expired: t.expiresAt !== null && t.expiresAt <= now,
      lastUsedAt: t.lastUsedAt,
      lastUsedIp: t.lastUsedIp,
    })),
  };
}

/** `expiresInDays` null: the token never expires (only where the policy has no limit). */
export type NewToken = { name: string; expiresInDays: number | null; readOnly: boolean; permissions: string[] };

/** Makes a token for the actor; the secret is in the answer and nowhere else, ever.
 * `policyDays`: the API token lifetime of the actor's group policy (0: no limit). */
export async function createToken(db: Db, actor: ActorContext, input: NewToken, policyDays: number) {
  enforce(decideCreateToken(actor, input.permissions), "Token");
  enforce(decideTokenLifetime(input.expiresInDays, policyDays), "Token");
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * 86_400_000);
  const permissions = [...new Set(input.permissions)];
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { sessionVersion: true } });
    const token = await tx.apiToken.create({
      data: {
        organizationId: actor.organizationId,
        membershipId: actor.membershipId,
        name: input.name,
        prefix: prefixOf(secret),
        secretHash: hashOf(secret),
        readOnly: input.readOnly,
        permissions,
        expiresAt,
        sessionVersion: user.sessionVersion,
      },
    });
    await auditBy(tx, actor, {
      action: "token.create",
      targetType: "Membership",
      targetId: actor.membershipId,
      after: { tokenId: token.id, name: token.name, prefix: token.prefix, readOnly: token.readOnly, permissions, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: token.id, name: token.name, prefix: token.prefix, expiresAt, secret };
  });
}

export async function revokeToken(db: Db, actor: ActorContext, input: { tokenId: string }) {
  const token = await db.apiToken.findFirst({ where: { id: input.tokenId, organizationId: actor.organizationId, revokedAt: null } });
  if (!token) throw new StewardError("NOT_FOUND", "That token does not exist or is already revoked.");
  const owner = await tokenOwner(db, actor, token.membershipId);
  return db.$transaction(async (tx) => {
    const done = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (done.count) {
      await auditBy(tx, actor, {
        action: "token.revoke",
        targetType: "Membership",
        targetId: owner.id,
        before: { tokenId: token.id, name: token.name, prefix: token.prefix },
      });
    }
    return { id: token.id };
  });
}

export async function revokeAllTokens(db: Db, actor: ActorContext, input: { membershipId?: string }) {
  const owner = await tokenOwner(db, actor, input.membershipId);
  return db.$transaction(async (tx) => {
    const done = await tx.apiToken.updateMany({ where: { membershipId: owner.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (done.count) await auditBy(tx, actor, { action: "token.revokeAll", targetType: "Membership", targetId: owner.id, before: { tokens: done.count } });
    return { revoked: done.count };
  });
}

// ---- Acting with a token ---------------------------------------------------------------------

const unauthorized = (message: string) => new StewardError("UNAUTHORIZED", message);

/**
 * The member a bearer token acts as, now: the token's membership as it is at this moment
 * (role, group, status, organization), checked by `decideTokenUse` and narrowed by the
 * token's permissions. Counts the request against the token's rate limit and notes when and
 * from where it was last used, in one statement. `orgSlug`, when the request names one, must
 * be the token's organization (another is NOT_FOUND, as for a session).
 */
export async function authenticateToken(
  db: Db,
  secret: string,
  orgSlug: string | null,
  ip: string | null,
  now: Date = new Date(),
): Promise<{ actor: ActorContext & { tokenId: string }; token: TokenFacts; viewer: Viewer }> {
  if (!SECRET_SHAPE.test(secret)) throw unauthorized(`That is not a Steward API token: they start with ${TOKEN_PREFIX} and are 47 characters long.`);
  const token = await db.apiToken.findUnique({
    where: { secretHash: hashOf(secret) },
    include: {
      membership: {
        include: {
          ...memberFactsInclude,
          user: { select: { name: true, email: true, status: true, sessionVersion: true, mustChangePassword: true, totpEnabledAt: true } },
          organization: { select: { slug: true, name: true, suspendedAt: true, suspendedReason: true, deletedAt: true } },
        },
      },
    },
  });
  if (!token) throw unauthorized("This API token is not valid.");
  const m = token.membership;
  if (orgSlug && orgSlug !== m.organization.slug) throw new StewardError("NOT_FOUND", "Organization not found.");
  const open = decideOrganizationOpen(m.organization);
  if (!open.allowed) throw new StewardError(open.code, open.reason);
  if (m.status !== "ACTIVE" || m.user.status !== "ACTIVE") throw unauthorized("This API token's owner is not an active member of the organization.");
  const use = decideTokenUse(token, { role: m.role, sessionVersion: m.user.sessionVersion, sessionsValidFrom: m.sessionsValidFrom }, now);
  if (!use.allowed) throw unauthorized(use.reason);

  const since = new Date(now.getTime() - WINDOW_MS);
  const [window] = await db.$queryRaw<Array<{ count: number; startedAt: Date }>>`
    UPDATE "ApiToken" SET
      "windowCount" = CASE WHEN "windowStartedAt" > ${since} THEN "windowCount" + 1 ELSE 1 END,
      "windowStartedAt" = CASE WHEN "windowStartedAt" > ${since} THEN "windowStartedAt" ELSE ${now} END,
      "lastUsedAt" = ${now}, "lastUsedIp" = ${ip}
    WHERE id = ${token.id}
    RETURNING "windowCount" AS count, "windowStartedAt" AS "startedAt"`;
  const limit = apiRateLimit();
  if (window && window.count > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt.getTime() + WINDOW_MS - now.getTime()) / 1000));
    throw new RateLimited(`This API token made more than ${limit} requests this minute. Try again in ${retryAfterSeconds} s.`, retryAfterSeconds);
  }

  const facts = toMemberFacts(m);
  return {
    actor: {
      ...facts,
      role: narrowRole(toRoleFacts(m.role), token),
      userId: m.userId,
      organizationSlug: m.organization.slug,
      organizationName: m.organization.name,
      sessionsValidFrom: m.sessionsValidFrom,
      tokenId: token.id,
    },
    token,
    viewer: {
      userId: m.userId,
      email: m.user.email,
      name: m.user.name,
      mustChangePassword: m.user.mustChangePassword,
      hasTwoFactor: m.user.totpEnabledAt !== null,
      // A token acts inside its organization only: never as an instance operator.
      isOperator: false,
      sessionStartedAt: null,
    },
  };
}

/** Who a request acts as: the member, their organization and effective permissions (after a
 * token's narrowing), and the token itself when the request came with one. */
export async function describeCaller(db: Db, actor: ActorContext, viewer: { email: string }) {
  const token = actor.tokenId
    ? await db.apiToken.findUniqueOrThrow({ where: { id: actor.tokenId }, select: { id: true, name: true, prefix: true, readOnly: true, expiresAt: true } })
    : null;
  return {
    organization: { slug: actor.organizationSlug, name: actor.organizationName },
    member: {
      membershipId: actor.membershipId,
      name: actor.name,
      email: viewer.email,
      isOwner: actor.isOwner,
      role: { id: actor.role.id, name: actor.role.name },
      group: { id: actor.group.id, name: actor.group.name },
    },
    permissions: [...actor.role.permissions].sort(),
    token,
  };
}
