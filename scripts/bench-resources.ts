// Measures resource visibility (DESIGN.md: "a million grants") with the pages' own queries.
//   npm run bench:resources -- [--members 20000] [--resources 50000] [--grants 1000000] [--runs 7] [--url postgres://...]
// Grants: 60% to members, 30% to teams (500 teams of 20), 10% to groups. Prints the median
// and worst time of each query and the process's memory. Also rule 4's side path: adding a
// member to a team that holds Run on 5,000 resources the owner administers, with the check
// of services/side-paths.ts and with the one it replaced (one access check per resource).
import { parseArgs } from "node:util";
import { decideGrantChange, type Decision } from "../server/authz";
import { createDb, type Db } from "../server/db";
import { applyMigrations } from "../server/db/schema-engine";
import { accessOf, actorSubject, resourceInclude, toResourceFacts } from "../server/services/access";
import { loadActor, type ActorContext } from "../server/services/actor";
import { listActivity, runsReport } from "../server/services/activity";
import { listResources } from "../server/services/resources";
import { createOrganization } from "../server/services/setup";
import { decideGainedGrants } from "../server/services/side-paths";
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
const SIDE_PATH_GRANTS = Math.min(5000, RESOURCES);

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
  // Rule 4's side path: the owner administers res0.. directly, and a team (no members) holds Run on each.
  const owner = await db.membership.findFirstOrThrow({ where: { organizationId: o, isOwner: true } });
  await db.team.create({ data: { id: "team-side", organizationId: o, name: "Side path" } });
  await db.$executeRawUnsafe(
    `INSERT INTO "Grant" (id, "organizationId", "resourceId", kind, "principalKey", "membershipId", capabilities, "createdAt", "updatedAt")
     SELECT 'side-m' || n, '${o}', 'res' || n, 'MEMBER', 'member:${owner.id}', '${owner.id}', ARRAY['view','run','edit','data','share','admin'], now(), now()
     FROM generate_series(0, ${SIDE_PATH_GRANTS - 1}) n`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Grant" (id, "organizationId", "resourceId", kind, "principalKey", "teamId", capabilities, "createdAt", "updatedAt")
     SELECT 'side-t' || n, '${o}', 'res' || n, 'TEAM', 'team:team-side', 'team-side', ARRAY['view','run'], now(), now()
     FROM generate_series(0, ${SIDE_PATH_GRANTS - 1}) n`,
  );
  return { slug: org.slug, orgId: o, ownerUserId: org.userId };
}

/** The side-path check before it screened in SQL: every gained grant loaded, one access check per resource. Kept to compare. */
async function perResourceGainedGrants(db: Db, actor: ActorContext, teamId: string): Promise<Decision> {
  const grants = await db.grant.findMany({ where: { organizationId: actor.organizationId, teamId }, include: { resource: { include: resourceInclude } } });
  const subject = await actorSubject(db, actor);
  const accessByResource = new Map<string, Awaited<ReturnType<typeof accessOf>>>();
  for (const g of grants) {
    const access = accessByResource.get(g.resourceId) ?? (await accessOf(db, subject, g.resource));
    accessByResource.set(g.resourceId, access);
    const decision = decideGrantChange(access, toResourceFacts(g.resource), { after: g.capabilities });
    if (!decision.allowed) return decision;
  }
  return { allowed: true, reason: "" };
}

/** Runs a side-path check that must allow, and reports how many grants it passed on. */
async function allowedSidePath(check: Promise<Decision>) {
  const decision = await check;
  if (!decision.allowed) throw new Error(`The side-path bench expected an allowed check: ${decision.reason}`);
  return { total: SIDE_PATH_GRANTS };
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
    const owner: ActorContext = await loadActor(db, s.ownerUserId, s.slug);
    await db.membership.update({ where: { id: "mbr7" }, data: { resourceScope: ["res0", "res1", "res6"] } });
    const page = { page: 1, pageSize: 25 };
    const cases: Array<[string, () => Promise<{ total: number } | unknown>, number?]> = [
      ["User: resources page 1", () => listResources(db, user, page)],
      ["User: page 3", () => listResources(db, user, { ...page, page: 3 })],
      ["User: search “resource-00”", () => listResources(db, user, { ...page, search: "resource-00" })],
      ["User with scope: page 1", () => listResources(db, scoped, page)],
      ["Admin (sees all): page 1", () => listResources(db, admin, page)],
      ["Admin (sees all): page 1000", () => listResources(db, admin, { ...page, page: 1000 })],
      ["Admin: jobs only, page 1", () => listResources(db, admin, { ...page, type: "job" })],
      ["User: activity page 1", () => listActivity(db, user, { page: 1, pageSize: 20 })],
      ["User: runs report, 30 days", () => runsReport(db, user, { days: 30, sort: "failed", page: 1, pageSize: 25 })],
      ["Admin: runs report, 30 days", () => runsReport(db, admin, { days: 30, sort: "failed", page: 1, pageSize: 25 })],
      [
        "User: effective access to one resource",
        async () => {
          const subject = await actorSubject(db, user);
          const r = await db.resource.findFirstOrThrow({ where: { id: "res5" }, include: resourceInclude });
          return accessOf(db, subject, r);
        },
      ],
      ["Side path: add to a team, 5,000 grants", () => allowedSidePath(decideGainedGrants(db, owner, { teamIds: ["team-side"] }, "Adding"))],
      // Seconds per run: two timed runs are enough.
      ["  the same, one check per resource (old)", () => allowedSidePath(perResourceGainedGrants(db, owner, "team-side")), Math.min(RUNS, 2)],
    ];
    console.log(`\n${"query".padEnd(42)} ${"rows".padStart(7)} ${"median ms".padStart(10)} ${"worst ms".padStart(9)}`);
    for (const [label, run, runs = RUNS] of cases) {
      const first = (await run()) as { total?: number };
      const t = await timeRuns(runs, run);
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
