// npm test: the whole suite.
//   1. unit and integration tests on embedded PGlite (vitest)
//   2. the integration tests again on a PostgreSQL server (TEST_DATABASE_URL, default
//      postgres://postgres@127.0.0.1:5432/postgres; each test file makes its own database)
//   3. end-to-end tests in Chromium against `npm start` on a fresh embedded database
// Outside CI, a missing PostgreSQL server or Chromium skips its stage with a warning;
// with CI=true every stage is required.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const ci = Boolean(process.env.CI);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const failures = [];

function stage(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...base, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  if (result.status !== 0) failures.push(title);
}

function skip(title, why) {
  if (ci) {
    console.error(`\n✗ ${title}: ${why} (required in CI)`);
    failures.push(title);
  } else {
    console.warn(`\n! Skipping ${title}: ${why}`);
  }
}

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const extra = process.argv.slice(2);
stage("Unit and integration tests on embedded PGlite", bin("vitest"), ["run", ...extra]);

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
if (await reachable(serverUrl)) {
  // cli.test.ts runs the CLI as operators do, on an embedded database of its own whatever
  // DATABASE_URL says: on this stage it would only repeat the first stage's run.
  stage("Integration tests on PostgreSQL", bin("vitest"), ["run", "tests/integration", "--exclude", "tests/integration/cli.test.ts", ...extra], {
    DATABASE_URL: serverUrl,
  });
} else {
  skip("Integration tests on PostgreSQL", `no server at ${serverUrl.replace(/:[^:@/]*@/, ":***@")} (set TEST_DATABASE_URL)`);
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(chromium)) stage("End-to-end tests in Chromium", bin("playwright"), ["test"]);
else skip("End-to-end tests", `no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);

if (failures.length) {
  console.error(`\n✗ Failed: ${failures.join("; ")}`);
  process.exit(1);
}
console.log("\n✓ All test stages passed");
