// The loop under the background workers: passes never overlap, wake() runs one at once,
// a failing pass is logged and the loop goes on, stop() waits for the pass in progress.
import { describe, expect, it } from "vitest";
import { startPoller } from "@/server/services/poller";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("startPoller", () => {
  it("runs at once, then after each pass ends; wake() during a pass starts no second one", async () => {
    let active = 0;
    let most = 0;
    let passes = 0;
    const poller = startPoller(
      async () => {
        active += 1;
        most = Math.max(most, active);
        passes += 1;
        await tick(30);
        active -= 1;
      },
      { intervalMs: 10, log: () => {} },
    );
    await tick(5);
    poller.wake();
    poller.wake();
    await tick(150);
    await poller.stop();
    expect(most).toBe(1);
    expect(passes).toBeGreaterThanOrEqual(2);
    const after = passes;
    await tick(60);
    expect(passes).toBe(after);
  });

  it("logs a failing pass and tries again; stop() waits for the pass in progress", async () => {
    const logged: unknown[] = [];
    let calls = 0;
    let finished = false;
    const poller = startPoller(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error("boom");
        await tick(40);
        finished = true;
      },
      { intervalMs: 5, log: (e) => logged.push(e) },
    );
    // Wait for the second pass to begin, however slow the machine: a fixed wait raced the
    // 5 ms retry on a loaded CI machine, and stop() then came before any pass to wait for.
    for (let waited = 0; calls < 2 && waited < 5000; waited += 2) await tick(2);
    expect(calls).toBe(2);
    expect(logged).toHaveLength(1);
    expect(poller.stopped()).toBe(false);
    await poller.stop();
    expect(poller.stopped()).toBe(true);
    expect(finished).toBe(true);
  });
});
