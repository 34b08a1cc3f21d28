// Seed 001: "Notifications are sent to all users within the ACL list, regardless the user
// role. E-mail addresses can also be added to ACLs lists in order to have them notified."
// Members choose which events they get (Notifications, under their account).
import { NOTIFICATION_EVENT_KEYS, typeLabel, type NotificationEvent } from "../authz";
import type { Db, Tx } from "../db";
import { appUrl } from "../email/config";
import { enqueueEmails } from "../email/outbox";
import type { ActorContext } from "./actor";
import { audit } from "./audit";
import { StewardError } from "./errors";

/**
 * Queues the emails of one resource event, in the caller's transaction: to the owner and
 * the members granted directly or through a team who want this kind of event, and to the
 * plain addresses on the ACL. Group grants are not expanded: a whole subtree is an
 * audience, not a list of people who asked to hear. The actor is not told of their own act.
 */
export async function notifyResourceEvent(
  tx: Tx,
  actor: ActorContext & { name: string },
  resource: { id: string; name: string; type: string; ownerId: string },
  event: "run" | "restore" | "access",
  detail: string,
) {
  const category: NotificationEvent = event === "access" ? "access" : "activity";
  const [members, addresses] = await Promise.all([
    tx.membership.findMany({
      where: {
        organizationId: actor.organizationId,
        status: "ACTIVE",
        id: { not: actor.membershipId },
        notifyOn: { has: category },
        OR: [
          { id: resource.ownerId },
          { grants: { some: { resourceId: resource.id } } },
          { teams: { some: { team: { grants: { some: { resourceId: resource.id } } } } } },
        ],
      },
      select: { user: { select: { email: true } } },
    }),
    tx.grant.findMany({ where: { resourceId: resource.id, kind: "EMAIL" }, select: { email: true } }),
  ]);
  const memberEmails = members.map((m) => m.user.email);
  const plain = addresses.map((a) => a.email!).filter((e) => !memberEmails.includes(e));
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
    where: { userId, status: "ACTIVE" },
    include: { organization: { select: { name: true, slug: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return memberships.map((m) => ({ organization: m.organization, events: NOTIFICATION_EVENT_KEYS.filter((e) => m.notifyOn.includes(e)) }));
}

export async function setNotificationPreferences(db: Db, userId: string, input: { organizationSlug: string; events: NotificationEvent[] }) {
  const membership = await db.membership.findFirst({ where: { userId, status: "ACTIVE", organization: { slug: input.organizationSlug } } });
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
