// The import worker of this app instance: polls for import jobs with work (a dry run to
// compute, confirmed rows to apply) and runs their batches one after another
// (server/services/import-run.ts). Every instance may run one; the claims keep them apart.
// Started by instrumentation.ts unless STEWARD_IMPORT_WORKER=off.
import type { Db } from "../db";
import { runImportStep, type ImportRunOptions } from "./import-run";
import { startPoller, type Poller } from "./poller";

export type ImportWorker = { stop: () => Promise<void>; wake: () => void };

type Waker = { wake?: () => void };
const waker = globalThis as typeof globalThis & { __stewardImport?: Waker };

/** Tells an in-process import worker to look now (it also polls, which is the guarantee). */
export function wakeImportWorker() {
  const wake = waker.__stewardImport?.wake;
  // After the caller's transaction has had a moment to commit.
  if (wake) setTimeout(wake, 100).unref?.();
}

export function startImportWorker(db: Db, options: { intervalMs?: number; log?: (e: unknown) => void; run?: ImportRunOptions } = {}): ImportWorker {
  const log = options.log ?? ((e) => console.error("[steward] import worker:", e));
  const poller: Poller = startPoller(
    async () => {
      // Batch after batch while there is work: a confirmed import runs to its end.
      while (!poller.stopped() && (await runImportStep(db, options.run))) {
        /* next batch */
      }
    },
    { intervalMs: options.intervalMs ?? 2_000, log },
  );
  waker.__stewardImport = { wake: poller.wake };
  return {
    wake: poller.wake,
    stop: async () => {
      waker.__stewardImport = {};
      await poller.stop();
    },
  };
}
