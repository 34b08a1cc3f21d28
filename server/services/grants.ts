// A resource's ACL (the Access tab): who has what and through which path, granting and
// revoking under rule 4 (only "share" holders, never beyond what they hold), and "Explain
// access" for one member.
import {
  ALL_TYPES,
  CAPABILITY_LABELS,
  decideGrantChange,
  decideExplainAccessOf,
  decidePrincipalDirectory,
  decideResource,
  decideTransferResource,
  describeCapabilities,
  describeTypeScope,
  normalizeCapabilities,
  type AccessPath,
  type Capability,
  chainIds,
} from "../authz";
import type { Db, Prisma, Tx } from "../db";
import { accessOf, accessSubject, toResourceFacts } from "./access";
import type { ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, notFound, StewardError } from "./errors";
import { notifyResourceEvent } from "./notifications";
import { openResource } from "./resources";
import { groupsInReach } from "../authz/groups.sql";
import { membersVisibleTo } from "../authz/members.sql";
import { likeLiteral } from "../db/like";

export type Principal =
  { kind: "MEMBER"; membershipId: string } | { kind: "TEAM"; teamId: string } | { kind: "GROUP"; groupId: string } | { kind: "EMAIL"; email: string };

/** The principal's row ids and its name, or NOT_FOUND when it is not of this organization. */
export async function resolvePrincipal(tx: Tx, organizationId: string, p: Principal) {
  switch (p.kind) {
    case "MEMBER": {
      const m = await tx.membership.findFirst({ where: { id: p.membershipId, organizationId }, include: { user: { select: { name: true } } } });
      if (!m) throw new StewardError("NOT_FOUND", "Member not found in this organization.");
      return { key: `member:${m.id}`, data: { membershipId: m.id }, label: m.user.name };
    }
    case "TEAM": {
      const t = await tx.team.findFirst({ where: { id: p.teamId, organizationId } });
      if (!t) throw new StewardError("NOT_FOUND", "Team not found in this organization.");
      return { key: `team:${t.id}`, data: { teamId: t.id }, label: `team ${t.name}` };
    }
    case "GROUP": {
      const g = await tx.group.findFirst({ where: { id: p.groupId, organizationId } });
      if (!g) throw new StewardError("NOT_FOUND", "Group not found in this organization.");
      return { key: `group:${g.id}`, data: { groupId: g.id }, label: `group ${g.name} and its subgroups` };
    }
    case "EMAIL": {
      const email = p.email.trim().toLowerCase();
      return { key: `email:${email}`, data: { email }, label: email };
    }
  }
}

function refOf(g: { kind: string; membershipId: string | null; teamId: string | null; groupId: string | null; email: string | null }): Principal {
  if (g.kind === "MEMBER") return { kind: "MEMBER", membershipId: g.membershipId! };
  if (g.kind === "TEAM") return { kind: "TEAM", teamId: g.teamId! };
  if (g.kind === "GROUP") return { kind: "GROUP", groupId: g.groupId! };
  return { kind: "EMAIL", email: g.email! };
}

/** What a grant's principal rows are read with: the member's name and email, the team with its size, the group's name. */
export const principalInclude = {
  membership: { include: { user: { select: { name: true, email: true } } } },
  team: { include: { _count: { select: { members: true } } } },
  group: { select: { name: true } },
} as const;

/** A grant's principal (on a resource or organization-wide) as lists show it: a name and a line of detail. */
export function principalView(g: {
  kind: string;
  email?: string | null;
  membership: { user: { name: string; email: string } } | null;
  team: { name: string; _count: { members: number } } | null;
  group: { name: string } | null;
}): { name: string; detail: string } {
  if (g.kind === "MEMBER") return { name: g.membership?.user.name ?? "?", detail: g.membership?.user.email ?? "" };
  if (g.kind === "TEAM") return { name: g.team?.name ?? "?", detail: `team of ${g.team?._count.members ?? 0}` };
  if (g.kind === "GROUP") return { name: g.group?.name ?? "?", detail: "everyone in this group and its subgroups" };
  return { name: g.email ?? "?", detail: "notified of events; no access" };
}

export async function listAccess(db: Db, actor: ActorContext, resourceId: string) {
  const { resource, access } = await openResource(db, actor, resourceId, "share");
  const held = new Set(access.capabilities);
  const grants = await db.grant.findMany({
    where: { resourceId: resource.id },
    include: principalInclude,
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
  });
  // Organization-wide access covering this resource: shown, changed on its own page.
  const organizationWide = resource.private
    ? []
    : await db.typeGrant.findMany({
        where: { organizationId: actor.organizationId, resourceType: { in: [resource.type, ALL_TYPES] }, NOT: { capabilities: { isEmpty: true } } },
        include: principalInclude,
        orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
      });
  return {
    owner: { membershipId: resource.ownerId, name: resource.owner.user.name, email: resource.owner.user.email },
    yours: access.capabilities,
    organizationWide: organizationWide.map((g) => ({
      id: g.id,
      kind: g.kind,
      principal: principalView(g),
      summary: `${describeCapabilities(g.capabilities)} on ${describeTypeScope(g.resourceType)}`,
    })),
    grants: grants.map((g) => ({
      id: g.id,
      kind: g.kind,
      principal: principalView(g),
      /** What to send to `grant` to change this entry. */
      ref: refOf(g),
      capabilities: normalizeCapabilities(g.capabilities),
      summary: g.kind === "EMAIL" ? "Notify only" : describeCapabilities(g.capabilities),
      canChange: normalizeCapabilities(g.capabilities).every((c) => held.has(c)),
    })),
  };
}

