// Sign-in attempt limits, per login name and per client address, counted in the database
// so that they hold across app instances. An attempt is reserved (counted) BEFORE the
// password is checked, under a row lock, so a parallel burst gets no more checks than the
// limits allow.
import { createHash } from "node:crypto";
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";

/**
 * Within a 15-minute window: the first `delayFrom` failures are free, then each attempt
 * must wait `baseDelayMs` doubled per failure since the last one, and at `attempts` the
 * key is locked until the window ends.
 */
export const SIGN_IN_LIMITS = {
  login: { attempts: 10, delayFrom: 3, baseDelayMs: 1_000, windowMs: 15 * 60_000 },
  address: { attempts: 100, delayFrom: 20, baseDelayMs: 1_000, windowMs: 15 * 60_000 },
} as const;

/**
 * Sign-up requests (server/services/sign-up.ts): a plain cap per window, no delays (each
 * request sends an email, so the cap is what bounds the mail a stranger can cause).
 */
export const SIGN_UP_LIMITS = {
  email: { attempts: 3, delayFrom: 3, baseDelayMs: 0, windowMs: 15 * 60_000 },
  address: { attempts: 10, delayFrom: 10, baseDelayMs: 0, windowMs: 60 * 60_000 },
} as const;

type Limit = { attempts: number; delayFrom: number; baseDelayMs: number; windowMs: number };
export type Gate = { allowed: true } | { allowed: false; retryAt: Date };

async function reserve(db: Db, key: string, limit: Limit, now: Date): Promise<Gate> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "attempts", "windowStartedAt", "lastAttemptAt") VALUES (${key}, 0, ${now}, ${now})
      ON CONFLICT ("key") DO NOTHING`;
    // The row lock serializes a parallel burst on the same key.
    const [row] = await tx.$queryRaw<Array<{ attempts: number; windowStartedAt: Date; lastAttemptAt: Date }>>`
      SELECT "attempts", "windowStartedAt", "lastAttemptAt" FROM "SignInThrottle" WHERE "key" = ${key} FOR UPDATE`;
    if (!row) return { allowed: true };
    const expired = new Date(row.windowStartedAt).getTime() + limit.windowMs <= now.getTime();
    const attempts = expired ? 0 : row.attempts;
    const windowStartedAt = expired ? now : new Date(row.windowStartedAt);
    if (attempts >= limit.attempts) return { allowed: false, retryAt: new Date(windowStartedAt.getTime() + limit.windowMs) };
    if (attempts >= limit.delayFrom) {
      const waitUntil = new Date(row.lastAttemptAt).getTime() + limit.baseDelayMs * 2 ** (attempts - limit.delayFrom);
      if (waitUntil > now.getTime()) return { allowed: false, retryAt: new Date(waitUntil) };
    }
    await tx.signInThrottle.update({ where: { key }, data: { attempts: attempts + 1, windowStartedAt, lastAttemptAt: now } });
    return { allowed: true };
  });
}

/** The longest login that can name an account (an email address). */
export const MAX_LOGIN_LENGTH = 254;

/** A login as sign-in compares it: trimmed, lower case. */
export const normalizeLogin = (login: string) => login.trim().toLowerCase();

/** Whether a normalized login could name an account at all; others are counted under a
 * hash of themselves and checked against no account. */
export const isPlausibleLogin = (login: string) => login.length > 0 && login.length <= MAX_LOGIN_LENGTH && !/[\u0000-\u001f\u007f]/.test(login);

/** Keys stay short and printable whatever a client sends: implausible logins are hashed. */
export const loginKey = (login: string) => (isPlausibleLogin(login) ? `login:${login}` : `login#${createHash("sha256").update(login).digest("hex")}`);
/** Callers pass a normalized IP address (server/http/client-address.ts), never header text. */
const addressKey = (address: string) => `address:${address.slice(0, 64)}`;

/** Counts one sign-in attempt for this login (and address); refuses past the limits. */
export async function reserveSignIn(db: Db, login: string, address: string | null, now = new Date()): Promise<Gate> {
  if (address) {
    const byAddress = await reserve(db, addressKey(address), SIGN_IN_LIMITS.address, now);
    if (!byAddress.allowed) return byAddress;
  }
  return reserve(db, loginKey(login), SIGN_IN_LIMITS.login, now);
}

