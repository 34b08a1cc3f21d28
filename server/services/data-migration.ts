// Seed 004's data migration ("access and migrate the data of any user"): everything one
// member owns moves to another member, in one transaction. Data is what they own; the grants
// they hold are access, not data, and stay theirs (docs/authority.md).
import { decideMigrateData } from "../authz";
import type { Db } from "../db";
import { appUrl } from "../email/config";
import { enqueueEmail } from "../email/outbox";
import { loadMember, toMemberFacts, type ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, StewardError } from "./errors";
import { enforceHandOver } from "./resources";

export async function migrateMemberData(db: Db, actor: ActorContext, input: { fromMembershipId: string; toMembershipId: string }) {
  return db.$transaction(async (tx) => {
    const from = await loadMember(tx, actor, input.fromMembershipId);
    const to = await loadMember(tx, actor, input.toMembershipId);
    enforce(decideMigrateData(actor, toMemberFacts(from), { ...toMemberFacts(to), active: to.status === "ACTIVE" }), "Member", actor);
    // The recipient becomes Administrator of each resource: the hand-over rule, as on deletion,
    // with the recipient's place read from the database.
    await enforceHandOver(tx, actor, { capabilities: [] }, to.id);
    const owned = await tx.resource.findMany({
      where: { organizationId: actor.organizationId, ownerId: from.id },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    if (!owned.length) throw new StewardError("PRECONDITION_FAILED", `${from.user.name} owns no resources, so there is nothing to move.`);
    const resourceIds = owned.map((r) => r.id);
    const { count } = await tx.resource.updateMany({ where: { id: { in: resourceIds }, ownerId: from.id }, data: { ownerId: to.id } });
    await auditBy(tx, actor, {
      action: "member.migrateData",
      targetType: "Membership",
      targetId: from.id,
      before: { ownerId: from.id, owner: from.user.name },
      after: { ownerId: to.id, owner: to.user.name, count, resourceIds },
    });
    const admin = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    const common = { organizationName: actor.organizationName, adminName: admin.name, count, link: `${appUrl()}/o/${actor.organizationSlug}/resources` };
    await enqueueEmail(tx, {
      organizationId: actor.organizationId,
      to: from.user.email,
      message: { kind: "data-migrated", props: { ...common, side: "from", name: from.user.name, otherName: to.user.name } },
    });
    await enqueueEmail(tx, {
      organizationId: actor.organizationId,
      to: to.user.email,
      message: { kind: "data-migrated", props: { ...common, side: "to", name: to.user.name, otherName: from.user.name } },
    });
    return { count, from: from.user.name, to: to.user.name };
  });
}
