// Resources (issue 6): create, list what the actor sees, open with effective access,
// edit, delete, run or restore (writing activity), transfer ownership. Every read goes
// through `visibleResourcesSql` or `accessOf`; invisible resources are NOT_FOUND.
import {
  creatableTypes,
  decideCreateResource,
  decideHandOver,
  type EffectiveAccess,
  decideViewAs,
  decideMemberAction,
  SCOPED_TYPES,
  typeLabel,
  decideResource,
  decideTransferResource,
  describeCapabilities,
  RESOURCE_TYPES,
  type ResourceOperation,
  type ResourceType,
} from "../authz";
import type { Db, Tx } from "../db";
import { withUniqueConflict } from "../db/errors";
import { accessOf, accessSubject, actorSubject, resourceInclude, toResourceFacts } from "./access";
import { loadMember, toMemberFacts, type ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, notFound, StewardError } from "./errors";
import { membersInSpanSql } from "../authz/members.sql";
import { RESOURCE_SORT_KEYS, resourceListSql, visibleResourcesSql, type ResourceSort } from "../authz/resources.sql";
import { cursorPaging, type ListOrder, type PageRequest } from "./cursor";

/** The resource and the actor's access to it, or NOT_FOUND when they do not see it. */
export async function openResource(db: Db | Tx, actor: ActorContext, resourceId: string, operation: ResourceOperation = "view") {
  const subject = await actorSubject(db, actor);
  const resource = await db.resource.findFirst({ where: { id: resourceId, organizationId: actor.organizationId }, include: resourceInclude });
  if (!resource) throw notFound("Resource");
  const access = await accessOf(db, subject, resource);
  enforce(decideResource(access, toResourceFacts(resource), operation), "Resource");
  return { resource, access, subject };
}

export const RESOURCE_SORTS = Object.keys(RESOURCE_SORT_KEYS) as [ResourceSort, ...ResourceSort[]];
const paging = cursorPaging("resources", RESOURCE_SORT_KEYS);

/** A page of the list (name order unless told), by cursor, last, or number. */
export type ListResourcesInput = Omit<PageRequest<ResourceSort>, keyof ListOrder<ResourceSort>> &
  Partial<ListOrder<ResourceSort>> & { type?: ResourceType; search?: string; asMembershipId?: string };

/** The member whose view a "view as" preview shows, after the decision. */
async function previewSubject(db: Db | Tx, actor: ActorContext, membershipId: string) {
  const target = await loadMember(db, actor, membershipId);
  enforce(decideViewAs(actor, toMemberFacts(target)), "Member", actor);
  const subject = await accessSubject(db, actor, target.id);
  if (!subject) throw notFound("Member", actor);
  return subject;
}

/** A list whose viewer sees broadly counts no further than `countCap` ("more than 10,000"); tests lower it. */
export const resourceListTuning = { countCap: 10_000 };

export async function listResources(db: Db, actor: ActorContext, input: ListResourcesInput) {
  const own = await actorSubject(db, actor);
  const subject = input.asMembershipId ? await previewSubject(db, actor, input.asMembershipId) : own;
  const request = { ...input, sort: input.sort ?? "name", direction: input.direction ?? "asc" };
  const filters = { type: input.type, search: input.search };
  // A preview shows only what the previewing admin sees too; the rest is counted, not named.
  const alsoSeenBy = subject === own ? null : own;
  const list = resourceListSql(subject, alsoSeenBy, filters, request, resourceListTuning.countCap);
  type Row = {
    n?: number;
    id: string;
    k0: string | Date;
    type: string;
    name: string;
    description: string;
    private: boolean;
    ownerId: string;
    updatedAt: Date;
    ownerName: string;
  };
  // The total comes with the page's rows (every row carries it; with none, one row of nulls
  // does), or, for those who see broadly, as a statement of its own beside the page's.
  let reachedTotal = 0;
  const [page, total] = await Promise.all([
    paging.page(request, async (read) => {
      const got = await db.$queryRaw<Row[]>(list.page(read));
      reachedTotal = got[0]?.n ?? 0;
      return got.filter((r) => r.id !== null);
    }),
    list.total ? db.$queryRaw<[{ n: number }]>(list.total).then((c) => c[0]?.n ?? 0) : null,
  ]);
  const hidden =
    subject === own
      ? 0
      : ((
          await db.$queryRaw<
            Array<{ n: number }>
          >`SELECT count(*)::int AS n FROM "Resource" r WHERE ${visibleResourcesSql(subject)} AND NOT ${visibleResourcesSql(own)}`
        )[0]?.n ?? 0);
  const n = total ?? reachedTotal;
  return {
    /** Exact, or the cap + 1 when a viewer who sees broadly sees more (totalExact false). */
    total: n,
    totalExact: total === null || n <= resourceListTuning.countCap,
    pageSize: input.pageSize,
    page: page.page,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    /** In a preview: resources the member sees that the admin does not (not listed). */
    hidden,
    viewingAs: subject === own ? null : { membershipId: subject.membershipId, name: subject.name },
    rows: page.rows.map((r) => ({
      id: r.id,
      type: r.type,
      name: r.name,
      description: r.description,
      private: r.private,
      owner: { name: r.ownerName, isYou: r.ownerId === actor.membershipId },
      updatedAt: r.updatedAt,
    })),
  };
}

