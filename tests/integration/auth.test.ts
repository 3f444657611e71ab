import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, actorFor, type TestDb } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { authenticate, LOGIN_FAILED } from "../../lib/auth/authenticate";
import { say } from "../../lib/core/i18n/messages";
import { loadActor, openSession, revokeSession } from "../../lib/auth/session-store";
import { resetPassword, setActive, createUser } from "../../lib/users/service";
import { ValidationError } from "../../lib/core/validation";
import { AppError } from "../../lib/core/errors";

const PASSWORD = "a-demo-password";
let t: TestDb;
before(async () => {
  t = await freshDb();
  await seedDemo(t.db, PASSWORD);
});
after(async () => t.close());

test("a right password logs in and is recorded", async () => {
  const r = await authenticate(t.db, "drafter", PASSWORD, "10.0.0.1");
  assert.equal(r.ok, true);
  assert.equal(await t.db.auditEvent.count({ where: { action: "login.success", actorName: "drafter" } }), 1);
});

test("five failures lock the account for 15 minutes; the sixth try is refused even with the right password", async () => {
  for (let i = 1; i <= 5; i++) {
    const r = await authenticate(t.db, "reviewer", "wrong-password", "10.0.0.2");
    assert.deepEqual(r, { ok: false, code: "invalid", message: LOGIN_FAILED }, `try ${i}`);
  }
  const sixth = await authenticate(t.db, "reviewer", PASSWORD, "10.0.0.2");
  assert.equal(sixth.ok, false);
  assert.equal(!sixth.ok && sixth.code, "locked");
  assert.match(!sixth.ok ? say("zh", sixth.message) : "", /锁定.*15 分钟/);
  assert.match(!sixth.ok ? say("en", sixth.message) : "", /locked.*15 minutes/);
  assert.equal(await t.db.auditEvent.count({ where: { action: "login.failed", actorName: "reviewer" } }), 5);
  assert.equal(await t.db.auditEvent.count({ where: { action: "login.locked", actorName: "reviewer" } }), 1);
  // The lock is per account: another user from the same address still logs in.
  assert.equal((await authenticate(t.db, "approver", PASSWORD, "10.0.0.2")).ok, true);
});

test("the lock ends after its time and the count starts again", async () => {
  await t.db.loginThrottle.update({ where: { key: "user:reviewer" }, data: { lockedUntil: new Date(Date.now() - 1000) } });
  assert.equal((await authenticate(t.db, "reviewer", PASSWORD, "10.0.0.2")).ok, true);
});

test("an unknown user gets the same answer as a wrong password", async () => {
  const r = await authenticate(t.db, "nobody", "whatever-password", "10.0.0.3");
  assert.deepEqual(r, { ok: false, code: "invalid", message: LOGIN_FAILED });
  assert.equal(say("zh", r.ok ? LOGIN_FAILED : r.message), "用户名或密码错误。");
});

test("a deactivated account cannot log in, and its sessions end", async () => {
  const admin = await actorFor(t.db, "admin");
  const user = await t.db.user.findUniqueOrThrow({ where: { username: "drafter2" } });
  const session = await openSession(t.db, user.id);
  assert.ok(await loadActor(t.db, session));
  await setActive(t.db, admin, { userId: user.id, active: false });
  const r = await authenticate(t.db, "drafter2", PASSWORD, "10.0.0.4");
  assert.equal(!r.ok && r.code, "inactive");
  assert.equal(await loadActor(t.db, session), null);
  await setActive(t.db, admin, { userId: user.id, active: true });
});

test("a password reset ends the user's sessions and the new password works", async () => {
  const admin = await actorFor(t.db, "admin");
  const before = await t.db.user.findUniqueOrThrow({ where: { username: "drafter" } });
  const session = await openSession(t.db, before.id);
  await resetPassword(t.db, admin, { userId: before.id, password: "brand-new-password" });
  assert.equal(await loadActor(t.db, session), null, "old session refused");
  assert.equal((await authenticate(t.db, "drafter", PASSWORD, "10.0.0.5")).ok, false);
  assert.equal((await authenticate(t.db, "drafter", "brand-new-password", "10.0.0.5")).ok, true);
  const after = await t.db.user.findUniqueOrThrow({ where: { id: before.id } });
  assert.equal(after.mustChangePassword, true);
  assert.ok(after.passwordHash.startsWith("$argon2id$"), "argon2id hash");
});

test("bad input is refused with a Chinese message per field and nothing is written", async () => {
  const admin = await actorFor(t.db, "admin");
  const count = await t.db.user.count();
  await assert.rejects(
    () => createUser(t.db, admin, { username: "Bad Name", displayName: "", password: "short", roles: [], extra: 1 } as never),
    (err: unknown) => {
      assert.ok(err instanceof ValidationError);
      assert.match(err.fieldErrors.username, /小写字母/);
      assert.match(err.fieldErrors.password, /至少 10/);
      assert.match(err.fieldErrors.roles, /至少选择一个角色/);
      return true;
    },
  );
  assert.equal(await t.db.user.count(), count);
});

test("the first-administrator setup is refused once any user exists", async () => {
  const { createFirstAdmin } = await import("../../lib/users/service");
  await assert.rejects(
    () => createFirstAdmin(t.db, { officeCode: "x-town", officeName: "某镇", officeFullName: "某镇人民政府", headerMark: "某镇人民政府文件", docCodePrefix: "某府", username: "intruder", displayName: "入侵者", password: "a-long-password-7" }),
    (e: unknown) => e instanceof AppError && e.status === 409,
  );
  assert.equal(await t.db.user.count({ where: { username: "intruder" } }), 0);
});

