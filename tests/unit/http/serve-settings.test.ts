// scripts/serve.mjs refuses a setting it cannot apply before it loads anything, in words.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const serve = path.resolve("scripts/serve.mjs");

describe("STEWARD_HEAP_GROWTH_PERCENT", () => {
  it.each(["fifty", "-5", "12.5", "99999"])("refuses %j and exits non-zero, naming the setting", (value) => {
    const run = spawnSync(process.execPath, [serve], {
      env: { ...process.env, STEWARD_HEAP_GROWTH_PERCENT: value, PORT: "0" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`STEWARD_HEAP_GROWTH_PERCENT must be a whole number of percent (0: V8's own), not "${value}".`);
  });
});
