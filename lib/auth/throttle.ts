// Login attempts per account and per address, counted before the password is
// checked: an attempt is an atomic increment-and-read (an upsert the database
// runs as one INSERT … ON CONFLICT DO UPDATE), so however many guesses arrive at
// once, at most `max` of them are ever verified in a window. A success gives its
// attempt back; a count past `max` locks the key for `lockMinutes`; rows of a
// past window are reset, and old rows pruned.
import "server-only";
import type { DbOrTx } from "../db/client";

export const accountKey = (username: string) => `user:${username.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export interface Limit {
  key: string;
  max: number;
}

/**
 * Counts one attempt on each key and answers whether it may be checked: null, or
 * the time until which one of the keys is locked.
 */
export async function countAttempt(db: DbOrTx, limits: Limit[], lockMinutes: number, now = new Date()): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - lockMinutes * 60_000);
  let locked: Date | null = null;
  for (const { key, max } of limits) {
    // A lock that ran out, or a count from a past window, starts again.
    await db.loginThrottle.updateMany({
      where: { key, OR: [{ lockedUntil: { lte: now } }, { lockedUntil: null, updatedAt: { lt: windowStart } }] },
      data: { failures: 0, lockedUntil: null },
    });
    const row = await db.loginThrottle.upsert({ where: { key }, create: { key, failures: 1 }, update: { failures: { increment: 1 } } });
    if (row.failures <= max) continue;
    const until = row.lockedUntil ?? new Date(now.getTime() + lockMinutes * 60_000);
    if (!row.lockedUntil) await db.loginThrottle.updateMany({ where: { key, lockedUntil: null }, data: { lockedUntil: until } });
    if (!locked || until > locked) locked = until;
  }
  return locked;
}

/** A successful login: the account's count is cleared and the address's attempt given back. */
export async function attemptSucceeded(db: DbOrTx, account: string, address: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: account } });
  await db.loginThrottle.updateMany({ where: { key: address, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}

/** Rows untouched for a day are of no use: every forged address or tried name would otherwise stay forever. */
export async function pruneThrottle(db: DbOrTx, now = new Date()): Promise<number> {
  const { count } = await db.loginThrottle.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - 24 * 3_600_000) }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] } });
  return count;
}