/** Grants (or changes) the capabilities of one principal. EMAIL principals are notify-only. */
export async function setGrant(db: Db, actor: ActorContext, input: { resourceId: string; principal: Principal; capabilities: Capability[] }) {
  return db.$transaction(async (tx) => {
    const { resource, access, subject } = await openResource(tx, actor, input.resourceId);
    const principal = await resolvePrincipal(tx, actor.organizationId, input.principal);
    const after = input.principal.kind === "EMAIL" ? [] : normalizeCapabilities(input.capabilities);
    if (input.principal.kind === "EMAIL" && input.capabilities.length) {
      throw new StewardError("BAD_REQUEST", "An email address on the ACL is notified of events only; grant access to a member, team or group.");
    }
    const existing = await tx.grant.findUnique({ where: { resourceId_principalKey: { resourceId: resource.id, principalKey: principal.key } } });
    enforce(
      decideGrantChange(access, toResourceFacts(resource), { before: existing?.capabilities, after: input.principal.kind === "EMAIL" ? undefined : after }),
      "Resource",
    );
    const grant = existing
      ? await tx.grant.update({ where: { id: existing.id }, data: { capabilities: after } })
      : await tx.grant.create({
          data: {
            organizationId: actor.organizationId,
            resourceId: resource.id,
            kind: input.principal.kind,
            principalKey: principal.key,
            ...principal.data,
            capabilities: after,
            createdByUserId: actor.userId,
          },
        });
    const detail = `${existing ? "Changed" : "Granted"} ${input.principal.kind === "EMAIL" ? "notifications" : describeCapabilities(after)} for ${principal.label}`;
    await recordAccessChange(tx, actor, subject.name, resource.id, detail);
    await notifyResourceEvent(tx, { ...actor, name: subject.name }, resource, { kind: "access" }, detail);
    await auditBy(tx, actor, {
      action: existing ? "grant.update" : "grant.create",
      targetType: "Resource",
      targetId: resource.id,
      before: existing ? { principal: principal.key, capabilities: existing.capabilities } : undefined,
      after: { principal: principal.key, capabilities: after },
    });
    return { id: grant.id };
  });
}

export async function removeGrant(db: Db, actor: ActorContext, input: { resourceId: string; grantId: string }) {
  return db.$transaction(async (tx) => {
    const { resource, access, subject } = await openResource(tx, actor, input.resourceId);
    const grant = await tx.grant.findFirst({ where: { id: input.grantId, resourceId: resource.id } });
    if (!grant) throw new StewardError("NOT_FOUND", "That grant is not on this resource.");
    enforce(decideGrantChange(access, toResourceFacts(resource), { before: grant.capabilities }), "Resource");
    const detail = `Removed ${grant.kind === "EMAIL" ? `${grant.email} from notifications` : `${describeCapabilities(grant.capabilities)} of a ${grant.kind.toLowerCase()}`}`;
    // Before the delete, so whoever the grant reached hears that they lost it.
    await notifyResourceEvent(tx, { ...actor, name: subject.name }, resource, { kind: "access" }, detail);
    await tx.grant.delete({ where: { id: grant.id } });
    await recordAccessChange(tx, actor, subject.name, resource.id, detail);
    await auditBy(tx, actor, {
      action: "grant.delete",
      targetType: "Resource",
      targetId: resource.id,
      before: { principal: grant.principalKey, capabilities: grant.capabilities },
    });
    return { id: grant.id };
  });
}

function recordAccessChange(tx: Tx, actor: ActorContext, actorName: string, resourceId: string, detail: string) {
  const at = new Date();
  return tx.resourceActivity.create({
    data: {
      organizationId: actor.organizationId,
      resourceId,
      actorUserId: actor.userId,
      actorName,
      action: "access",
      result: "CHANGED",
      detail,
      at,
      day: at.toISOString().slice(0, 10),
    },
  });
}

/** How a path reads in "Explain access". */
function describePath(p: AccessPath, self: boolean): string {
  switch (p.kind) {
    case "owner":
      return "Owns the resource (Administrator)";
    case "custodian":
      return `${p.roleName} over the owner ${p.ownerName} (seed 004: opens members' data)`;
    case "restorer": {
      const restores = `As ${p.roleName}, ${self ? "you restore" : "they restore"} the data of ${p.ownerName}, who owns it`;
      return p.limited.length ? `${restores}; the role's resource access leaves out ${p.limited.map((c) => CAPABILITY_LABELS[c]).join(", ")}` : restores;
    }
    case "role":
      return `Role ${p.roleName} sees every resource that is not private`;
    case "grant": {
      const via =
        p.via.kind === "member"
          ? "Granted directly"
          : p.via.kind === "team"
            ? `Member of team ${p.via.teamName}`
            : `Home group ${p.via.memberGroupName} is in ${p.via.groupName}'s subtree`;
      const scoped = p.typeWide === undefined ? via : `${via}: organization-wide access to ${describeTypeScope(p.typeWide)}`;
      return p.limited.length ? `${scoped}; the role's resource access leaves out ${p.limited.map((c) => CAPABILITY_LABELS[c]).join(", ")}` : scoped;
    }
  }
}

