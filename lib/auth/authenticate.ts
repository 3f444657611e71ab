// Checks a username and password: throttling, constant work for unknown users,
// deactivated accounts, and an audit entry for every outcome.
import "server-only";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { databaseFailure } from "../db/errors";
import { loginSchema } from "./schemas";
import { issueMessage } from "../core/validation";
import { openSession } from "./session-store";
import { settings } from "../config/settings";
import { verifyPassword } from "./password";
import { accountKey, attemptSucceeded, countAttempt, ipKey } from "./throttle";
import { say, translate, type Locale, type Saying } from "../core/i18n/messages";

export type AuthResult =
  | { ok: true; user: { id: string; username: string; displayName: string } }
  | { ok: false; code: "invalid" | "locked" | "inactive"; message: Saying };

/** What a failed login is told: the same for an unknown user and a wrong password. */
export const LOGIN_FAILED: Saying = { key: "login.failed" };
export const ACCOUNT_INACTIVE: Saying = { key: "login.inactive" };

/**
 * One password guess for `username` from `ip`, counted before the password is checked
 * (so parallel guesses cannot outrun the lock): null, or what the lock says.
 * The address first: one past its limit adds no row for yet another name.
 */
export async function countPasswordAttempt(db: Db, username: string, ip: string, now = new Date()): Promise<Saying | null> {
  const limits = [{ key: ipKey(ip), max: settings.loginMaxFailuresPerIp }, { key: accountKey(username), max: settings.loginMaxFailures }];
  const until = await countAttempt(db, limits, settings.loginLockMinutes, now);
  return until && { key: "login.locked", params: { minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) } };
}

export async function authenticate(db: Db, username: string, password: string, ip: string): Promise<AuthResult> {
  const name = username.trim();
  const [account, address] = [accountKey(name), ipKey(ip)];
  const locked = await countPasswordAttempt(db, name, ip);
  if (locked) {
    await recordAudit(db, { actorName: name, action: "login.locked", objectType: "user", ip });
    return { ok: false, code: "locked", message: locked };
  }

  const user = await db.user.findUnique({ where: { username: name } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk) {
    await recordAudit(db, { actorId: user?.id, actorName: name, action: "login.failed", objectType: "user", objectId: user?.id, ip });
    return { ok: false, code: "invalid", message: LOGIN_FAILED };
  }
  if (!user.active) {
    await recordAudit(db, { actorId: user.id, actorName: name, action: "login.inactive", objectType: "user", objectId: user.id, ip });
    return { ok: false, code: "inactive", message: ACCOUNT_INACTIVE };
  }
  await attemptSucceeded(db, account, address);
  await recordAudit(db, { actorId: user.id, actorName: user.username, action: "login.success", objectType: "user", objectId: user.id, ip });
  return {
    ok: true,
    user: { id: user.id, username: user.username, displayName: user.displayName },
  };
}

/**
 * next-auth's authorize: the credentials checked and a server-side session opened, or an
 * Error whose message the login form shows, in the reader's language. A database that
 * fails (full, read-only, gone) answers with the same message as every other request,
 * never its own text.
 */
export async function logIn(db: Db, credentials: unknown, ip: string, locale: Locale = "zh"): Promise<{ id: string; name: string; sid: string }> {
  const parsed = loginSchema.safeParse(credentials ?? {});
  if (!parsed.success) throw new Error(parsed.error.issues[0] ? issueMessage(parsed.error.issues[0], locale) : translate(locale, "login.missing"));
  try {
    const result = await authenticate(db, parsed.data.username, parsed.data.password, ip);
    if (!result.ok) throw new Error(say(locale, result.message));
    return { id: result.user.id, name: result.user.displayName, sid: await openSession(db, result.user.id) };
  } catch (err) {
    const failure = databaseFailure(err);
    if (failure) {
      console.error("[login] database unavailable", failure.log);
      throw new Error(translate(locale, failure.key));
    }
    throw err;
  }
}
