// Facts for the "last active holder of the top role" rail (rule 6), read under a lock so that two
// concurrent changes cannot each see another holder and together remove the last one.
import type { Tx } from "../db";

/**
 * The decisions refuse when `activeHoldersOfTargetRole <= 1`, reading it as "the target and
 * nobody else": so the target counts as one whatever its status, and the others only when
 * active. A disabled Data Admin is not the last active holder while the owner is active.
 */
export async function topRoleFacts(tx: Tx, organizationId: string, target: { id: string; roleId: string }) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`top-role:${organizationId}`}))`;
  const top = await tx.role.aggregate({ where: { organizationId }, _max: { rank: true } });
  const otherActiveHolders = await tx.membership.count({ where: { roleId: target.roleId, status: "ACTIVE", NOT: { id: target.id } } });
  return { topRank: top._max.rank ?? 0, activeHoldersOfTargetRole: otherActiveHolders + 1 };
}
