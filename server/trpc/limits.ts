// Limits the API and its browser client share (imported by both, so nothing else here).

/** A request may batch at most this many calls; the client's link splits larger batches. */
export const MAX_BATCH_SIZE = 10;
