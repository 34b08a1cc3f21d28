// Seed 004's data migration: "access and migrate the data of any user". Moving everything a
// member owns to another member, under rule 3 for both of them and the hand-over rule of
// resources.ts for the recipient. Pure.
import { all, allow, decidePermission, deny, NOT_FOUND_REASON, type Actor, type Decision, type MemberFacts } from "./decision";
import { decideSpan } from "./members";
import { decideHandOver } from "./resources";

/** May the actor move what this member owns to someone? (What the member's page offers.) */
export function decideMigrateDataFrom(actor: Actor, from: MemberFacts): Decision {
  return all(
    () => decidePermission(actor, "data.migrate"),
    () => decideSpan(actor, from),
    () => allow(`You may move what ${from.name} owns: they are in your span and your role ${actor.role.name} may migrate data.`),
  );
}

/**
 * Moving what `from` owns to `to`. Both must be in the actor's span (rule 3: reach, rank and
 * no power the actor lacks), the recipient active and someone else. The recipient becomes
 * Administrator of every resource, which the actor holds as custodian at most: the same
 * hand-over as on deletion (`decideHandOver`), so only to a member in the actor's span.
 */
export function decideMigrateData(actor: Actor, from: MemberFacts, to: MemberFacts & { active: boolean }): Decision {
  return all(
    () => decideMigrateDataFrom(actor, from),
    () => (to.organizationId !== actor.organizationId ? deny(NOT_FOUND_REASON, "NOT_FOUND") : allow("")),
    () => (to.membershipId === from.membershipId ? deny(`${from.name} already owns their data; choose another member to receive it.`) : allow("")),
    () =>
      to.membershipId === actor.membershipId
        ? deny(`Data moves to another member in your span, not to you; to take one resource yourself, transfer it from its page.`)
        : allow(""),
    () => {
      const span = decideSpan(actor, to);
      if (!span.allowed && span.code === "NOT_FOUND") return span;
      const handOver = decideHandOver({ capabilities: [] }, { isActor: false, inActorSpan: span.allowed });
      return handOver.allowed ? allow("") : deny(`${to.name} cannot receive ${from.name}'s data: ${span.reason} ${handOver.reason}`);
    },
    () => (to.active ? allow("") : deny(`${to.name} is not an active member; data goes only to active members.`)),
    () => allow(`You may move what ${from.name} owns to ${to.name}: both are in your span, and ${to.name} becomes its owner.`),
  );
}
