// Seed 001: "Notifications are sent to all users within the ACL list, regardless the user
// role. E-mail addresses can also be added to ACLs lists in order to have them notified."
// Members choose which events they get (Notifications, under their account).
import {
  ALL_TYPES,
  CAPABILITIES,
  DEFAULT_NOTIFICATIONS,
  NOTIFICATION_EVENT_KEYS,
  notificationCategory,
  SCOPED_TYPES,
  typeLabel,
  type NotificationEvent,
  type ResourceEvent,
} from "../authz";
import type { Db, Tx } from "../db";
import { Prisma as P } from "../db/generated/client";
import { appUrl } from "../email/config";
import { enqueueEmails } from "../email/outbox";
import type { ActorContext } from "./actor";
import { audit } from "./audit";
import { StewardError } from "./errors";

/**
 * The members on a resource's ACL who want this kind of event, as one query: the owner, and
 * everyone a grant reaches (directly, through a team, or through a group whose subtree holds
 * their home group; on the resource or organization-wide over its type), but only where rule 7 still shows them the resource (a private one
 * needs "view" from the grant; a resource scope that leaves it out hides it). The actor is
 * not told of their own act.
 */
async function memberRecipients(tx: Tx, actor: ActorContext, resource: { id: string; type: string; private: boolean }, category: NotificationEvent) {
  const seeing = resource.private ? P.sql`AND g.capabilities && ARRAY['view','admin']::text[]` : P.empty;
  const scoped = (SCOPED_TYPES as readonly string[]).includes(resource.type);
  // Organization-wide access (type-grants.ts) reaches only resources that are not private,
  // of the type it covers, and only when it names a capability.
  const typeWide = resource.private
    ? P.empty
    : P.sql`
      UNION SELECT tg."membershipId" FROM "TypeGrant" tg WHERE ${typeGrantCovers(actor, resource.type)} AND tg.kind = 'MEMBER'
      UNION SELECT tm."membershipId" FROM "TypeGrant" tg JOIN "TeamMember" tm ON tm."teamId" = tg."teamId" WHERE ${typeGrantCovers(actor, resource.type)}
      UNION SELECT m.id FROM "TypeGrant" tg
        JOIN "Group" granted ON granted.id = tg."groupId"
        JOIN "Group" home ON home."organizationId" = granted."organizationId" AND home.path LIKE granted.path || '%'
        JOIN "Membership" m ON m."groupId" = home.id
       WHERE ${typeGrantCovers(actor, resource.type)}`;
  const rows = await tx.$queryRaw<Array<{ email: string }>>`
    WITH reached AS (
      SELECT r."ownerId" AS id FROM "Resource" r WHERE r.id = ${resource.id}
      UNION SELECT g."membershipId" FROM "Grant" g WHERE g."resourceId" = ${resource.id} AND g.kind = 'MEMBER' ${seeing}
      UNION SELECT tm."membershipId" FROM "Grant" g JOIN "TeamMember" tm ON tm."teamId" = g."teamId" WHERE g."resourceId" = ${resource.id} ${seeing}
      UNION SELECT m.id FROM "Grant" g
        JOIN "Group" granted ON granted.id = g."groupId"
        JOIN "Group" home ON home."organizationId" = granted."organizationId" AND home.path LIKE granted.path || '%'
        JOIN "Membership" m ON m."groupId" = home.id
       WHERE g."resourceId" = ${resource.id} ${seeing}
      ${typeWide}
    )
    SELECT u.email FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m.id IN (SELECT id FROM reached) AND m."organizationId" = ${actor.organizationId} AND m.status = 'ACTIVE'
       AND m.id <> ${actor.membershipId} AND ${category} = ANY(m."notifyOn")
       ${scoped ? P.sql`AND (cardinality(m."resourceScope") = 0 OR ${resource.id} = ANY(m."resourceScope"))` : P.empty}
     ORDER BY u.email`;
  return rows.map((r) => r.email);
}

/** The organization's organization-wide grants that cover this type and give something. */
function typeGrantCovers(actor: ActorContext, type: string) {
  return P.sql`tg."organizationId" = ${actor.organizationId} AND tg."resourceType" IN (${type}, ${ALL_TYPES}) AND tg.capabilities && ${[...CAPABILITIES]}::text[]`;
}

/**
 * Queues the emails of one resource event, in the caller's transaction: to the members on
 * the ACL who want it (`memberRecipients`) and, for the default kinds (failures and access
 * changes), to the plain addresses on the ACL.
 */
export async function notifyResourceEvent(
  tx: Tx,
  actor: ActorContext & { name: string },
  resource: { id: string; name: string; type: string; private: boolean },
  event: ResourceEvent,
  detail: string,
) {
  const category = notificationCategory(event);
  const [memberEmails, addresses] = await Promise.all([
    memberRecipients(tx, actor, resource, category),
    // A plain address has no preferences to set: it gets what members get by default.
    DEFAULT_NOTIFICATIONS.includes(category) ? tx.grant.findMany({ where: { resourceId: resource.id, kind: "EMAIL" }, select: { email: true } }) : [],
  ]);
  const members = new Set(memberEmails);
  const plain = addresses.map((a) => a.email!).filter((e) => !members.has(e));
  const props = {
    organizationName: actor.organizationName,
    resourceName: resource.name,
    resourceType: typeLabel(resource.type),
    event,
    actorName: actor.name,
    detail,
    link: `${appUrl()}/o/${actor.organizationSlug}/resources/${resource.id}`,
  };
  await enqueueEmails(tx, { organizationId: actor.organizationId, to: memberEmails, message: { kind: "resource-event", props: { ...props, member: true } } });
  await enqueueEmails(tx, { organizationId: actor.organizationId, to: plain, message: { kind: "resource-event", props: { ...props, member: false } } });
}

export async function notificationPreferences(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId, status: "ACTIVE", organization: { deletedAt: null } },
    include: { organization: { select: { name: true, slug: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return memberships.map((m) => ({ organization: m.organization, events: NOTIFICATION_EVENT_KEYS.filter((e) => m.notifyOn.includes(e)) }));
}

export async function setNotificationPreferences(db: Db, userId: string, input: { organizationSlug: string; events: NotificationEvent[] }) {
  const membership = await db.membership.findFirst({ where: { userId, status: "ACTIVE", organization: { slug: input.organizationSlug, deletedAt: null } } });
  if (!membership) throw new StewardError("NOT_FOUND", "Organization not found.");
  const events = NOTIFICATION_EVENT_KEYS.filter((e) => input.events.includes(e));
  await db.$transaction(async (tx) => {
    await tx.membership.update({ where: { id: membership.id }, data: { notifyOn: events } });
    await audit(tx, {
      organizationId: membership.organizationId,
      actorUserId: userId,
      action: "member.notificationPreferences",
      targetType: "Membership",
      targetId: membership.id,
      before: { notifyOn: membership.notifyOn },
      after: { notifyOn: events },
    });
  });
  return { organizationSlug: input.organizationSlug, events };
}
