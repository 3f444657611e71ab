// When a session token is no longer good: idle too long, or older than a working day.
export interface SessionTimes {
  lastSeen?: number;
  loginAt?: number;
}

export function sessionExpired(token: SessionTimes, nowSeconds: number, idleSeconds: number, maxSeconds: number): boolean {
  return nowSeconds - (token.lastSeen ?? 0) > idleSeconds || nowSeconds - (token.loginAt ?? 0) > maxSeconds;
}

/** Re-issue the cookie at most every 15 s (or a quarter of a short idle window). */
export function shouldRefresh(token: SessionTimes, nowSeconds: number, idleSeconds: number): boolean {
  return nowSeconds - (token.lastSeen ?? 0) >= Math.min(15, idleSeconds / 4);
}
