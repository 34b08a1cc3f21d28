// What the benchmark scripts share: a throwaway database (in-memory PGlite, or a fresh
// database on the server of --url) and a timer that reports median and worst of N runs.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openConnection } from "../server/db/connection";

export async function openBenchDatabase(url: string | undefined, keep: boolean) {
  if (!url) return { conn: openConnection({ memory: true }), drop: async () => {} };
  const name = `steward_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    conn: openConnection({ url: target.toString(), timeouts: false }),
    drop: async () => {
      if (keep) return console.log(`kept database ${name}`);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
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
