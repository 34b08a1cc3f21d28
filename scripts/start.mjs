// npm start: prepares the database, builds the app when its sources changed, and serves it.
// Works on a fresh clone with no configuration: the embedded database and the session key
// are created under ./.steward.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// A fingerprint of everything the build reads, so that a pulled update is rebuilt.
function fingerprint() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else {
        hash
          .update(full)
          .update(String(statSync(full).mtimeMs))
          .update(String(statSync(full).size));
      }
    }
  };
  for (const dir of ["app", "components", "server", "emails"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ["package-lock.json", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json"])
    hash.update(readFileSync(path.join(root, file)));
  return hash.digest("hex");
}

run(bin("tsx"), [path.join(root, "scripts", "migrate.ts"), "apply"]);

const stamp = path.join(root, ".next", "steward-fingerprint");
const current = fingerprint();
if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(stamp) || readFileSync(stamp, "utf8") !== current) {
  console.log("Building Steward (first start or sources changed)…");
  run(bin("next"), ["build"]);
  writeFileSync(stamp, current);
}

const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
  cwd: root,
  env: { ...env, PORT: port },
  stdio: ["inherit", "pipe", "inherit"],
});
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Steward ready/.test(String(chunk))) {
    announced = true;
    void firstRun().then((first) =>
      console.log(`\n  Steward is running: open ${env.NEXTAUTH_URL}\n${first ? "  (first run: it takes you to /setup to create your organization)\n" : ""}`),
    );
  }
});
/** Whether this Steward has no organization yet (its public setup status): /setup is then
 * where the first visit goes. */
async function firstRun() {
  try {
    const answer = await fetch(`http://127.0.0.1:${port}/api/trpc/setup.status`);
    const body = await answer.json();
    return body?.result?.data?.json?.done === false;
  } catch {
    return false;
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
