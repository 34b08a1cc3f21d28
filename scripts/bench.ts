// npm run bench: issue 16's measurements in one run. Seeds the organization of bench-seed.ts
// into a throwaway database on the PostgreSQL server of DATABASE_URL, then reports p50/p95/p99
// of the list pages and decisions in process (the services, as real actors), HTTP throughput
// and p95 of the app under autocannon with real session cookies, the server's peak RSS, and
// node-casbin, CASL and a primary-key query beside them. Timings are reported, never asserted;
// the run fails on any error, a refused request or a missing row.
//   npm run bench -- [--scale full|small] [--runs 100] [--duration S] [--warmup S] [--json FILE] [--keep] [--build]
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { decideSee } from "../server/authz";
import { createDb, type Db } from "../server/db";
import { applyMigrations } from "../server/db/schema-engine";
import { loadActor, memberFactsInclude, toMemberFacts, type ActorContext } from "../server/services/actor";
import { listMembers, memberPickerOptions, type ListMembersInput } from "../server/services/members";
import { listResources } from "../server/services/resources";
import { checkAnswers, ensureBuild, load, sampleRss, sessionCookie, startApp, trpcUrl, type AppServer, type Target } from "./bench-http";
import { caslAbility, caslMember, casbinEnforcer } from "./bench-peers";
import { SCALES, seedBench, type Scale, type Seeded } from "./bench-seed";
import { cleanUpOnSignal, openBenchDatabase, timePercentiles } from "./bench-support";

/** Every row a run must report (issue 16), in the order printed; `casl can` and `authz decideSee` are extras. */
const REQUIRED_ROWS = [
  "members.list groupAdmin",
  "members.list groupAdminSmallSpan",
  "members.list dataAdmin page1",
  "members.list dataAdmin deepPage",
  "resources.list user",
  "resources.list owner",
  "members.options groupAdmin",
  "pk query",
  "casbin enforce",
  "http members.list",
  "http resources.list",
  "http account.me",
  "http noDb",
  "rss peak",
] as const;

type Row = { name: string; p50Ms: number; p95Ms: number; p99Ms: number } | { name: string; reqPerSec: number; p95Ms: number } | { name: string; mb: number };

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "full" },
    runs: { type: "string", default: "100" },
    duration: { type: "string" },
    warmup: { type: "string" },
    json: { type: "string" },
    keep: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
  },
});

function options() {
  const scale = SCALES[values.scale as Scale["name"]];
  if (!scale) throw new Error(`--scale is full or small, not "${values.scale}"`);
  const runs = Number(values.runs);
  const duration = Number(values.duration ?? (scale.name === "full" ? 15 : 3));
  // A server that has just started runs its request path in V8's first tiers until it has been
  // called enough: a long-running one does not. Each route is loaded first, unreported.
  const warmup = Number(values.warmup ?? (scale.name === "full" ? 5 : 1));
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}"`);
  if (!Number.isFinite(duration) || duration < 1) throw new Error(`--duration must be at least 1 second, not "${values.duration}"`);
  if (!Number.isFinite(warmup) || warmup < 1) throw new Error(`--warmup must be at least 1 second, not "${values.warmup}"`);
  return { scale, runs, duration, warmup };
}

const thousands = (n: number) => n.toLocaleString("en-US");
const ms = (x: number) => (x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));
const round = (x: number) => Math.round(x * 1000) / 1000;
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** The rows as the table prints them, each with a note (rows found, what was asked). */
function printRow(row: Row, note: string) {
  const cells =
    "p50Ms" in row
      ? [ms(row.p50Ms), ms(row.p95Ms), ms(row.p99Ms)]
      : "reqPerSec" in row
        ? [`${row.reqPerSec.toFixed(1)} req/s`, ms(row.p95Ms), ""]
        : [`${row.mb.toFixed(0)} MB`, "", ""];
  console.log(`${row.name.padEnd(34)} ${cells[0]!.padStart(12)} ${cells[1]!.padStart(9)} ${cells[2]!.padStart(9)}  ${note}`);
}

