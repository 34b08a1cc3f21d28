// The HTTP half of `npm run bench`: the production build served as `npm start` serves it
// (scripts/serve.mjs) on the bench database, real session cookies, autocannon's load, and the
// server's memory sampled from /proc while it lasts.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import type { Db } from "../server/db";
import { startSession } from "../server/services/sessions";
import { buildIsCurrent, hasProductionBuild } from "./build-stamp.mjs";
import { percentile } from "./bench-support";

const root = path.resolve(__dirname, "..");

/** Builds the app when .next has no production build, or when asked to. */
export function ensureBuild(force: boolean) {
  if (force || !hasProductionBuild()) {
    console.log(force ? "Building the app (--build)…" : "Building the app (.next has no production build)…");
    const t0 = performance.now();
    const built = spawnSync(process.execPath, [path.join(root, "scripts", "build.mjs")], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (built.status !== 0) throw new Error(`the build failed (exit ${built.status})`);
    console.log(`built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } else if (!buildIsCurrent()) {
    console.warn("! .next was built from other sources than these (pass --build to measure the current code)");
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export type AppServer = { origin: string; pid: number; secret: string; stop: () => Promise<void>; log: () => string[] };

export type AppOptions = {
  /** The session key (NEXTAUTH_SECRET): instances that serve the same people share one. A fresh one by default. */
  secret?: string;
  /** Settings over the defaults, e.g. STEWARD_MAIL_WORKER: "on" (the bench measures requests alone). */
  env?: Record<string, string>;
};

/** Starts the app on a free port against `databaseUrl`, with its workers off unless `options.env`
 * turns them on; resolves once it listens. */
export async function startApp(databaseUrl: string, options: AppOptions = {}): Promise<AppServer> {
  const port = await freePort();
  const secret = options.secret ?? randomBytes(32).toString("base64url");
  const stateDir = mkdtempSync(path.join(tmpdir(), "steward-bench-"));
  const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: secret,
      STEWARD_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      STEWARD_STATE_DIR: stateDir,
      STEWARD_MAIL_WORKER: "off",
      STEWARD_IMPORT_WORKER: "off",
      ...options.env,
    },
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => log.push(...String(chunk).split("\n").filter(Boolean)) && log.splice(0, Math.max(0, log.length - 100));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("The app did not start within 180 s")), 180_000);
      child.stdout.on("data", (chunk) => /Steward ready/.test(String(chunk)) && (clearTimeout(timer), resolve()));
      child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`The app exited (code ${code}) before it was ready`))));
    });
  } catch (error) {
    await stop();
    console.error(log.join("\n"));
    throw error;
  }
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid!, secret, stop, log: () => [...log] };
}

/** The session cookie a browser holds after this user signs in: a Session row and next-auth's token for it. */
export async function sessionCookie(db: Db, userId: string, secret: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const sid = await startSession(db, userId, { userAgent: "npm run bench", ip: "127.0.0.1" });
  const token = await encode({ token: { uid: userId, sv: user.sessionVersion, sid }, secret });
  return `next-auth.session-token=${token}`;
}

/** A tRPC query's URL, its input in superjson's envelope. */
export const trpcUrl = (origin: string, procedure: string, input?: unknown) =>
  `${origin}/api/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;

export type Target = { name: string; url: string; headers: Record<string, string> };

/** One request of each target must answer 200 before any is measured (401: the cookie is wrong). */
export async function checkAnswers(targets: Target[]) {
  for (const t of targets) {
    const response = await fetch(t.url, { headers: t.headers });
    const body = await response.text();
    if (response.status !== 200) {
      const hint = response.status === 401 ? " (the session cookie was refused)" : "";
      throw new Error(`${t.name}: ${t.url} answered ${response.status}${hint}: ${body.slice(0, 300)}`);
    }
  }
}

/** The summed VmRSS of a process and its descendants, in kB (0 once it is gone). */
function treeRssKb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let kb = 0;
  for (const stack = [pid]; stack.length;) {
    const p = stack.pop()!;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      continue;
    }
    stack.push(...(children.get(p) ?? []));
  }
  return kb;
}

/** Samples the process tree's RSS every 200 ms until stopped; `stop` gives the peak in MB. */
export function sampleRss(pid: number) {
  let peakKb = treeRssKb(pid);
  const timer = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(pid))), 200);
  return {
    now: () => treeRssKb(pid) / 1024,
    stop: () => {
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}

/** `connections` clients for `seconds`: requests per second and p95 latency (every response's time). Any non-2xx answer or error fails. */
export async function load(target: Target, seconds: number, connections = 10): Promise<{ reqPerSec: number; p95Ms: number; requests: number }> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: target.url, headers: target.headers, connections, duration: seconds }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  if (result.non2xx || result.errors) {
    const codes = JSON.stringify(result.statusCodeStats ?? {});
    throw new Error(`${target.name}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load (status codes ${codes})`);
  }
  times.sort((a, b) => a - b);
  return { reqPerSec: result["2xx"] / result.duration, p95Ms: times.length ? percentile(times, 95) : NaN, requests: result["2xx"] };
}
