// Bulk actions over a selection of members: each member is its own decision and its own
// transaction, and the caller gets a result per member (what happened, or why not).
import type { Db } from "../db";
import type { ActorContext } from "./actor";
import { StewardError } from "./errors";
import { setMemberStatus } from "./member-lifecycle";
import { changeMemberGroup, changeMemberRole } from "./members";

export type BulkResult = { membershipId: string; ok: boolean; message: string };

async function eachMember(ids: string[], run: (id: string) => Promise<unknown>, done: string): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const membershipId of [...new Set(ids)]) {
    try {
      await run(membershipId);
      results.push({ membershipId, ok: true, message: done });
    } catch (err) {
      if (!(err instanceof StewardError)) throw err;
      results.push({ membershipId, ok: false, message: err.message });
    }
  }
  return results;
}

export function bulkSetStatus(db: Db, actor: ActorContext, input: { membershipIds: string[]; status: "ACTIVE" | "DISABLED" }) {
  return eachMember(
    input.membershipIds,
    (membershipId) => setMemberStatus(db, actor, { membershipId, status: input.status }),
    input.status === "DISABLED" ? "Disabled" : "Enabled",
  );
}

export function bulkChangeRole(db: Db, actor: ActorContext, input: { membershipIds: string[]; roleId: string }) {
  return eachMember(input.membershipIds, (membershipId) => changeMemberRole(db, actor, { membershipId, roleId: input.roleId }), "Role changed");
}

export function bulkChangeGroup(db: Db, actor: ActorContext, input: { membershipIds: string[]; groupId: string }) {
  return eachMember(input.membershipIds, (membershipId) => changeMemberGroup(db, actor, { membershipId, groupId: input.groupId }), "Moved");
}
