// The overview page: what the actor's span and reach hold.
import type { Db } from "../db";
import type { ActorContext } from "./actor";
import { groupsInReach } from "./groups";
import { membersVisibleTo } from "./members";

export async function organizationOverview(db: Db, actor: ActorContext) {
  const inSpan = membersVisibleTo(actor);
  const [members, active, invited, disabled, groups, recent] = await db.$transaction([
    db.membership.count({ where: inSpan }),
    db.membership.count({ where: { AND: [inSpan, { status: "ACTIVE" }] } }),
    db.membership.count({ where: { AND: [inSpan, { status: "INVITED" }] } }),
    db.membership.count({ where: { AND: [inSpan, { status: "DISABLED" }] } }),
    db.group.count({ where: groupsInReach(actor) }),
    db.auditEvent.findMany({
      where: { organizationId: actor.organizationId, actorUserId: actor.userId },
      orderBy: { at: "desc" },
      take: 5,
      select: { id: true, action: true, targetType: true, at: true },
    }),
  ]);
  return {
    organization: { name: actor.organizationName, slug: actor.organizationSlug },
    you: { role: actor.role.name, group: actor.group.name, reach: actor.role.reach, isOwner: actor.isOwner },
    members: { total: members, active, invited, disabled },
    groups,
    recentActivity: recent,
  };
}
