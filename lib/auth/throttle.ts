// Failed-login counters per account and per address. After `max` failures the
// key is locked for `lockMinutes`; a success clears the account's counter.
import type { DbOrTx } from "../db/client";

export const accountKey = (username: string) => `user:${username.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** The latest lock still in force on any of the keys, or null. */
export async function lockedUntil(db: DbOrTx, keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/** Counts one failure; returns true when this failure set a lock. */
export async function recordFailure(
  db: DbOrTx,
  key: string,
  max: number,
  lockMinutes: number,
  now = new Date(),
): Promise<boolean> {
  const row = await db.loginThrottle.findUnique({ where: { key } });
  // A lock that has run out starts a fresh count.
  const expired = row?.lockedUntil && row.lockedUntil <= now;
  const failures = (row && !expired ? row.failures : 0) + 1;
  const lock = failures >= max ? new Date(now.getTime() + lockMinutes * 60_000) : null;
  await db.loginThrottle.upsert({
    where: { key },
    create: { key, failures, lockedUntil: lock },
    update: { failures, lockedUntil: lock },
  });
  return lock !== null;
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