test("passwords: at least 10 characters, not the username, not a known weak one", async () => {
  const { passwordProblem } = await import("../../lib/auth/password-policy");
  assert.match(passwordProblem("short")!, /至少 10/);
  assert.match(passwordProblem("zhangsan-2026", "zhangsan")!, /包含用户名/);
  assert.match(passwordProblem("1234567890")!, /弱密码/);
  // Every rule broken is named at once, not one per try.
  const { passwordProblems } = await import("../../lib/auth/password-policy");
  assert.deepEqual(passwordProblems("aaaa"), ["password.tooShort", "password.oneCharacter"]);
  assert.equal(passwordProblem("aaaa"), "密码至少 10 个字符。密码不能由同一个字符重复组成。");
  assert.equal(passwordProblem("aaaa", undefined, "en"), "A password has at least 10 characters. The password cannot be one character repeated.");
  assert.match(passwordProblem("aaaaaaaaaaaa")!, /同一个字符/);
  assert.equal(passwordProblem("依法行政-2026-春"), null);
});

test("logout ends that session on the server, and only that one", async () => {
  const user = await t.db.user.findUniqueOrThrow({ where: { username: "approver" } });
  const [laptop, phone] = [await openSession(t.db, user.id), await openSession(t.db, user.id)];
  await revokeSession(t.db, laptop);
  assert.equal(await loadActor(t.db, laptop), null, "a copy of the logged-out cookie is refused");
  assert.equal((await loadActor(t.db, phone))?.username, "approver", "the other session goes on");
  assert.equal(await loadActor(t.db, "no-such-session"), null);
});

test("thirty guesses at once, the right password last: at most five passwords are checked, and none logs in", async () => {
  const user = await t.db.user.findUniqueOrThrow({ where: { username: "drafter2" } });
  const guesses = [...Array.from({ length: 29 }, (_, i) => `wrong-guess-${i}`), PASSWORD];
  const results = await Promise.all(guesses.map((g) => authenticate(t.db, "drafter2", g, `192.0.2.${guesses.indexOf(g)}`)));
  assert.equal(results.filter((r) => r.ok).length, 0, "no session");
  assert.equal(results.at(-1)!.ok, false);
  const checked = await t.db.auditEvent.count({ where: { actorName: "drafter2", action: "login.failed" } });
  assert.ok(checked <= 5, `${checked} passwords were checked`);
  assert.equal(await t.db.auditEvent.count({ where: { actorName: "drafter2", action: "login.locked" } }), 30 - checked);
  await t.db.loginThrottle.deleteMany({ where: { key: `user:${user.username}` } });
});

test("throttle rows of forged addresses and tried names do not stay forever", async () => {
  const { pruneThrottle } = await import("../../lib/auth/throttle");
  for (let i = 0; i < 20; i++) await authenticate(t.db, `nobody-${i}`, "whatever-password", `198.51.100.${i}`);
  const before = await t.db.loginThrottle.count();
  const later = new Date(Date.now() + 16 * 60_000);
  assert.ok((await pruneThrottle(t.db, 15, later)) >= 40, "every row of a window that is over is pruned");
  assert.ok(before >= 40);
  assert.equal(await t.db.loginThrottle.count({ where: { key: { startsWith: "user:nobody-" } } }), 0);
});

test("a flood of random usernames from one address leaves a bounded number of throttle rows; a locked address adds nothing more", async () => {
  await t.db.loginThrottle.deleteMany();
  for (let i = 0; i < 300; i++) await authenticate(t.db, `flood-${i}-${Math.random().toString(36).slice(2)}`, "whatever-password", "203.0.113.7");
  const rows = await t.db.loginThrottle.count();
  // the address's limit (30) of names, and the address itself
  assert.ok(rows <= 31, `${rows} rows after 300 names from one address`);
  await authenticate(t.db, "flood-one-more", "whatever-password", "203.0.113.7");
  assert.equal(await t.db.loginThrottle.count(), rows, "a locked address adds no row");
  await t.db.loginThrottle.deleteMany();
});

test("a wrong current password in a password change counts against the account like a failed login, and is recorded", async () => {
  const { changeOwnPassword } = await import("../../lib/users/service");
  const actor = await actorFor(t.db, "drafter");
  const change = (current: string) => changeOwnPassword(t.db, actor, { current, next: "依法行政-2026-夏" }, "10.9.9.9");
  const wrong = (e: unknown) => e instanceof AppError && e.status === 400 && e.code === "password.wrongCurrent" && /当前密码不正确/.test(e.message) && e.localized("en").fields?.current === "The current password is wrong.";
  for (let i = 1; i <= 5; i++) await assert.rejects(change(`wrong-${i}`), wrong, `try ${i}`);
  assert.equal(await t.db.auditEvent.count({ where: { action: "user.changePassword.failed", actorName: "drafter", ip: "10.9.9.9" } }), 5);
  // The account is now locked: the right password changes nothing, and logging in is refused too.
  await assert.rejects(change(PASSWORD), (e) => e instanceof AppError && e.code === "login.locked" && /锁定/.test(e.message) && /locked/.test(e.localized("en").fields?.current ?? ""));
  assert.equal(await t.db.auditEvent.count({ where: { action: "user.changePassword.locked", actorName: "drafter" } }), 1);
  const login = await authenticate(t.db, "drafter", PASSWORD, "10.0.0.99");
  assert.equal(!login.ok && login.code, "locked");
  await t.db.loginThrottle.deleteMany({ where: { key: "user:drafter" } });
});
