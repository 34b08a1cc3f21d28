// The overview page, and the facts the console draws around every page.
import { decideTwoFactorRequired } from "../authz";
import type { Db } from "../db";
import type { ActorContext } from "./actor";
import { auditBy } from "./audit";
import { StewardError } from "./errors";
import { groupsInReach } from "./groups";
import { invitationsInReach } from "./invitations";
import { membersVisibleTo } from "./members";

/** Who the actor is in this organization and what their role holds. */
export function consoleFrame(actor: ActorContext) {
  return {
    organization: { slug: actor.organizationSlug, name: actor.organizationName },
    you: {
      name: actor.name,
      isOwner: actor.isOwner,
      group: { name: actor.group.name },
      role: { name: actor.role.name, reach: actor.role.reach, permissions: [...actor.role.permissions] },
    },
  };
}

export async function organizationOverview(db: Db, actor: ActorContext) {
  const inSpan = membersVisibleTo(actor);
  const [members, active, invited, disabled, groups, recent] = await db.$transaction([
    db.membership.count({ where: inSpan }),
    db.membership.count({ where: { AND: [inSpan, { status: "ACTIVE" }] } }),
    db.invitation.count({ where: { ...invitationsInReach(actor), status: "PENDING", expiresAt: { gt: new Date() } } }),
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

export type OrganizationSettings = { name: string; twoFactorPolicy: "OFF" | "ADMINS" | "EVERYONE"; invitationTtlDays: number };

const SETTINGS = { name: true, twoFactorPolicy: true, invitationTtlDays: true } as const;

export function organizationSettings(db: Db, actor: ActorContext): Promise<OrganizationSettings> {
  return db.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: SETTINGS });
}

/** Settings left out keep their value. */
export async function updateOrganizationSettings(
  db: Db,
  actor: ActorContext & { hasTwoFactor: boolean },
  changes: Omit<OrganizationSettings, "invitationTtlDays"> & { invitationTtlDays?: number },
) {
  // As on GitHub: whoever requires two-factor sign-in must already use it, or they would
  // lock themselves out of the very page that turns the requirement off.
  if (decideTwoFactorRequired(changes.twoFactorPolicy, actor.role).allowed && !actor.hasTwoFactor) {
    throw new StewardError("BAD_REQUEST", "Set up two-factor sign-in for yourself (under 2FA) before requiring it.");
  }
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: SETTINGS });
    const input: OrganizationSettings = { ...changes, invitationTtlDays: changes.invitationTtlDays ?? before.invitationTtlDays };
    if (before.name === input.name && before.twoFactorPolicy === input.twoFactorPolicy && before.invitationTtlDays === input.invitationTtlDays) return before;
    const after = await tx.organization.update({ where: { id: actor.organizationId }, data: input, select: SETTINGS });
    await auditBy(tx, actor, { action: "organization.updateSettings", targetType: "Organization", targetId: actor.organizationId, before, after });
    return after;
  });
}
