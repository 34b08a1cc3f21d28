// Reports in SQL, beside their decision (reports.ts): the groups a report may be run on, the
// members and invitations it counts, and who a two-factor policy covers. Pure: it builds
// fragments, runs none. The fragments read the aliases m ("Membership"), ro ("Role") and
// g ("Group", the member's home group), or i ("Invitation"), ro (its role) and g (its group).
import { Prisma as P, type Prisma } from "../db/generated/client";
import type { Actor, GroupFacts } from "./decision";
import { groupsInReach } from "./groups.sql";
import { inviteesVisibleSql, membersVisibleSql, startsWith } from "./members.sql";
import type { TwoFactorPolicy } from "./policies";

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
 * twin of `decideTwoFactorRequired` (policies.ts), today the organization's one policy: OFF
 * nobody, ADMINS every role holding any permission, EVERYONE everybody. Policies attached to
 * groups will replace it: this is the one place the reports ask who is covered, so that change
 * is made here (and in the decision), and every count and list of the reports follows.
 */
export function twoFactorCoveredSql(policy: TwoFactorPolicy): Prisma.Sql {
  switch (policy) {
    case "OFF":
      return P.sql`FALSE`;
    case "ADMINS":
      return P.sql`(cardinality(ro.permissions) > 0)`;
    case "EVERYONE":
      return P.sql`TRUE`;
  }
}
