// Checks a username and password: throttling, constant work for unknown users,
// deactivated accounts, and an audit entry for every outcome.
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { settings } from "../config/settings";
import { verifyPassword } from "./password";
import { accountKey, clearFailures, ipKey, lockedUntil, recordFailure } from "./throttle";

export type AuthResult =
  | { ok: true; user: { id: string; username: string; displayName: string; sessionVersion: number } }
  | { ok: false; code: "invalid" | "locked" | "inactive"; message: string };

export const LOGIN_MESSAGES = {
  invalid: "用户名或密码错误。",
  locked: (minutes: number) => `登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试。`,
  inactive: "该账户已停用，请联系管理员。",
};

export async function authenticate(db: Db, username: string, password: string, ip: string): Promise<AuthResult> {
  const name = username.trim();
  const keys = [accountKey(name), ipKey(ip)];
  const now = new Date();
  const until = await lockedUntil(db, keys, now);
  if (until) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    await recordAudit(db, { actorName: name, action: "login.locked", objectType: "user", ip });
    return { ok: false, code: "locked", message: LOGIN_MESSAGES.locked(minutes) };
  }

  const user = await db.user.findUnique({ where: { username: name } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk) {
    await recordFailure(db, keys[0], settings.loginMaxFailures, settings.loginLockMinutes, now);
    await recordFailure(db, keys[1], settings.loginMaxFailuresPerIp, settings.loginLockMinutes, now);
    await recordAudit(db, { actorId: user?.id, actorName: name, action: "login.failed", objectType: "user", objectId: user?.id, ip });
    return { ok: false, code: "invalid", message: LOGIN_MESSAGES.invalid };
  }
  if (!user.active) {
    await recordAudit(db, { actorId: user.id, actorName: name, action: "login.inactive", objectType: "user", objectId: user.id, ip });
    return { ok: false, code: "inactive", message: LOGIN_MESSAGES.inactive };
  }
  await clearFailures(db, keys[0]);
  await recordAudit(db, { actorId: user.id, actorName: user.username, action: "login.success", objectType: "user", objectId: user.id, ip });
  return {
    ok: true,
    user: { id: user.id, username: user.username, displayName: user.displayName, sessionVersion: user.sessionVersion },
  };
}
