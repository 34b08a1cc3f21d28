// npm start: prepares the database, builds the app when its sources changed, and serves it.
// Works on a fresh clone with no configuration: the embedded database and the session key
// are created under ./.steward.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent } from "./build-stamp.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(bin("tsx"), [path.join(root, "scripts", "migrate.ts"), "apply"]);

if (!buildIsCurrent()) {
  console.log("Building Steward (first start or sources changed)…");
  run(process.execPath, [path.join(root, "scripts", "build.mjs")]);
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
