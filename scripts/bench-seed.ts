// The organization `npm run bench` measures (issue 16's scale), seeded with set-based SQL into
// a database migrated by the app's own migrations: one organization of 100,002 members in
// 2,000 groups eight levels deep, 50,000 resources, 1,000,000 grants and 2,000 teams (a
// tenth of each at the small scale), plus the actors the benchmark acts as.
//
// Ids look like the app's (25 characters) and are computed from a row's number, so that
// one statement can refer to rows another made: member n is `cmbr` + n + a hash of n.
import { createHash } from "node:crypto";
import type { Db } from "../server/db";
import { createOrganization } from "../server/services/setup";

export type Scale = {
  name: "full" | "small";
  /** Every membership, the owner and both Group Admins included. */
  members: number;
  groups: number;
  resources: number;
  grants: number;
  teams: number;
  /** Members in each team. */
  teamSize: number;
  /** The Group Admins' spans the seeding aims at (members in their subtree ranked below them). */
  groupAdminSpan: number;
  smallSpan: number;
  /** The page of the Data Admin's deep-page case (25 members a page). */
  deepPage: number;
};

export const SCALES: Record<Scale["name"], Scale> = {
  full: {
    name: "full",
    members: 100_002,
    groups: 2_000,
    resources: 50_000,
    grants: 1_000_000,
    teams: 2_000,
    teamSize: 20,
    groupAdminSpan: 11_000,
    smallSpan: 101,
    deepPage: 1000,
  },
  small: {
    name: "small",
    members: 10_000,
    groups: 200,
    resources: 5_000,
    grants: 100_000,
    teams: 200,
    teamSize: 20,
    groupAdminSpan: 1_100,
    smallSpan: 10,
    deepPage: 100,
  },
};

/** Levels below the root group: the root is depth 0, the deepest groups depth 7 (eight levels). */
const MAX_DEPTH = 7;
/** Groups directly under the root; each heads a subtree of about a ninth of the organization. */
const TOP_GROUPS = 9;
/** The rank of a Group Admin: spans count the members below it. */
const GROUP_ADMIN_RANK = 40;
const TYPES = ["server", "storage", "job", "task", "monitor", "endpoint"];
const FIRST =
  "Ada Ali Amir Ana Ben Bo Cai Chloé Dan Dee Eli Emma Eve Fay Finn Gus Hal Ida Iris Jo Juan Kai Lea Leo Lu Mia Mo Ned Noor Ola Pat Raj Rosa Sam Sara Tom Uma Vik Yan Zoe".split(
    " ",
  );
const LAST =
  "Abe Baker Berg Cho Costa Dahl Diaz Ek Falk Fox Garcia Gray Hahn Holm Ito Jones Kahn Kim Lang Lee Lind Lopez Moreau Morris Nagy Novak Olsen Park Patel Quinn Reyes Rossi Ruiz Sato Silva Smith Stone Tan Ueda Vance Vogel Wang Weber West Wolf Xu Young Zhang Ziegler Zola".split(
    " ",
  );
const RESOURCE_WORDS = "backup build cache db deploy etl gateway ingest mail metrics queue report search storage sync web".split(" ");

/** SQL for the id of row n (an SQL expression) of a table, as the seeding names it. */
const sqlId = (prefix: string, n: string) => `('${prefix}' || lpad((${n})::text, 8, '0') || substr(md5('${prefix}' || (${n})::text), 1, 13))`;
const tsId = (prefix: string, n: number) =>
  `${prefix}${String(n).padStart(8, "0")}${createHash("md5")
    .update(prefix + n)
    .digest("hex")
    .slice(0, 13)}`;

type TreeGroup = { id: string; parent: number | null; depth: number; path: string };

/**
 * The group tree: TOP_GROUPS under the root, then breadth first with `b` children a group on
 * average (node i's parent is 1 + (i - 1 - TOP_GROUPS) / b), with the smallest b that keeps
 * the tree within MAX_DEPTH, so the deepest level is reached and partly filled.
 */
function groupTree(rootId: string, count: number): TreeGroup[] {
  for (let b = 1; ; b += 0.01) {
    const tree: TreeGroup[] = [{ id: rootId, parent: null, depth: 0, path: `/${rootId}/` }];
    for (let i = 1; i < count; i++) {
      const parent = i <= TOP_GROUPS ? 0 : 1 + Math.floor((i - 1 - TOP_GROUPS) / b);
      const id = tsId("cgrp", i);
      tree.push({ id, parent, depth: tree[parent]!.depth + 1, path: `${tree[parent]!.path}${id}/` });
    }
    if (tree.every((g) => g.depth <= MAX_DEPTH)) return tree;
  }
}

