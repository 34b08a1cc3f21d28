// Facts for the "last holder of the top role" rail (rule 6), read under a lock so that two
// concurrent changes cannot each see another holder and together remove the last one.
import type { Tx } from "../db";

export async function topRoleFacts(tx: Tx, organizationId: string, targetRoleId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`top-role:${organizationId}`}))`;
  const top = await tx.role.aggregate({ where: { organizationId }, _max: { rank: true } });
  const activeHoldersOfTargetRole = await tx.membership.count({ where: { roleId: targetRoleId, status: "ACTIVE" } });
  return { topRank: top._max.rank ?? 0, activeHoldersOfTargetRole };
}