/**
 * "Explain access": a member's effective capabilities on a resource and everything that
 * produces or removes them. For oneself, or for share holders of the resource.
 */
export async function explainAccess(db: Db, actor: ActorContext, input: { resourceId: string; membershipId: string }) {
  const self = input.membershipId === actor.membershipId;
  const { resource } = await openResource(db, actor, input.resourceId, self ? "view" : "share");
  const subject = await accessSubject(db, actor, input.membershipId);
  if (!subject) throw notFound("Member", actor);
  const access = await accessOf(db, subject, resource);
  const onAccessList = access.paths.some((p) => p.kind === "owner" || p.kind === "grant");
  const inActorSpan =
    !self && !onAccessList && decidePrincipalDirectory(actor).members === "span"
      ? (await db.membership.count({ where: { AND: [{ id: subject.membershipId }, membersVisibleTo(actor)] } })) > 0
      : false;
  enforce(decideExplainAccessOf({ isActor: self, onAccessList, inActorSpan }), "Member", actor);
  return {
    member: { membershipId: subject.membershipId, name: subject.name, role: subject.role.name },
    visible: access.visible,
    capabilities: access.capabilities,
    summary: access.visible ? describeCapabilities(access.capabilities) : "No access",
    paths: access.paths.map((p) => ({
      kind: p.kind,
      description: describePath(p, self),
      capabilities: p.capabilities,
      summary: describeCapabilities(p.capabilities),
    })),
    removed: access.removed,
    scope: subject.scope.length
      ? `Limited to ${subject.scope.length} server${subject.scope.length === 1 ? "" : "s"} or storage${subject.scope.length === 1 ? "" : "s"}`
      : "All resources",
  };
}

/**
 * Whom a share holder (or whoever may transfer the resource) can pick: members, teams and
 * groups matching a search, within what `decidePrincipalDirectory` opens to the actor (rule
 * 5). Anyone is found by their exact email address; a part of one finds only the span.
 */
export async function sharePrincipals(db: Db, actor: ActorContext, input: { resourceId: string; search: string }) {
  const { resource, access } = await openResource(db, actor, input.resourceId);
  const facts = toResourceFacts(resource);
  const share = decideResource(access, facts, "share");
  if (!share.allowed && !decideTransferResource(access, facts).allowed) enforce(share, "Resource");
  return findPrincipals(db, actor, input.search);
}

/** The members, teams and groups matching a search that `decidePrincipalDirectory` opens to
 * the actor: the sharing picker's, and organization-wide access's. */
export async function findPrincipals(db: Db, actor: ActorContext, search: string) {
  const directory = decidePrincipalDirectory(actor);
  const q = search.trim();
  const text = q ? { contains: likeLiteral(q), mode: "insensitive" as const } : undefined;
  // Emails are stored lower-cased, so this is the unique index's exact match.
  const byAddress: Prisma.MembershipWhereInput[] = q ? [{ user: { email: q.toLowerCase() } }] : [];
  const searchable: Prisma.MembershipWhereInput = directory.members === "span" ? membersVisibleTo(actor) : { id: actor.membershipId };
  const ownGroups = { id: { in: chainIds(actor.group.path) } };
  const [members, teams, groups] = await db.$transaction([
    db.membership.findMany({
      where: {
        organizationId: actor.organizationId,
        status: "ACTIVE",
        OR: [{ AND: [searchable, text ? { user: { OR: [{ name: text }, { email: text }] } } : {}] }, ...byAddress],
      },
      include: { user: { select: { name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
      take: 8,
    }),
    db.team.findMany({
      where: {
        organizationId: actor.organizationId,
        ...(directory.teams === "own" ? { members: { some: { membershipId: actor.membershipId } } } : {}),
        ...(text ? { name: text } : {}),
      },
      orderBy: { name: "asc" },
      take: 5,
    }),
    db.group.findMany({
      where: {
        organizationId: actor.organizationId,
        ...(directory.groups === "reach" ? { OR: [groupsInReach(actor), ownGroups] } : ownGroups),
        ...(text ? { name: text } : {}),
      },
      orderBy: [{ depth: "asc" }, { name: "asc" }],
      take: 5,
    }),
  ]);
  return {
    members: members.map((m) => ({ membershipId: m.id, name: m.user.name, email: m.user.email })),
    teams: teams.map((t) => ({ teamId: t.id, name: t.name })),
    groups: groups.map((g) => ({ groupId: g.id, name: g.name })),
    /** What the picker may list, and why: the UI says so when it is limited. */
    directory,
  };
}
