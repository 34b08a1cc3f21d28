// Measures resource visibility (DESIGN.md: "a million grants") with the pages' own queries.
//   npm run bench:resources -- [--members 20000] [--resources 50000] [--grants 1000000] [--runs 7] [--url postgres://...]
// Grants: 60% to members, 30% to teams (500 teams of 20), 10% to groups. Prints the median
// and worst time of each query and the process's memory.
import { parseArgs } from "node:util";
import { createDb, type Db } from "../server/db";
import { applyMigrations } from "../server/db/schema-engine";
import { accessOf, actorSubject, resourceInclude } from "../server/services/access";
import { loadActor, type ActorContext } from "../server/services/actor";
import { listActivity } from "../server/services/activity";
import { listResources } from "../server/services/resources";
import { createOrganization } from "../server/services/setup";
import { openBenchDatabase, printRow, timeRuns } from "./bench-support";

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "20000" },
    resources: { type: "string", default: "50000" },
    grants: { type: "string", default: "1000000" },
    runs: { type: "string", default: "7" },
    url: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const MEMBERS = Number(values.members);
const RESOURCES = Number(values.resources);
const GRANTS = Number(values.grants);
const RUNS = Number(values.runs);
const TEAMS = 500;
const GROUPS = 200;
const TYPES = ["server", "storage", "job", "task", "monitor", "endpoint"];

async function seed(db: Db) {
  const org = await db.$transaction((tx) =>
    createOrganization(tx, { name: "Bench", owner: { email: "owner@bench.test", name: "Owner", passwordHash: "x", mustChangePassword: false } }),
  );
  const o = org.organizationId;
  const roles = await db.role.findMany({ where: { organizationId: o } });
  const role = (key: string) => roles.find((r) => r.builtInKey === key)!.id;
  // Groups: a two-level tree under the root.
  const groups = [{ id: org.rootGroupId, path: `/${org.rootGroupId}/` }];
  for (let i = 1; i < GROUPS; i++) {
    const parent = i < 20 ? groups[0]! : groups[1 + (i % 19)]!;
    groups.push({ id: `grp${i}`, path: `${parent.path}grp${i}/` });
  }
  await db.group.createMany({
    data: groups.slice(1).map((g, i) => ({
      id: g.id,
      organizationId: o,
      parentId: g.path.split("/").filter(Boolean).slice(-2, -1)[0]!,
      name: `Group ${i + 1}`,
      path: g.path,
      depth: g.path.split("/").length - 3,
    })),
  });
  for (let i = 0; i < MEMBERS; i += 5000) {
    const batch = Array.from({ length: Math.min(5000, MEMBERS - i) }, (_, k) => i + k);
    await db.user.createMany({ data: batch.map((n) => ({ id: `usr${n}`, email: `member${n}@bench.test`, name: `Member ${n}` })) });
    await db.membership.createMany({
      data: batch.map((n) => ({
        id: `mbr${n}`,
        userId: `usr${n}`,
        organizationId: o,
        groupId: groups[n % GROUPS]!.id,
        roleId: n === 1 ? role("admin") : role("user"),
      })),
    });
  }
  await db.team.createMany({ data: Array.from({ length: TEAMS }, (_, t) => ({ id: `team${t}`, organizationId: o, name: `Team ${t}` })) });
  await db.$executeRawUnsafe(
    `INSERT INTO "TeamMember" ("teamId", "membershipId") SELECT 'team' || (n % ${TEAMS}), 'mbr' || ((n * 7) % ${MEMBERS}) FROM generate_series(0, ${TEAMS * 20 - 1}) n ON CONFLICT DO NOTHING`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Resource" (id, "organizationId", type, name, description, "ownerId", private, "createdAt", "updatedAt")
     SELECT 'res' || n, '${o}', (ARRAY['${TYPES.join("','")}'])[1 + n % ${TYPES.length}], 'resource-' || lpad(n::text, 6, '0'), '', 'mbr' || (n % ${MEMBERS}), n % 10 = 0, now(), now()
     FROM generate_series(0, ${RESOURCES - 1}) n`,
  );
  // Grants per resource: k-th grant of resource r goes to a member, a team or a group by k.
  const perResource = Math.max(1, Math.round(GRANTS / RESOURCES));
  await db.$executeRawUnsafe(
    `INSERT INTO "Grant" (id, "organizationId", "resourceId", kind, "principalKey", "membershipId", "teamId", "groupId", capabilities, "createdAt", "updatedAt")
     SELECT 'gr' || r || '_' || k, '${o}', 'res' || r,
       (CASE WHEN k % 10 < 6 THEN 'MEMBER' WHEN k % 10 < 9 THEN 'TEAM' ELSE 'GROUP' END)::"PrincipalKind",
       CASE WHEN k % 10 < 6 THEN 'member:mbr' || ((r * 131 + k * 7919) % ${MEMBERS}) WHEN k % 10 < 9 THEN 'team:team' || ((r * 17 + k * 31) % ${TEAMS}) ELSE 'group:grp' || (1 + (r + k) % ${GROUPS - 1}) END,
       CASE WHEN k % 10 < 6 THEN 'mbr' || ((r * 131 + k * 7919) % ${MEMBERS}) END,
       CASE WHEN k % 10 BETWEEN 6 AND 8 THEN 'team' || ((r * 17 + k * 31) % ${TEAMS}) END,
       CASE WHEN k % 10 = 9 THEN 'grp' || (1 + (r + k) % ${GROUPS - 1}) END,
       CASE (r + k) % 3 WHEN 0 THEN ARRAY['view','run'] WHEN 1 THEN ARRAY['view'] ELSE ARRAY['data','share'] END, now(), now()
     FROM generate_series(0, ${RESOURCES - 1}) r, generate_series(0, ${perResource - 1}) k
     ON CONFLICT DO NOTHING`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "ResourceActivity" (id, "organizationId", "resourceId", "actorName", action, result, at, day)
     SELECT 'act' || n, '${o}', 'res' || ((n * 37) % ${RESOURCES}), 'Member', 'run', (ARRAY['SUCCEEDED','SUCCEEDED','FAILED','RUNNING'])[1 + n % 4], now() - (n % 14) * interval '1 day', to_char(now() - (n % 14) * interval '1 day', 'YYYY-MM-DD')
     FROM generate_series(0, 199999) n`,
  );
  return { slug: org.slug, orgId: o };
}

