// The loop under Steward's background workers (the mail worker, the import worker): run a
// pass now, then `intervalMs` after each pass ends; `wake()` runs one at once unless one is
// running; `stop()` ends the loop and waits for the pass in progress. A pass never overlaps
// another, and a pass that throws is logged and tried again at the next tick.
export type Poller = {
  wake: () => void;
  stop: () => Promise<void>;
  /** Whether stop() was called: long passes check it between batches. */
  stopped: () => boolean;
};

export function startPoller(pass: () => Promise<void>, options: { intervalMs: number; firstMs?: number; log: (e: unknown) => void }): Poller {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (stopped || running) return;
    clearTimeout(timer);
    running = pass()
      .catch(options.log)
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(run, options.intervalMs);
      });
  };
  timer = setTimeout(run, options.firstMs ?? 0);
  return {
    wake: run,
    stopped: () => stopped,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
