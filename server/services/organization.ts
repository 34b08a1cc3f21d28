// The overview page and the facts the console draws around every page: what the actor's
// span and reach hold, each figure only for a role that may open the page it summarizes.
import { decidePermission, MEMBER_ACTION_PERMISSION, PERMISSIONS, isPermission, type Permission } from "../authz";
import type { Db } from "../db";
import type { ActorContext } from "./actor";
import { auditBy } from "./audit";
import { groupsInReach } from "../authz/groups.sql";
import { invitationsInReach, membersVisibleTo } from "../authz/members.sql";

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

/** The permissions that change a member in span (rule 3), as opposed to seeing them. */
const CHANGES_MEMBERS = Object.values(MEMBER_ACTION_PERMISSION).filter((p) => p !== "members.view");

/**
 * Each figure is computed only for a role holding the permission of the page it
 * summarizes (the permission of that page's list procedure): members "View members",
 * pending invitations "Create members", groups "View groups". Otherwise it is null.
 */
export async function organizationOverview(db: Db, actor: ActorContext) {
  const may = (p: Permission) => decidePermission(actor, p).allowed;
  const inSpan = membersVisibleTo(actor);
  const [members, invitations, groups, recentActivity] = await Promise.all([
    may("members.view")
      ? Promise.all([
          db.membership.count({ where: inSpan }),
          db.membership.count({ where: { AND: [inSpan, { status: "ACTIVE" }] } }),
          db.membership.count({ where: { AND: [inSpan, { status: "DISABLED" }] } }),
        ])
      : null,
    may("members.create") ? db.invitation.count({ where: { ...invitationsInReach(actor), status: "PENDING", expiresAt: { gt: new Date() } } }) : null,
    may("groups.view") ? db.group.count({ where: groupsInReach(actor) }) : null,
    db.auditEvent.findMany({
      where: { organizationId: actor.organizationId, actorUserId: actor.userId },
      orderBy: { at: "desc" },
      take: 5,
      select: { id: true, action: true, targetType: true, at: true },
    }),
  ]);
  return {
    organization: { name: actor.organizationName, slug: actor.organizationSlug },
    you: {
      role: actor.role.name,
      group: actor.group.name,
      reach: actor.role.reach,
      isOwner: actor.isOwner,
      /** How the actor stands to the members of their span: changes them, only sees them, or neither. */
      members: CHANGES_MEMBERS.some(may) ? ("manage" as const) : may("members.view") ? ("see" as const) : null,
      /** What the role holds, by the catalog's labels. */
      holds: actor.role.permissions.filter(isPermission).map((p) => PERMISSIONS[p].label),
    },
    members: members && { total: members[0], active: members[1], disabled: members[2] },
    pendingInvitations: invitations,
    groups,
    recentActivity,
  };
}

export type OrganizationSettings = { name: string };

const SETTINGS = { name: true } as const;

/** The settings, with what only the owner changes (the address, deletion) marked for the page,
 * and the root group whose policy is the organization-wide one. */
export async function organizationSettings(db: Db, actor: ActorContext) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { ...SETTINGS, slug: true } });
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
  const root = await db.group.findFirstOrThrow({ where: { organizationId: actor.organizationId, parentId: null }, select: { id: true, name: true } });
  return {
    ...org,
    isOwner: actor.isOwner,
    ownerUsesTwoFactor: actor.isOwner && user.totpEnabledAt !== null,
    rootGroup: root,
    canViewPolicies: decidePermission(actor, "policies.view").allowed,
  };
}

export async function updateOrganizationSettings(db: Db, actor: ActorContext, changes: OrganizationSettings) {
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: SETTINGS });
    if (before.name === changes.name) return before;
    const after = await tx.organization.update({ where: { id: actor.organizationId }, data: changes, select: SETTINGS });
    await auditBy(tx, actor, { action: "organization.updateSettings", targetType: "Organization", targetId: actor.organizationId, before, after });
    return after;
  });
}
