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

// Prisma's codes for a database that cannot answer now: unreachable, timed out, connection
// closed, pool exhausted, transaction expired.
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// The driver's kinds of the same, and PostgreSQL's SQLSTATEs: 57014 statement timeout,
// 57P01-57P05 shutdown or crash, 53300 too many connections, class 08 connection exceptions.
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"]);
const UNAVAILABLE_SQLSTATE = /^(57014|57P0\d|53300|08...)$/;
// node-postgres' own errors for a connection that never came or went silent.
const UNAVAILABLE_MESSAGES = /^(Connection terminated|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error)/;
const UNAVAILABLE_ERRNO = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE"]);

/** Whether an error means "the database cannot answer right now" (try again later), as
 * opposed to a fault in the request or in Steward. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== "object" || err === null || depth > 5) return false;
  const e = err as { code?: unknown; kind?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; cause?: unknown };
  if (typeof e.code === "string" && (UNAVAILABLE_CODES.has(e.code) || UNAVAILABLE_ERRNO.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.meta?.driverAdapterError?.cause, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}

/** Whether an error is a foreign key violation (Prisma's P2003, or PostgreSQL's 23503 as a
 * raw query or the driver reports it), anywhere in its chain of causes. */
export function isForeignKeyViolation(err: unknown, depth = 0): boolean {
  if (typeof err !== "object" || err === null || depth > 5) return false;
  const e = err as {
    code?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    meta?: { code?: unknown; driverAdapterError?: { cause?: unknown } };
    cause?: unknown;
  };
  if (e.code === "P2003" || e.code === "23503" || e.originalCode === "23503" || e.meta?.code === "23503" || e.kind === "ForeignKeyConstraintViolation")
    return true;
  return isForeignKeyViolation(e.meta?.driverAdapterError?.cause, depth + 1) || isForeignKeyViolation(e.cause, depth + 1);
}

/** Prisma's codes for a write that lost a race: a unique or foreign key violated, or a
 * record gone between read and write. */
export function isLostRace(err: unknown): boolean {
  const code = typeof err === "object" && err !== null && "code" in err ? (err as { code: unknown }).code : null;
  return code === "P2002" || code === "P2003" || code === "P2025" || code === "P2034";
}