async function main() {
  const { scale, runs, duration, warmup } = options();
  const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const rows: Row[] = [];
  const add = (row: Row, note = "") => (rows.push(row), printRow(row, note));
  const loadAtStart = loads();
  console.log(
    `npm run bench: scale ${scale.name}, ${runs} runs after one warm-up, HTTP ${duration} s per route after ${warmup} s of warm-up; load average at start ${loadAtStart}`,
  );
  // Build before anything is seeded: a failed build then costs no seeding.
  ensureBuild(values.build);

  const { conn, url, drop } = await openBenchDatabase(server, values.keep);
  const db = createDb(conn);
  let app: AppServer | null = null;
  const cleanup = async () => {
    await app?.stop();
    app = null;
    await db.$disconnect();
    await conn.close();
    await drop();
  };
  const stopListening = cleanUpOnSignal(cleanup);
  try {
    await applyMigrations(conn.factory);
    const t0 = performance.now();
    const s = await seedBench(db, scale);
    const seeding = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    // Fresh statistics and visibility maps, as autovacuum leaves a live database (and so that
    // it does not start on the seeded tables halfway through the measurements).
    await db.$executeRawUnsafe("VACUUM ANALYZE");
    // The seeding left a few hundred MB of dirty pages: written now, not by the checkpointer
    // in the middle of the timed rows. It needs a superuser (or pg_checkpoint); without one the
    // run goes on and says so.
    const checkpoint = await db.$executeRawUnsafe("CHECKPOINT").then(
      () => "CHECKPOINT",
      () => "no CHECKPOINT (not allowed for this role)",
    );
    const [{ server_version: version }] = await db.$queryRawUnsafe<[{ server_version: string }]>("SHOW server_version");
    const c = s.counts;
    console.log(
      `PostgreSQL ${version}: seeded ${thousands(c.members)} members, ${thousands(c.groups)} groups (${c.levels} levels), ${thousands(c.resources)} resources, ` +
        `${thousands(c.grants)} grants, ${thousands(c.teams)} teams (${thousands(c.teamMembers)} team members) in ${seeding.toFixed(1)} s, ` +
        `VACUUM ANALYZE and ${checkpoint} ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );

    const owner = await loadActor(db, s.owner.userId, s.slug);
    const ga = await loadActor(db, s.groupAdmin.userId, s.slug);
    const gaSmall = await loadActor(db, s.groupAdminSmallSpan.userId, s.slug);
    const user = await loadActor(db, s.user.userId, s.slug);
    const page = (n: number): ListMembersInput => ({ page: n, pageSize: 25, sort: "name", direction: "asc" });
    const resourcesPage = { page: 1, pageSize: 25 };

    console.log(`\n${"in process".padEnd(34)} ${"p50 ms".padStart(12)} ${"p95 ms".padStart(9)} ${"p99 ms".padStart(9)}`);
    const timed = async (name: string, run: (i: number) => unknown, note: (first: unknown) => string) => {
      const t = await timePercentiles(runs, run);
      add({ name, p50Ms: round(t.p50), p95Ms: round(t.p95), p99Ms: round(t.p99) }, note(t.first));
    };
    const total = (what: string) => (r: unknown) => `${thousands((r as { total: number }).total)} ${what}`;
    await timed("members.list groupAdmin", () => listMembers(db, ga, page(1)), total(`members seen (span ${thousands(s.groupAdmin.span)})`));
    await timed(
      "members.list groupAdminSmallSpan",
      () => listMembers(db, gaSmall, page(1)),
      total(`members seen (span ${thousands(s.groupAdminSmallSpan.span)})`),
    );
    await timed("members.list dataAdmin page1", () => listMembers(db, owner, page(1)), total("members seen"));
    // A deep page as the console reaches it: by the cursor of the page before (read untimed).
    const deepCursor = (await listMembers(db, owner, page(scale.deepPage - 1))).nextCursor ?? undefined;
    if (!deepCursor) throw new Error(`the organization has no page ${scale.deepPage} of members`);
    await timed(
      "members.list dataAdmin deepPage",
      () => listMembers(db, owner, { ...page(1), cursor: deepCursor }),
      (r) => `${total("members seen")(r)}, page ${scale.deepPage} by cursor`,
    );
    await timed("resources.list user", () => listResources(db, user, resourcesPage), total("resources seen"));
    await timed("resources.list owner", () => listResources(db, owner, resourcesPage), total("resources seen"));
    await timed(
      "members.options groupAdmin",
      () => memberPickerOptions(db, ga),
      (r) => `${(r as { groups: unknown[] }).groups.length} groups, ${(r as { roles: unknown[] }).roles.length} roles`,
    );
    const someUsers = await db.user.findMany({ select: { id: true }, take: runs + 1, orderBy: { email: "asc" } });
    await timed(
      "pk query",
      (i) => db.user.findUnique({ where: { id: someUsers[i % someUsers.length]!.id } }),
      () => "User by id, through Prisma",
    );

    // The peers, and Steward's own pure decision, on one question per run: may the Group Admin
    // see this member of their span? In a function of its own, so that casbin's model (a few
    // hundred MB) is garbage before autocannon shares this process with it.
    await comparePeers(db, s, ga, runs, timed);
    (globalThis as { gc?: () => void }).gc?.();

    app = await startApp(url!);
    const ownerCookie = await sessionCookie(db, s.owner.userId, app.secret);
    const gaCookie = await sessionCookie(db, s.groupAdmin.userId, app.secret);
    const userCookie = await sessionCookie(db, s.user.userId, app.secret);
    const http: Target[] = [
      { name: "http members.list", url: trpcUrl(app.origin, "members.list", page(1)), headers: { cookie: gaCookie, "x-steward-org": s.slug } },
      { name: "http resources.list", url: trpcUrl(app.origin, "resources.list", resourcesPage), headers: { cookie: userCookie, "x-steward-org": s.slug } },
      { name: "http account.me", url: trpcUrl(app.origin, "account.me"), headers: { cookie: ownerCookie } },
      { name: "http noDb", url: `${app.origin}/api/v1/openapi.json`, headers: {} },
    ];
    await checkAnswers(http);
    const rss = sampleRss(app.pid);
    const idle = rss.now();
    console.log(`\n${`HTTP, 10 connections, ${duration} s`.padEnd(34)} ${"throughput".padStart(12)} ${"p95 ms".padStart(9)}`);
    const notes: Record<string, string> = {
      "http members.list": "Group Admin, page 1",
      "http resources.list": "User, page 1",
      "http account.me": "owner",
      "http noDb": "/api/v1/openapi.json",
    };
    for (const target of http) {
      await load(target, warmup); // not reported
      const r = await load(target, duration);
      add({ name: target.name, reqPerSec: round(r.reqPerSec), p95Ms: round(r.p95Ms) }, `${thousands(r.requests)} requests, ${notes[target.name]}`);
    }
    add({ name: "rss peak", mb: round(rss.stop()) }, `server process tree, ${idle.toFixed(0)} MB before the load`);
    await app.stop();
    app = null;

    const missing = REQUIRED_ROWS.filter((name) => !rows.some((r) => r.name === name));
    const broken = rows.filter((r) => Object.values(r).some((v) => typeof v === "number" && !Number.isFinite(v)));
    if (missing.length || broken.length) {
      throw new Error(`The run lacks rows: ${[...missing, ...broken.map((r) => `${r.name} (not a number)`)].join(", ")}`);
    }
    console.log(`\nscale ${scale.name}; load average at start ${loadAtStart}, at end ${loads()}; seeding ${seeding.toFixed(1)} s`);
    if (values.json) {
      writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`);
      console.log(`wrote ${values.json}`);
    }
  } finally {
    stopListening();
    await cleanup();
  }
}

