// Seed 001: "Notifications are sent to all users within the ACL list, regardless the user
// role. E-mail addresses can also be added to ACLs lists in order to have them notified."
// Members choose which events they get (Notifications, under their account).
import { DEFAULT_NOTIFICATIONS, NOTIFICATION_EVENT_KEYS, notificationCategory, typeLabel, type NotificationEvent, type ResourceEvent } from "../authz";
import { membersOnAclSql } from "../authz/resources.sql";
import type { Db, Tx } from "../db";
import { appUrl } from "../email/config";
import { enqueueEmails } from "../email/outbox";
import type { ActorContext } from "./actor";
import { audit } from "./audit";
import { StewardError } from "./errors";

/**
 * The members on the resource's ACL whom rule 7 still shows it to (`membersOnAclSql`, beside
 * its decision in server/authz), who want this kind of event. Beyond the rule, which is about
 * access: only active members are emailed, the actor is not told of their own act, and, as
 * every service's read, nobody outside the actor's organization.
 */
async function memberRecipients(tx: Tx, actor: ActorContext, resource: AclResource, category: NotificationEvent) {
  const rows = await tx.$queryRaw<Array<{ email: string }>>`
    SELECT u.email FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m.id IN (${membersOnAclSql(resource)}) AND m."organizationId" = ${actor.organizationId} AND m.status = 'ACTIVE'
       AND m.id <> ${actor.membershipId} AND ${category} = ANY(m."notifyOn")
     ORDER BY u.email`;
  return rows.map((r) => r.email);
}

/** A resource as its notifications need it. */
type AclResource = { id: string; organizationId: string; name: string; type: string; private: boolean };

/**
 * Queues the emails of one resource event, in the caller's transaction: to the members on
 * the ACL who want it (`memberRecipients`) and, for the default kinds (failures and access
 * changes), to the plain addresses on the ACL.
 */
export async function notifyResourceEvent(tx: Tx, actor: ActorContext & { name: string }, resource: AclResource, event: ResourceEvent, detail: string) {
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
