// Bulk actions over a selection of members, or over every member the list shows under its
// filters ("select all N matching"): each member is its own decision and its own transaction,
// and the caller gets a result per member (what happened, or why not).
import { BULK_MATCHING_CAP } from "../authz";
import type { Db } from "../db";
import type { ActorContext } from "./actor";
import { StewardError } from "./errors";
import { setMemberStatus } from "./member-lifecycle";
import { changeMemberGroup, changeMemberRole, matchingMemberIds, seenNames, type MemberFilterInput } from "./members";

/** `name` is null for a member the actor does not see (refused as not found). */
export type BulkResult = { membershipId: string; name: string | null; ok: boolean; message: string };

/** Chosen members by id, or all that the members list shows under these filters. */
export type BulkSelection = { membershipIds?: string[]; matching?: MemberFilterInput };

async function eachMember(db: Db, actor: ActorContext, selection: BulkSelection, run: (id: string) => Promise<unknown>, done: string): Promise<BulkResult[]> {
  const ids = selection.matching ? await matchingMemberIds(db, actor, selection.matching, BULK_MATCHING_CAP) : [...new Set(selection.membershipIds ?? [])];
  const outcomes: Array<Omit<BulkResult, "name">> = [];
  for (const membershipId of ids) {
    try {
      await run(membershipId);
      outcomes.push({ membershipId, ok: true, message: done });
    } catch (err) {
      if (!(err instanceof StewardError)) throw err;
      outcomes.push({ membershipId, ok: false, message: err.message });
    }
  }
  const names = await seenNames(db, actor, ids);
  return outcomes.map((o) => ({ ...o, name: names.get(o.membershipId) ?? null }));
}

export function bulkSetStatus(db: Db, actor: ActorContext, input: BulkSelection & { status: "ACTIVE" | "DISABLED" }) {
  return eachMember(
    db,
    actor,
    input,
    (membershipId) => setMemberStatus(db, actor, { membershipId, status: input.status }),
    input.status === "DISABLED" ? "Disabled" : "Enabled",
  );
}

export function bulkChangeRole(db: Db, actor: ActorContext, input: BulkSelection & { roleId: string }) {
  return eachMember(db, actor, input, (membershipId) => changeMemberRole(db, actor, { membershipId, roleId: input.roleId }), "Role changed");
}

export function bulkChangeGroup(db: Db, actor: ActorContext, input: BulkSelection & { groupId: string }) {
  return eachMember(db, actor, input, (membershipId) => changeMemberGroup(db, actor, { membershipId, groupId: input.groupId }), "Moved");
}