type Timed = (name: string, run: (i: number) => unknown, note: (first: unknown) => string) => Promise<void>;

/** casbin's `enforce`, CASL's `can` and Steward's `decideSee` on the same question, each run on a member of the Group Admin's span. */
async function comparePeers(db: Db, s: Seeded, ga: ActorContext, runs: number, timed: Timed) {
  const targets = await db.membership.findMany({
    where: {
      organizationId: s.organizationId,
      id: { not: ga.membershipId },
      group: { path: { startsWith: ga.group.path } },
      role: { rank: { lt: ga.role.rank } },
    },
    include: memberFactsInclude,
    take: runs + 1,
    orderBy: { id: "asc" },
  });
  const outsider = await db.membership.findFirstOrThrow({
    where: { organizationId: s.organizationId, group: { NOT: { path: { startsWith: ga.group.path } } }, role: { rank: { lt: ga.role.rank } } },
    include: memberFactsInclude,
  });
  const t2 = performance.now();
  const casbin = await casbinEnforcer(db, s.organizationId);
  const casbinLoad = (performance.now() - t2) / 1000;
  const enforce = (membershipId: string) => casbin.enforcer.enforceSync(ga.membershipId, s.organizationId, `member:${membershipId}`, "members.view");
  if (!enforce(targets[0]!.id) || enforce(outsider.id)) throw new Error("casbin's model does not answer as rule 3 does for the Group Admin's reach");
  await timed(
    "casbin enforce",
    (i) => enforce(targets[i % targets.length]!.id),
    () => `${thousands(casbin.policies)} policies, ${thousands(casbin.links)} role links, loaded in ${casbinLoad.toFixed(1)} s`,
  );
  const can = caslAbility(ga);
  const caslTargets = targets.map((m) => caslMember({ id: m.id, groupPath: m.group.path, rank: m.role.rank }));
  if (!can(caslTargets[0]!) || can(caslMember({ id: outsider.id, groupPath: outsider.group.path, rank: outsider.role.rank }))) {
    throw new Error("CASL's rules do not answer as rule 3 does for the Group Admin");
  }
  await timed(
    "casl can",
    (i) => can(caslTargets[i % caslTargets.length]!),
    () => "rules built for the Group Admin",
  );
  const facts = targets.map(toMemberFacts);
  await timed(
    "authz decideSee",
    (i) => decideSee(ga, facts[i % facts.length]!),
    () => "Steward's own decision, facts loaded",
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
