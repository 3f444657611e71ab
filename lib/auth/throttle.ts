// Login attempts per account and per address, counted before the password is
// checked: an attempt is an atomic increment-and-read (an upsert the database
// runs as one INSERT … ON CONFLICT DO UPDATE), so however many guesses arrive at
// once, at most `max` of them are ever verified in a window. A success gives its
// attempt back; a count past `max` locks the key for `lockMinutes`.
// The rows stay few: every attempt first prunes the windows that are over, a locked
// key counts nothing more, and the address is counted before the account, so an
// address past its limit adds no row for yet another tried name. A flood of random
// names from one address leaves at most its limit + 1 rows.
import "server-only";
import type { DbOrTx } from "../db/client";

export const accountKey = (username: string) => `user:${username.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export interface Limit {
  key: string;
  max: number;
}

/**
 * Counts one attempt on each key, in the order given (the address first), and answers
 * whether it may be checked: null, or the time until which one of the keys is locked.
 */
export async function countAttempt(db: DbOrTx, limits: Limit[], lockMinutes: number, now = new Date()): Promise<Date | null> {
  await pruneThrottle(db, lockMinutes, now);
  const keys = limits.map((l) => l.key);
  const held = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } }, select: { lockedUntil: true } });
  if (held.length) return new Date(Math.max(...held.map((h) => h.lockedUntil!.getTime())));
  for (const { key, max } of limits) {
    const row = await db.loginThrottle.upsert({ where: { key }, create: { key, failures: 1 }, update: { failures: { increment: 1 } } });
    if (row.failures <= max) continue;
    const until = row.lockedUntil ?? new Date(now.getTime() + lockMinutes * 60_000);
    if (!row.lockedUntil) await db.loginThrottle.updateMany({ where: { key, lockedUntil: null }, data: { lockedUntil: until } });
    // Past its limit: the keys after it (the account, for an address) are not counted, so not created.
    return until;
  }
  return null;
}

/** A successful login: the account's count is cleared and the address's attempt given back. */
export async function attemptSucceeded(db: DbOrTx, account: string, address: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: account } });
  await db.loginThrottle.updateMany({ where: { key: address, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}

/** Rows of a window that is over (a lock that ran out, or no attempt for `lockMinutes`) count nothing: gone. */
export async function pruneThrottle(db: DbOrTx, lockMinutes: number, now = new Date()): Promise<number> {
  const windowStart = new Date(now.getTime() - lockMinutes * 60_000);
  const { count } = await db.loginThrottle.deleteMany({ where: { OR: [{ lockedUntil: { lte: now } }, { lockedUntil: null, updatedAt: { lt: windowStart } }] } });
  return count;
}
