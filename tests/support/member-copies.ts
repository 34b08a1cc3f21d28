// What the database keeps for member lists (migration member_list_keys), checked against what
// it is kept from: each membership's copies of its user, group and role, and the tallies of
// members per group, role and status. Null when they agree; else the first disagreements.
import type { Db } from "@/server/db";

export async function memberCopiesDrift(db: Db, organizationId: string): Promise<string | null> {
  const copies = await db.$queryRaw<Array<{ id: string }>>`
    SELECT m.id FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "Group" g ON g.id = m."groupId" JOIN "Role" r ON r.id = m."roleId"
    WHERE m."organizationId" = ${organizationId}
      AND (m."userName" <> u.name OR m."userEmail" <> u.email OR m."userUsername" IS DISTINCT FROM u.username
        OR m."groupPath" <> g.path OR m."groupName" <> g.name OR m."roleRank" <> r.rank)
    LIMIT 5`;
  if (copies.length) return `memberships whose copies differ from their user, group or role: ${copies.map((c) => c.id).join(", ")}`;
  const tallies = await db.$queryRaw<Array<{ groupId: string; roleId: string; status: string; kept: number; counted: number }>>`
    SELECT COALESCE(t."groupId", c."groupId") AS "groupId", COALESCE(t."roleId", c."roleId") AS "roleId", COALESCE(t.status, c.status)::text AS status,
      COALESCE(t.count, 0) AS kept, COALESCE(c.n, 0)::int AS counted
    FROM (SELECT * FROM "MemberTally" WHERE "organizationId" = ${organizationId}) t
    FULL JOIN (SELECT "groupId", "roleId", status, count(*) AS n FROM "Membership" WHERE "organizationId" = ${organizationId} GROUP BY 1, 2, 3) c
      ON c."groupId" = t."groupId" AND c."roleId" = t."roleId" AND c.status = t.status
    WHERE COALESCE(t.count, 0) <> COALESCE(c.n, 0)
      OR t."groupPath" IS DISTINCT FROM (SELECT g.path FROM "Group" g WHERE g.id = t."groupId")
    LIMIT 5`;
  if (tallies.length)
    return `member tallies that differ from a count (or their group's path): ${tallies.map((t) => `${t.groupId}/${t.roleId}/${t.status} kept ${t.kept}, counted ${t.counted}`).join("; ")}`;
  return null;
}