export type Seeded = {
  organizationId: string;
  slug: string;
  rootGroupId: string;
  owner: { userId: string };
  groupAdmin: { userId: string; span: number };
  groupAdminSmallSpan: { userId: string; span: number };
  user: { userId: string; membershipId: string; groupDepth: number };
  counts: { members: number; groups: number; levels: number; resources: number; grants: number; teams: number; teamMembers: number };
};

export async function seedBench(db: Db, scale: Scale): Promise<Seeded> {
  const org = await db.$transaction((tx) =>
    createOrganization(tx, { name: "Bench", owner: { email: "owner@bench.test", name: "Olive Owner", passwordHash: "x", mustChangePassword: false } }),
  );
  const o = org.organizationId;
  const tree = groupTree(org.rootGroupId, scale.groups);
  for (let i = 1; i < tree.length; i += 5000) {
    await db.group.createMany({
      data: tree.slice(i, i + 5000).map((g, j) => ({
        id: g.id,
        organizationId: o,
        parentId: tree[g.parent!]!.id,
        name: `Group ${i + j}`,
        path: g.path,
        depth: g.depth,
      })),
    });
  }
  const groupIds = tree.map((g) => g.id);
  const roles = await db.role.findMany({ where: { organizationId: o }, orderBy: { rank: "asc" } });
  const userRole = roles.find((r) => r.builtInKey === "user")!;
  const groupAdminRole = roles.find((r) => r.builtInKey === "group_admin")!;
  const otherRoles = roles.filter((r) => r.id !== userRole.id).map((r) => r.id);

  // Bulk members 0..bulk-1: nine in ten are Users, the rest spread over the other roles; one
  // in 23 disabled; home groups round-robin over the whole tree.
  const bulk = scale.members - 3;
  const member = (n: string) => sqlId("cmbr", n);
  await db.$executeRawUnsafe(
    `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt", "updatedAt")
     SELECT ${sqlId("cusr", "n")}, 'member' || n || '@bench.test',
       ($1::text[])[1 + n % ${FIRST.length}] || ' ' || ($2::text[])[1 + (n / ${FIRST.length}) % ${LAST.length}], 'x', now(), now()
     FROM generate_series(0, ${bulk - 1}) n`,
    FIRST,
    LAST,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Membership" (id, "userId", "organizationId", "groupId", "roleId", status, "createdAt", "updatedAt")
     SELECT ${member("n")}, ${sqlId("cusr", "n")}, $1, ($2::text[])[1 + n % ${groupIds.length}],
       CASE WHEN n % 10 <> 0 THEN $3 ELSE ($4::text[])[1 + (n / 10) % ${otherRoles.length}] END,
       (CASE WHEN n % 23 = 0 THEN 'DISABLED' ELSE 'ACTIVE' END)::"MembershipStatus", now() - (n % 5000) * interval '1 hour', now()
     FROM generate_series(0, ${bulk - 1}) n`,
    o,
    groupIds,
    userRole.id,
    otherRoles,
  );

  await db.$executeRawUnsafe(
    `INSERT INTO "Team" (id, "organizationId", name, "createdAt") SELECT ${sqlId("ctm", "t")}, $1, 'Team ' || t, now() FROM generate_series(0, ${scale.teams - 1}) t`,
    o,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "TeamMember" ("teamId", "membershipId", "addedAt")
     SELECT ${sqlId("ctm", "t")}, ${member(`((t * ${scale.teamSize} + k)::bigint * 7919) % ${bulk}`)}, now()
     FROM generate_series(0, ${scale.teams - 1}) t, generate_series(0, ${scale.teamSize - 1}) k
     ON CONFLICT DO NOTHING`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Resource" (id, "organizationId", type, name, description, "ownerId", private, "createdAt", "updatedAt")
     SELECT ${sqlId("cres", "n")}, $1, ($2::text[])[1 + n % ${TYPES.length}], ($3::text[])[1 + (n * 7) % ${RESOURCE_WORDS.length}] || '-' || lpad(n::text, 6, '0'),
       '', ${member(`(n::bigint * 13) % ${bulk}`)}, n % 10 = 0, now(), now()
     FROM generate_series(0, ${scale.resources - 1}) n`,
    o,
    TYPES,
    RESOURCE_WORDS,
  );
  // The k-th grant of resource r: six in ten to a member, three to a team, one to a group
  // (never the root: it would reach everyone). The strides keep each resource's principals
  // distinct, so every grant is inserted.
  const perResource = Math.round(scale.grants / scale.resources);
  await db.$executeRawUnsafe(
    `INSERT INTO "Grant" (id, "organizationId", "resourceId", kind, "principalKey", "membershipId", "teamId", "groupId", capabilities, "createdAt", "updatedAt")
     SELECT ${sqlId("cgnt", `x.r * ${perResource} + x.k`)}, $1, ${sqlId("cres", "x.r")}, x.kind::"PrincipalKind",
       lower(x.kind) || ':' || coalesce(x.mid, x.tid, x.gid), x.mid, x.tid, x.gid,
       CASE (x.r + x.k) % 3 WHEN 0 THEN ARRAY['view','run'] WHEN 1 THEN ARRAY['view'] ELSE ARRAY['data','share'] END, now(), now()
     FROM (
       SELECT r, k,
         CASE WHEN k % 10 < 6 THEN 'MEMBER' WHEN k % 10 < 9 THEN 'TEAM' ELSE 'GROUP' END AS kind,
         CASE WHEN k % 10 < 6 THEN ${member(`(r::bigint * 131 + k * 7919) % ${bulk}`)} END AS mid,
         CASE WHEN k % 10 BETWEEN 6 AND 8 THEN ${sqlId("ctm", `(r * 17 + k * 31) % ${scale.teams}`)} END AS tid,
         CASE WHEN k % 10 = 9 THEN ($2::text[])[2 + (r + k) % ${groupIds.length - 1}] END AS gid
       FROM generate_series(0, ${scale.resources - 1}) r, generate_series(0, ${perResource - 1}) k
     ) x
     ON CONFLICT DO NOTHING`,
    o,
    groupIds,
  );

  // The Group Admins: homes whose span (members of the subtree ranked below a Group Admin)
  // is nearest the scale's targets.
  const perGroup = await db.$queryRawUnsafe<Array<{ groupId: string; n: number }>>(
    `SELECT m."groupId", count(*)::int AS n FROM "Membership" m JOIN "Role" ro ON ro.id = m."roleId"
     WHERE m."organizationId" = $1 AND ro.rank < ${GROUP_ADMIN_RANK} GROUP BY m."groupId"`,
    o,
  );
  const index = new Map(tree.map((g, i) => [g.id, i]));
  const spans = tree.map(() => 0);
  for (const g of perGroup) {
    for (let at: number | null = index.get(g.groupId)!; at !== null; at = tree[at]!.parent) spans[at]! += g.n;
  }
  const nearest = (target: number) => {
    let best = 1;
    for (let i = 1; i < tree.length; i++) if (Math.abs(spans[i]! - target) < Math.abs(spans[best]! - target)) best = i;
    return best;
  };
  const groupAdminOf = async (email: string, name: string, target: number) => {
    const at = nearest(target);
    const user = await db.user.create({ data: { email, name, passwordHash: "x" } });
    await db.membership.create({ data: { userId: user.id, organizationId: o, groupId: tree[at]!.id, roleId: groupAdminRole.id } });
    return { userId: user.id, span: spans[at]! };
  };
  const groupAdmin = await groupAdminOf("ga@bench.test", "Gary Admin", scale.groupAdminSpan);
  const groupAdminSmallSpan = await groupAdminOf("ga-small@bench.test", "Gwen Admin", scale.smallSpan);

  // The User: an active end user four levels down (a grant chain of four groups), in no team
  // and owning nothing, who sees about 200 resources through grants alone.
  const [user] = await db.$queryRawUnsafe<Array<{ membershipId: string; userId: string; depth: number }>>(
    `SELECT m.id AS "membershipId", m."userId", g.depth FROM "Membership" m JOIN "Group" g ON g.id = m."groupId"
     WHERE m."organizationId" = $1 AND m."roleId" = $2 AND m.status = 'ACTIVE' AND g.depth = 4
       AND NOT EXISTS (SELECT 1 FROM "TeamMember" tm WHERE tm."membershipId" = m.id)
       AND NOT EXISTS (SELECT 1 FROM "Resource" r WHERE r."ownerId" = m.id)
     ORDER BY m.id LIMIT 1`,
    o,
    userRole.id,
  );
  if (!user) throw new Error("The seeding found no end user to act as.");

  const [counts] = await db.$queryRawUnsafe<Array<Seeded["counts"]>>(
    `SELECT (SELECT count(*)::int FROM "Membership" WHERE "organizationId" = $1) AS members,
       (SELECT count(*)::int FROM "Group" WHERE "organizationId" = $1) AS groups,
       (SELECT max(depth)::int + 1 FROM "Group" WHERE "organizationId" = $1) AS levels,
       (SELECT count(*)::int FROM "Resource" WHERE "organizationId" = $1) AS resources,
       (SELECT count(*)::int FROM "Grant" WHERE "organizationId" = $1) AS grants,
       (SELECT count(*)::int FROM "Team" WHERE "organizationId" = $1) AS teams,
       (SELECT count(*)::int FROM "TeamMember") AS "teamMembers"`,
    o,
  );
  return {
    organizationId: o,
    slug: org.slug,
    rootGroupId: org.rootGroupId,
    owner: { userId: org.userId },
    groupAdmin,
    groupAdminSmallSpan,
    user: { userId: user.userId, membershipId: user.membershipId, groupDepth: user.depth },
    counts: counts!,
  };
}