export async function getResource(db: Db, actor: ActorContext, resourceId: string, asMembershipId?: string) {
  const opened = await openResource(db, actor, resourceId);
  const { resource } = opened;
  let access = opened.access;
  let viewingAs: { membershipId: string; name: string } | null = null;
  if (asMembershipId) {
    const subject = await previewSubject(db, actor, asMembershipId);
    access = await accessOf(db, subject, resource);
    viewingAs = { membershipId: subject.membershipId, name: subject.name };
    if (!access.visible) throw new StewardError("NOT_FOUND", `${subject.name} does not see ${resource.name}. ${access.removed}`.trim());
  }
  const facts = toResourceFacts(resource);
  const can = (op: ResourceOperation) => decideResource(access, facts, op).allowed;
  return {
    id: resource.id,
    type: resource.type,
    name: resource.name,
    description: resource.description,
    private: resource.private,
    owner: { membershipId: resource.ownerId, name: resource.owner.user.name, email: resource.owner.user.email, isYou: resource.ownerId === actor.membershipId },
    createdAt: resource.createdAt,
    updatedAt: resource.updatedAt,
    access: { capabilities: access.capabilities, summary: describeCapabilities(access.capabilities) },
    viewingAs,
    actions: RESOURCE_TYPES[resource.type as ResourceType]?.actions.filter((a) => can(a)) ?? [],
    can: { edit: can("edit"), delete: can("delete"), share: can("share"), transfer: decideTransferResource(access, facts).allowed },
  };
}

export type ResourceInput = { type: ResourceType; name: string; description: string; private: boolean };

/** The types the actor may create: all with "Create resources", else those an
 * organization-wide grant lets them create (seed 000's "Create new job"). */
export async function creatableResourceTypes(db: Db, actor: ActorContext) {
  const subject = await actorSubject(db, actor);
  return { types: creatableTypes(actor, subject.typeGrants) };
}

/** Rule 8: the creator owns what they create, with Administrator. */
export async function createResource(db: Db, actor: ActorContext, input: ResourceInput) {
  const subject = await actorSubject(db, actor);
  enforce(decideCreateResource(actor, input.type, subject.typeGrants), "Resource");
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        const r = await tx.resource.create({
          data: {
            organizationId: actor.organizationId,
            type: input.type,
            name: input.name,
            description: input.description,
            private: input.private,
            ownerId: actor.membershipId,
          },
        });
        await auditBy(tx, actor, { action: "resource.create", targetType: "Resource", targetId: r.id, after: { ...input } });
        return { id: r.id };
      }),
    () => new StewardError("CONFLICT", `There is already a ${RESOURCE_TYPES[input.type].label.toLowerCase()} named ${input.name}.`),
  );
}

export async function updateResource(db: Db, actor: ActorContext, input: { resourceId: string; name: string; description: string; private: boolean }) {
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        const { resource, access } = await openResource(tx, actor, input.resourceId, "edit");
        // Making a resource private or public changes who sees it: that is sharing (rule 4).
        if (input.private !== resource.private) enforce(decideResource(access, toResourceFacts(resource), "share"), "Resource");
        const before = { name: resource.name, description: resource.description, private: resource.private };
        const after = { name: input.name, description: input.description, private: input.private };
        if (JSON.stringify(before) === JSON.stringify(after)) return { id: resource.id };
        await tx.resource.update({ where: { id: resource.id }, data: after });
        await auditBy(tx, actor, { action: "resource.update", targetType: "Resource", targetId: resource.id, before, after });
        return { id: resource.id };
      }),
    () => new StewardError("CONFLICT", `Another resource of this type is named ${input.name}.`),
  );
}

