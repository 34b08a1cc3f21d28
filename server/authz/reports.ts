// Reports (seed 004: roles "run reports for any group in your company", or for "their own
// group or any of its subgroups"): who may run a report on a group's subtree. What a report
// counts is the members the actor sees there (rule 3, membersVisibleSql), never more: a
// report is a summary of lists the actor could read, not a side path around them. Pure.
import { all, allow, decidePermission, decideReach, type Actor, type Decision, type GroupFacts } from "./decision";

/**
 * May the actor run reports on this group's subtree: "Run reports" (rule 2), and the group in
 * the actor's reach; a group outside it, or of another organization, is NOT_FOUND like any
 * other group read. Mirrors `reportGroupsWhere` (reports.sql.ts).
 */
export function decideRunReport(actor: Actor, group: GroupFacts): Decision {
  return all(
    () => decidePermission(actor, "reports.run"),
    () => decideReach(actor, group),
    () => allow(`You may run reports on ${group.name} and its subgroups, which are within your reach; they count the members you see there.`),
  );
}
