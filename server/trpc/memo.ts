// A per-request memo for the gate. Server components build one caller per request (see
// server.ts) and give it a memo, so that the layout and the page, which call procedures
// separately, resolve the session and the membership once. The HTTP handler gives none:
// each of its requests is one call (or one batch) anyway.

export type RequestMemo = Map<string, Promise<unknown>>;

/** `load()` once per memo and key; without a memo, every time. */
export function once<T>(memo: RequestMemo | undefined, key: string, load: () => Promise<T>): Promise<T> {
  if (!memo) return load();
  let found = memo.get(key) as Promise<T> | undefined;
  if (!found) {
    found = load();
    memo.set(key, found);
  }
  return found;
}