export async function deleteResource(db: Db, actor: ActorContext, resourceId: string) {
  return db.$transaction(async (tx) => {
    const { resource } = await openResource(tx, actor, resourceId, "delete");
    await tx.resource.delete({ where: { id: resource.id } });
    await auditBy(tx, actor, {
      action: "resource.delete",
      targetType: "Resource",
      targetId: resource.id,
      before: { type: resource.type, name: resource.name, owner: resource.owner.user.name },
    });
    return { id: resource.id };
  });
}

/** Rule 4 for hand-overs (`decideHandOver`), with the recipient's place read from the database. */
export async function enforceHandOver(tx: Tx, actor: ActorContext, access: Pick<EffectiveAccess, "capabilities">, recipientId: string) {
  const span = membersInSpanSql(actor);
  const inActorSpan = span ? (await tx.$queryRaw<Array<{ ok: boolean }>>`SELECT ${recipientId} IN (${span}) AS ok`)[0]?.ok === true : false;
  enforce(decideHandOver(access, { isActor: recipientId === actor.membershipId, inActorSpan }), "Member", actor);
}

/** Seed 004: hand a resource to another active member of the organization. */
export async function transferResource(db: Db, actor: ActorContext, input: { resourceId: string; toMembershipId: string }) {
  return db.$transaction(async (tx) => {
    const { resource, access } = await openResource(tx, actor, input.resourceId);
    enforce(decideTransferResource(access, toResourceFacts(resource)), "Resource");
    const to = await tx.membership.findFirst({
      where: { id: input.toMembershipId, organizationId: actor.organizationId, status: "ACTIVE" },
      include: { user: { select: { name: true } } },
    });
    if (!to) throw new StewardError("NOT_FOUND", "The new owner must be an active member of this organization.");
    await enforceHandOver(tx, actor, access, to.id);
    if (to.id === resource.ownerId) throw new StewardError("BAD_REQUEST", `${to.user.name} already owns ${resource.name}.`);
    await tx.resource.update({ where: { id: resource.id }, data: { ownerId: to.id } });
    await auditBy(tx, actor, {
      action: "resource.transfer",
      targetType: "Resource",
      targetId: resource.id,
      before: { ownerId: resource.ownerId, owner: resource.owner.user.name },
      after: { ownerId: to.id, owner: to.user.name },
    });
    return { id: resource.id, owner: to.user.name };
  });
}

/**
 * Seed 002: limit a member to chosen servers and storages (empty: all). An admin in span
 * with "Edit member info" sets it, from servers and storages they see themselves.
 */
export async function setResourceScope(db: Db, actor: ActorContext, input: { membershipId: string; resourceIds: string[] }) {
  return db.$transaction(async (tx) => {
    const target = await loadMember(tx, actor, input.membershipId);
    enforce(decideMemberAction(actor, toMemberFacts(target), "edit"), "Member", actor);
    const ids = [...new Set(input.resourceIds)];
    const subject = await actorSubject(tx, actor);
    const found = await tx.$queryRaw<
      Array<{ id: string; type: string; name: string }>
    >`SELECT r.id, r.type, r.name FROM "Resource" r WHERE ${visibleResourcesSql(subject)} AND r.id = ANY(${ids}::text[])`;
    if (found.length !== ids.length) throw notFound("Resource", actor);
    const wrong = found.find((r) => !(SCOPED_TYPES as readonly string[]).includes(r.type));
    if (wrong) throw new StewardError("BAD_REQUEST", `A scope holds servers and storages only; ${wrong.name} is a ${typeLabel(wrong.type).toLowerCase()}.`);
    await tx.membership.update({ where: { id: target.id }, data: { resourceScope: ids } });
    await auditBy(tx, actor, {
      action: "member.setResourceScope",
      targetType: "Membership",
      targetId: target.id,
      before: { resourceScope: target.resourceScope },
      after: { resourceScope: ids, names: found.map((r) => r.name) },
    });
    return { membershipId: target.id, scope: found.map((r) => ({ id: r.id, name: r.name, type: r.type })) };
  });
}

/** The scope of a member as names, for the member page. */
export async function describeScope(db: Db, organizationId: string, resourceIds: string[]) {
  if (!resourceIds.length) return [];
  return db.resource.findMany({ where: { organizationId, id: { in: resourceIds } }, select: { id: true, name: true, type: true }, orderBy: { name: "asc" } });
}
