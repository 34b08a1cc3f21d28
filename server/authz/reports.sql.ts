// Reports in SQL, beside their decision (reports.ts): the groups a report may be run on, the
// members and invitations it counts, and who a two-factor policy covers. Pure: it builds
// fragments, runs none. The fragments read the aliases m ("Membership"), ro ("Role") and
// g ("Group", the member's home group), or i ("Invitation"), ro (its role) and g (its group).
import { Prisma as P, type Prisma } from "../db/generated/client";
import type { Actor, GroupFacts } from "./decision";
import { groupsInReach } from "./groups.sql";
import { inviteesVisibleSql, membersVisibleSql, startsWith } from "./members.sql";

/** Groups a report may be run on (decideRunReport, given "Run reports"): those in reach. */
export const reportGroupsWhere = groupsInReach;

/** The members a report on `group` counts: those the actor sees (rule 3), at home in its subtree. */
export function reportMembersSql(actor: Actor, group: Pick<GroupFacts, "path">): Prisma.Sql {
  return P.sql`(${membersVisibleSql(actor)} AND g.path LIKE ${startsWith(group.path)})`;
}

/** The invitations a report on `group` counts: to a group of its subtree, for an invitee the actor would see. */
export function reportInvitationsSql(actor: Actor, group: Pick<GroupFacts, "path">): Prisma.Sql {
  return P.sql`(${inviteesVisibleSql(actor)} AND g.path LIKE ${startsWith(group.path)})`;
}

/**
 * Whether the member m (role ro, home group g) is covered by a two-factor requirement: the SQL
 * twin of `decideTwoFactorRequired` (policies.ts) applied to the effective policy of their home
 * group. OFF is both the default and the loosest value, so the effective value is the strictest
 * one set anywhere along g's chain: covered when a group at or above g requires it of everyone,
 * or of administrative roles and ro holds any permission.
 */
export function twoFactorCoveredSql(): Prisma.Sql {
  return P.sql`EXISTS (SELECT 1 FROM "GroupPolicy" gp JOIN "Group" pg ON pg.id = gp."groupId"
     WHERE gp."organizationId" = g."organizationId" AND left(g.path, length(pg.path)) = pg.path
       AND (gp."twoFactor" = 'EVERYONE' OR (gp."twoFactor" = 'ADMINS' AND cardinality(ro.permissions) > 0)))`;
}
