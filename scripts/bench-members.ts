// Measures the members list (the page's query) on a large organization.
//   npm run bench:members -- [--members 100000] [--groups 1000] [--runs 7] [--url postgres://...]
// Without --url: in-memory PGlite. With --url: a throwaway database on that server.
// Prints the median and worst time of each query shape, and the process's memory.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDb, type Db } from "../server/db";
import { applyMigrations } from "../server/db/schema-engine";
import { loadActor, type ActorContext } from "../server/services/actor";
import { listMembers, type ListMembersInput } from "../server/services/members";
import { createOrganization } from "../server/services/setup";
import { openBenchDatabase, printRow, timeRuns } from "./bench-support";

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "100000" },
    groups: { type: "string", default: "1000" },
    runs: { type: "string", default: "7" },
    url: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const MEMBERS = Number(values.members);
const GROUPS = Number(values.groups);
const RUNS = Number(values.runs);

// A tree where each group's parent is an earlier group, five levels deep at most.
async function seed(db: Db) {
  const org = await db.$transaction((tx) =>
    createOrganization(tx, { name: "Bench", owner: { email: "owner@bench.test", name: "Owner", passwordHash: "x", mustChangePassword: false } }),
  );
  const groups: Array<{ id: string; path: string; depth: number }> = [{ id: org.rootGroupId, path: `/${org.rootGroupId}/`, depth: 0 }];
  for (let i = 1; i < GROUPS; i++) {
    const candidates = groups.filter((g) => g.depth < 5);
    const parent = candidates[(i * 7919) % candidates.length]!;
    const id = `g${i.toString(36).padStart(8, "0")}bench${randomBytes(3).toString("hex")}`;
    groups.push({ id, path: `${parent.path}${id}/`, depth: parent.depth + 1 });
  }
  const parentOf = (path: string) => path.split("/").filter(Boolean).slice(-2, -1)[0] ?? null;
  for (let i = 1; i < groups.length; i += 2000) {
    await db.group.createMany({
      data: groups
        .slice(i, i + 2000)
        .map((g, j) => ({ id: g.id, organizationId: org.organizationId, parentId: parentOf(g.path), name: `Group ${i + j}`, path: g.path, depth: g.depth })),
    });
  }
  const roles = await db.role.findMany({ where: { organizationId: org.organizationId }, orderBy: { rank: "asc" } });
  const FIRST = ["Ana", "Bo", "Cai", "Dee", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo", "Kai", "Lu", "Mo", "Ned", "Ola", "Pat"];
  for (let i = 0; i < MEMBERS; i += 5000) {
    const batch = Array.from({ length: Math.min(5000, MEMBERS - i) }, (_, k) => i + k);
    const users = batch.map((n) => ({
      id: `u${n.toString(36).padStart(10, "0")}bench`,
      email: `member${n}@bench.test`,
      name: `${FIRST[n % FIRST.length]} Member${n}`,
    }));
    await db.user.createMany({ data: users });
    await db.membership.createMany({
      data: batch.map((n, k) => ({
        userId: users[k]!.id,
        organizationId: org.organizationId,
        groupId: groups[(n * 31) % groups.length]!.id,
        // Nine in ten are end users, the rest spread over the other roles.
        roleId: (n % 10 ? roles[0] : roles[n % roles.length])!.id,
        status: n % 23 === 0 ? ("DISABLED" as const) : ("ACTIVE" as const),
      })),
    });
  }
  // A Group Admin at the head of a depth-1 subtree, to measure subtree-scoped lists.
  const head = groups.find((g) => g.depth === 1)!;
  const gaRole = roles.find((r) => r.builtInKey === "group_admin")!;
  const ga = await db.user.create({ data: { email: "ga@bench.test", name: "Group Admin" } });
  await db.membership.create({ data: { userId: ga.id, organizationId: org.organizationId, groupId: head.id, roleId: gaRole.id } });
  return { org, owner: org.userId, groupAdmin: ga.id, subtreeHead: head.id, userRole: roles[0]!.id, midGroup: groups[Math.floor(groups.length / 3)]!.id };
}

async function main() {
  const { conn, drop } = await openBenchDatabase(values.url, values.keep);
  try {
    await applyMigrations(conn.factory);
    const db = createDb(conn);
    const t0 = performance.now();
    const s = await seed(db);
    console.log(`${conn.kind}: seeded ${MEMBERS} members in ${GROUPS} groups in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const seeded = process.memoryUsage().rss;
    // Fresh statistics, as autovacuum would have gathered on a live database.
    await db.$executeRawUnsafe("ANALYZE");
    const owner: ActorContext = await loadActor(db, s.owner, s.org.slug);
    const ga: ActorContext = await loadActor(db, s.groupAdmin, s.org.slug);
    const base: ListMembersInput = { page: 1, pageSize: 25, sort: "name", direction: "asc" };
    const cases: Array<[string, ActorContext, ListMembersInput]> = [
      ["Data Admin, page 1 by name", owner, base],
      ["Data Admin, page 1 by role", owner, { ...base, sort: "role", direction: "desc" }],
      ["Data Admin, page 1000 by name", owner, { ...base, page: 1000 }],
      ["Data Admin, search “member4242”", owner, { ...base, search: "member4242" }],
      ["Data Admin, group subtree filter", owner, { ...base, groupId: s.subtreeHead }],
      ["Data Admin, role + status filter", owner, { ...base, roleId: s.userRole, status: "DISABLED" }],
      ["Group Admin (subtree), page 1", ga, base],
      ["Group Admin (subtree), search “ana”", ga, { ...base, search: "ana" }],
    ];
    console.log(`\n${"query".padEnd(40)} ${"rows".padStart(7)} ${"median ms".padStart(10)} ${"worst ms".padStart(9)}`);
    for (const [label, actor, input] of cases) {
      const { total } = await listMembers(db, actor, input);
      const t = await timeRuns(RUNS, () => listMembers(db, actor, input));
      printRow(label, total, t, 40);
    }
    const mem = process.memoryUsage();
    console.log(
      `\nmemory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB after the queries (${(seeded / 2 ** 20).toFixed(0)} MiB after seeding), heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
    await db.$disconnect();
  } finally {
    await conn.close();
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
