// What the benchmark scripts share: a throwaway database (in-memory PGlite, or a fresh
// database on the server of --url) and timers that report the median and worst of N runs,
// or their percentiles.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openConnection } from "../server/db/connection";

export async function openBenchDatabase(url: string | undefined, keep: boolean) {
  if (!url) return { conn: openConnection({ memory: true }), url: null, drop: async () => {} };
  const name = `steward_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    conn: openConnection({ url: target.toString(), timeouts: false }),
    /** The throwaway database's own URL, for other processes (an app server). */
    url: target.toString(),
    drop: async () => {
      if (keep) return console.log(`kept database ${name}`);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs `cleanup` on Ctrl-C or SIGTERM as well (a throwaway database is dropped), then exits
 * 130. Returns what stops listening, for the end of the run. */
export function cleanUpOnSignal(cleanup: () => Promise<void>): () => void {
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  return () => {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
  };
}

/** One warm-up run, then `runs` timed runs: the median and the worst, in ms. */
export async function timeRuns(runs: number, run: () => Promise<unknown>) {
  const samples: number[] = [];
  await run();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, worst: samples[samples.length - 1]! };
}

/** One line of a benchmark's result table. */
export function printRow(label: string, rows: number | string, t: { median: number; worst: number }, width = 42) {
  console.log(`${label.padEnd(width)} ${String(rows).padStart(7)} ${t.median.toFixed(1).padStart(10)} ${t.worst.toFixed(1).padStart(9)}`);
}

export type Percentiles = { p50: number; p95: number; p99: number };

/** The nearest-rank percentile of sorted samples. */
export const percentile = (sorted: readonly number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** One warm-up run, then `runs` timed runs (the i-th is given i): p50, p95 and p99 in ms,
 * and what the warm-up returned. A synchronous `run` is not awaited, so that microsecond
 * decisions are timed alone. */
export async function timePercentiles<T>(runs: number, run: (i: number) => T): Promise<Percentiles & { first: Awaited<T> }> {
  const samples: number[] = [];
  const first = await run(0);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const pending = run(i);
    // A thenable, not only a Promise: Prisma's queries run only once awaited.
    if (typeof (pending as { then?: unknown } | null)?.then === "function") await pending;
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), first };
}
