// Recognizes database errors that are the caller's fault rather than ours.
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "P2002";
}

/** Runs `run`, turning a unique-constraint violation (a race lost to another writer, or a
 * duplicate) into the caller's error for people. */
export async function withUniqueConflict<T>(run: () => Promise<T>, conflict: () => Error): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict();
    throw err;
  }
}
