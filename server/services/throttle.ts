// Sign-in attempt limits, per login name and per client address, counted in the database
// so that they hold across app instances. An attempt is reserved (counted) BEFORE the
// password is checked, atomically, so a parallel burst gets no more checks than the limit.
import type { Db } from "../db";

export const SIGN_IN_LIMITS = {
  login: { attempts: 5, windowMs: 15 * 60_000 },
  address: { attempts: 50, windowMs: 15 * 60_000 },
} as const;

type Gate = { allowed: true } | { allowed: false; retryAt: Date };

async function reserve(db: Db, key: string, limit: { attempts: number; windowMs: number }, now: Date): Promise<Gate> {
  const windowStart = new Date(now.getTime() - limit.windowMs);
  const [row] = await db.$queryRaw<Array<{ attempts: number; windowStartedAt: Date }>>`
    INSERT INTO "SignInThrottle" ("key", "attempts", "windowStartedAt") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = CASE WHEN "SignInThrottle"."windowStartedAt" < ${windowStart} THEN 1 ELSE "SignInThrottle"."attempts" + 1 END,
      "windowStartedAt" = CASE WHEN "SignInThrottle"."windowStartedAt" < ${windowStart} THEN ${now} ELSE "SignInThrottle"."windowStartedAt" END
    RETURNING "attempts", "windowStartedAt"`;
  if (!row || row.attempts <= limit.attempts) return { allowed: true };
  return { allowed: false, retryAt: new Date(new Date(row.windowStartedAt).getTime() + limit.windowMs) };
}

const loginKey = (login: string) => `login:${login}`;

/** Counts one sign-in attempt for this login (and address); refuses past the limits. */
export async function reserveSignIn(db: Db, login: string, address: string | null, now = new Date()): Promise<Gate> {
  if (address) {
    const byAddress = await reserve(db, `address:${address}`, SIGN_IN_LIMITS.address, now);
    if (!byAddress.allowed) return byAddress;
  }
  return reserve(db, loginKey(login), SIGN_IN_LIMITS.login, now);
}

/** A successful sign-in clears the login's count (the address keeps its own). */
export async function clearSignIn(db: Db, login: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: loginKey(login) } });
}