async function main() {
  const { conn, drop } = await openBenchDatabase(values.url, values.keep);
  try {
    await applyMigrations(conn.factory);
    const db = createDb(conn);
    const t0 = performance.now();
    const s = await seed(db);
    const grants = await db.grant.count();
    console.log(
      `${conn.kind}: seeded ${MEMBERS} members, ${RESOURCES} resources, ${grants} grants, 200,000 activity rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    await db.$executeRawUnsafe("ANALYZE");
    const member = async (n: number) => loadActor(db, `usr${n}`, s.slug);
    const user: ActorContext = await member(5);
    const admin: ActorContext = await member(1);
    const scoped: ActorContext = await member(7);
    await db.membership.update({ where: { id: "mbr7" }, data: { resourceScope: ["res0", "res1", "res6"] } });
    const page = { page: 1, pageSize: 25 };
    const cases: Array<[string, () => Promise<{ total: number } | unknown>]> = [
      ["User: resources page 1", () => listResources(db, user, page)],
      ["User: page 3", () => listResources(db, user, { ...page, page: 3 })],
      ["User: search “resource-00”", () => listResources(db, user, { ...page, search: "resource-00" })],
      ["User with scope: page 1", () => listResources(db, scoped, page)],
      ["Admin (sees all): page 1", () => listResources(db, admin, page)],
      ["Admin (sees all): page 1000", () => listResources(db, admin, { ...page, page: 1000 })],
      ["Admin: jobs only, page 1", () => listResources(db, admin, { ...page, type: "job" })],
      ["User: activity page 1", () => listActivity(db, user, { page: 1, pageSize: 20 })],
      [
        "User: effective access to one resource",
        async () => {
          const subject = await actorSubject(db, user);
          const r = await db.resource.findFirstOrThrow({ where: { id: "res5" }, include: resourceInclude });
          return accessOf(db, subject, r);
        },
      ],
    ];
    console.log(`\n${"query".padEnd(42)} ${"rows".padStart(7)} ${"median ms".padStart(10)} ${"worst ms".padStart(9)}`);
    for (const [label, run] of cases) {
      const first = (await run()) as { total?: number };
      const t = await timeRuns(RUNS, run);
      printRow(label, first.total ?? "-", t);
    }
    const mem = process.memoryUsage();
    console.log(`\nmemory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
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
