// Organization-wide access (server/authz/type-grants.ts; seed 000's user groups): the list,
// giving or changing one principal's access to a type (or to every type), and removing it.
// Rule 4 by `decideTypeGrantChange`; every change audited in its transaction. Nobody is
// emailed: such a change touches every resource of a type, and the resources' own events
// reach the new holders from then on (notifications.ts).
import {
  ALL_TYPES,
  decideTypeGrantChange,
  describeTypeGrant,
  describeTypeScope,
  heldTypeWide,
  mayCreateScope,
  normalizeCapabilities,
  RESOURCE_TYPE_KEYS,
  type Capability,
} from "../authz";
import type { Db, Tx } from "../db";
import { actorSubject } from "./access";
import type { ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, StewardError } from "./errors";
import { principalInclude, principalView, resolvePrincipal, type Principal } from "./grants";

/** The scopes an organization-wide grant may have: every type, or one. */
export const TYPE_SCOPES = [ALL_TYPES, ...RESOURCE_TYPE_KEYS] as const;
export type TypeScope = (typeof TYPE_SCOPES)[number];

/** Whom organization-wide access is given to: a member, a team or a group (never an address). */
export type TypeGrantPrincipal = Exclude<Principal, { kind: "EMAIL" }>;

export async function listTypeGrants(db: Db, actor: ActorContext, input: { page: number; pageSize: number }) {
  const subject = await actorSubject(db, actor);
  const where = { organizationId: actor.organizationId };
  const [total, rows] = await db.$transaction([
    db.typeGrant.count({ where }),
    db.typeGrant.findMany({
      where,
      include: principalInclude,
      orderBy: [{ resourceType: "asc" }, { kind: "asc" }, { createdAt: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return {
    total,
    rows: rows.map((g) => ({
      id: g.id,
      scope: g.resourceType,
      scopeLabel: describeTypeScope(g.resourceType),
      kind: g.kind,
      principal: principalView(g),
      /** What to send to `set` to change this entry. */
      ref: refOf(g),
      capabilities: normalizeCapabilities(g.capabilities),
      mayCreate: g.mayCreate,
      summary: describeTypeGrant(g, g.resourceType),
      canChange: decideTypeGrantChange(actor, subject, g.resourceType, { before: g }).allowed,
    })),
    /** Per scope, what the caller may give there, so the form offers only that. */
    yours: Object.fromEntries(
      TYPE_SCOPES.map((scope) => [scope, { capabilities: heldTypeWide(actor, subject, scope), mayCreate: mayCreateScope(actor, subject.typeGrants, scope) }]),
    ) as Record<TypeScope, { capabilities: Capability[]; mayCreate: boolean }>,
  };
}

function refOf(g: { kind: string; membershipId: string | null; teamId: string | null; groupId: string | null }): TypeGrantPrincipal {
  if (g.kind === "MEMBER") return { kind: "MEMBER", membershipId: g.membershipId! };
  if (g.kind === "TEAM") return { kind: "TEAM", teamId: g.teamId! };
  return { kind: "GROUP", groupId: g.groupId! };
}

/** Gives (or changes) one principal's organization-wide access to a scope. */
export async function setTypeGrant(
  db: Db,
  actor: ActorContext,
  input: { principal: TypeGrantPrincipal; scope: TypeScope; capabilities: Capability[]; mayCreate: boolean },
) {
  return db.$transaction(async (tx) => {
    const subject = await actorSubject(tx, actor);
    const principal = await resolvePrincipal(tx, actor.organizationId, input.principal);
    const after = { capabilities: normalizeCapabilities(input.capabilities), mayCreate: input.mayCreate };
    const existing = await findEntry(tx, actor, input.scope, principal.key);
    enforce(decideTypeGrantChange(actor, subject, input.scope, { before: existing ?? undefined, after }), "Resource");
    if (existing && sameTerms(existing, after)) return { id: existing.id };
    const grant = existing
      ? await tx.typeGrant.update({ where: { id: existing.id }, data: after })
      : await tx.typeGrant.create({
          data: {
            organizationId: actor.organizationId,
            resourceType: input.scope,
            kind: input.principal.kind,
            principalKey: principal.key,
            ...principal.data,
            ...after,
            createdByUserId: actor.userId,
          },
        });
    await auditBy(tx, actor, {
      action: existing ? "typeGrant.update" : "typeGrant.create",
      targetType: "Organization",
      targetId: actor.organizationId,
      before: existing ? { principal: principal.key, scope: input.scope, capabilities: existing.capabilities, mayCreate: existing.mayCreate } : undefined,
      after: { principal: principal.key, scope: input.scope, ...after },
    });
    return { id: grant.id };
  });
}

export async function removeTypeGrant(db: Db, actor: ActorContext, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const subject = await actorSubject(tx, actor);
    const grant = await tx.typeGrant.findFirst({ where: { id: input.id, organizationId: actor.organizationId } });
    if (!grant) throw new StewardError("NOT_FOUND", "That organization-wide access does not exist in this organization.");
    enforce(decideTypeGrantChange(actor, subject, grant.resourceType, { before: grant }), "Resource");
    await tx.typeGrant.delete({ where: { id: grant.id } });
    await auditBy(tx, actor, {
      action: "typeGrant.delete",
      targetType: "Organization",
      targetId: actor.organizationId,
      before: { principal: grant.principalKey, scope: grant.resourceType, capabilities: grant.capabilities, mayCreate: grant.mayCreate },
    });
    return { id: grant.id };
  });
}

function findEntry(tx: Tx, actor: ActorContext, scope: string, principalKey: string) {
  return tx.typeGrant.findUnique({
    where: { organizationId_resourceType_principalKey: { organizationId: actor.organizationId, resourceType: scope, principalKey } },
  });
}

function sameTerms(a: { capabilities: readonly string[]; mayCreate: boolean }, b: { capabilities: readonly string[]; mayCreate: boolean }) {
  const x = normalizeCapabilities(a.capabilities);
  const y = normalizeCapabilities(b.capabilities);
  return a.mayCreate === b.mayCreate && x.length === y.length && x.every((c) => y.includes(c));
}