/**
 * A successful sign-in clears the login's count and takes its own attempt back from the
 * address, so that an office behind one address is limited by its failures, not by how
 * many people sign in.
 */
export async function clearSignIn(db: Db, login: string, address: string | null): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: loginKey(login) } });
  if (address) {
    await db.$executeRaw`UPDATE "SignInThrottle" SET "attempts" = GREATEST("attempts" - 1, 0) WHERE "key" = ${addressKey(address)}`;
  }
}

/** Counts one sign-up request from this client address; refuses past the limit. */
export function reserveSignUpFromAddress(db: Db, address: string, now = new Date()): Promise<Gate> {
  return reserve(db, `sign-up:${addressKey(address)}`, SIGN_UP_LIMITS.address, now);
}

/** Counts one sign-up request for this (normalized) email address, whether or not it has an account. */
export function reserveSignUpForEmail(db: Db, email: string, now = new Date()): Promise<Gate> {
  return reserve(db, `sign-up:${loginKey(email)}`, SIGN_UP_LIMITS.email, now);
}

/** What the login limit holds against an account now: failed attempts in the current
 * window, and until when sign-in is refused (null: it is not). */
export type LoginLock = { failedAttempts: number; lockedUntil: Date | null };

export type ThrottleRow = { attempts: number; windowStartedAt: Date; lastAttemptAt: Date };

/** The limit's state for one key's row: the same arithmetic as `reserve`, without counting. */
function lockOf(row: ThrottleRow, limit: Limit, now: Date): LoginLock {
  const windowEnds = row.windowStartedAt.getTime() + limit.windowMs;
  if (windowEnds <= now.getTime()) return { failedAttempts: 0, lockedUntil: null };
  if (row.attempts >= limit.attempts) return { failedAttempts: row.attempts, lockedUntil: new Date(windowEnds) };
  const waitUntil = row.attempts >= limit.delayFrom ? row.lastAttemptAt.getTime() + limit.baseDelayMs * 2 ** (row.attempts - limit.delayFrom) : 0;
  return { failedAttempts: row.attempts, lockedUntil: waitUntil > now.getTime() ? new Date(waitUntil) : null };
}

/** `loginKey` of a login column as stored (an account's email or username), as SQL: stored
 * logins are already normalized and plausible (the account schemas see to it), so the key is
 * the prefix and the login. lockouts.test.ts holds the two renderings equal through the list. */
export const storedLoginKeySql = (column: Prisma.Sql) => Prisma.sql`'login:' || lower(btrim(${column}))`;

/** The login limit's state over an account's throttle rows (those of its email and username
 * that exist): the stricter of what they have gathered. */
export function lockOver(rows: ThrottleRow[], now = new Date()): LoginLock {
  const locks = rows.map((r) => lockOf(r, SIGN_IN_LIMITS.login, now));
  const lockedUntil = locks.map((l) => l.lockedUntil).reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
  return { failedAttempts: Math.max(0, ...locks.map((l) => l.failedAttempts)), lockedUntil };
}

/** The logins an account signs in with: its email and, when it has one, its username. */
const accountLoginKeys = (account: { email: string; username: string | null }) =>
  [account.email, account.username].filter((l): l is string => !!l).map((l) => loginKey(normalizeLogin(l)));

/** The login limit's state for each of these accounts (by user id), in one query: the
 * stricter of what its email and its username have gathered. */
export async function loginLocks(db: Pick<Db, "signInThrottle">, accounts: Array<{ id: string; email: string; username: string | null }>, now = new Date()) {
  const keys = accounts.flatMap(accountLoginKeys);
  const rows = keys.length ? await db.signInThrottle.findMany({ where: { key: { in: keys } } }) : [];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return new Map(
    accounts.map((account) => [
      account.id,
      lockOver(
        accountLoginKeys(account)
          .map((k) => byKey.get(k))
          .filter((r) => r !== undefined),
        now,
      ),
    ]),
  );
}

/** Forgets the failed attempts of an account's logins (an administrator's unlock). */
export async function clearLoginLocks(db: Pick<Db, "signInThrottle">, account: { email: string; username: string | null }): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: accountLoginKeys(account) } } });
}
