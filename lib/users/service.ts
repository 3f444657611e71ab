// User administration within an office. Each function checks the permission,
// validates its input with the shared zod schema, writes, and records an audit entry.
import "server-only";
import type { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { requireOfficeWith } from "../auth/guard";
import { officeWith } from "../core/policy/office";
import { Conflict, Invalid, NotFound, uniquely } from "../core/errors";
import { hashPassword } from "../auth/password";
import { revokeUserSessions } from "../auth/session-store";
import { accountKey, attemptSucceeded, clearFailures, ipKey } from "../auth/throttle";
import { countPasswordAttempt } from "../auth/authenticate";
import { recordAudit } from "../audit/record";
import { parseInput } from "../core/validation";
import type { Role } from "../core/permissions";
import { passwordRefusal } from "../auth/password-policy";
import { verifyPassword } from "../auth/password";
import { changeOwnPasswordSchema, createUserSchema, firstAdminSchema, resetPasswordSchema, setActiveSchema, setRolesSchema } from "./schemas";

/** The office whose users the actor administers. */
const adminOffice = (db: Db, actor: Actor) => requireOfficeWith(db, actor, "user.manage");

export async function listOfficeUsers(db: Db, actor: Actor) {
  const officeId = await adminOffice(db, actor);
  const users = await db.user.findMany({
    where: { memberships: { some: { officeId } } },
    include: { memberships: { where: { officeId } } },
    orderBy: { username: "asc" },
  });
  return {
    officeId,
    users: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      active: u.active,
      roles: u.memberships.map((m) => m.role),
    })),
  };
}

/** The users page: the office's users, or null for someone who may not manage users. */
export async function usersPageView(db: Db, actor: Actor) {
  if (!officeWith(actor, "user.manage")) return { users: null };
  return { users: (await listOfficeUsers(db, actor)).users };
}

/** A user of the admin's own office, else 404: other offices' users are invisible. */
async function officeUser(db: Db, officeId: string, userId: string) {
  const user = await db.user.findFirst({ where: { id: userId, memberships: { some: { officeId } } } });
  if (!user) throw new NotFound();
  return user;
}

export async function createUser(db: Db, actor: Actor, raw: z.input<typeof createUserSchema>, ip?: string) {
  const officeId = await adminOffice(db, actor);
  const input = parseInput(createUserSchema, raw);
  return insertUser(db, officeId, input, { actorId: actor.userId, actorName: actor.username, ip });
}

/**
 * A new user of an office, who must set their own password at first login: the one
 * way users are made (the admin page above, the CLI). The unique username decides a race.
 */
export async function insertUser(
  db: Db,
  officeId: string,
  input: { username: string; displayName: string; password: string; email?: string | null; roles: Role[] },
  by: { actorId?: string; actorName: string; ip?: string },
) {
  const passwordHash = await hashPassword(input.password);
  return uniquely(() => db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        email: input.email || null,
        passwordHash,
        mustChangePassword: true,
        memberships: { create: input.roles.map((role) => ({ officeId, role })) },
      },
    });
    await recordAudit(tx, {
      actorId: by.actorId, actorName: by.actorName, action: "user.create", objectType: "user",
      objectId: user.id, officeId, ip: by.ip, detail: { after: { username: user.username, roles: input.roles } },
    });
    return { id: user.id };
  }), "user.usernameTaken", { username: input.username });
}

export async function setRoles(db: Db, actor: Actor, raw: z.input<typeof setRolesSchema>, ip?: string) {
  const officeId = await adminOffice(db, actor);
  const input = parseInput(setRolesSchema, raw);
  const user = await officeUser(db, officeId, input.userId);
  if (user.id === actor.userId && !input.roles.includes("admin")) {
    throw new Conflict("user.selfAdminRole");
  }
  await db.$transaction(async (tx) => {
    const before = await tx.membership.findMany({ where: { userId: user.id, officeId } });
    await tx.membership.deleteMany({ where: { userId: user.id, officeId } });
    await tx.membership.createMany({ data: input.roles.map((role) => ({ userId: user.id, officeId, role })) });
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "user.roles", objectType: "user", objectId: user.id,
      officeId, ip, detail: { before: before.map((m) => m.role), after: input.roles },
    });
  });
}

export async function resetPassword(db: Db, actor: Actor, raw: z.input<typeof resetPasswordSchema>, ip?: string) {
  const officeId = await adminOffice(db, actor);
  const input = parseInput(resetPasswordSchema, raw);
  const user = await officeUser(db, officeId, input.userId);
  const problem = passwordRefusal(input.password, user.username, "password");
  if (problem) throw problem;
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    // The user is logged out everywhere and must choose their own password next.
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true } });
    await revokeUserSessions(tx, user.id);
    await clearFailures(tx, accountKey(user.username));
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "user.resetPassword", objectType: "user",
      objectId: user.id, officeId, ip,
    });
  });
}

export async function setActive(db: Db, actor: Actor, raw: z.input<typeof setActiveSchema>, ip?: string) {
  const officeId = await adminOffice(db, actor);
  const input = parseInput(setActiveSchema, raw);
  const user = await officeUser(db, officeId, input.userId);
  if (user.id === actor.userId && !input.active) throw new Conflict("user.selfDeactivate");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { active: input.active } });
    if (!input.active) await revokeUserSessions(tx, user.id);
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: input.active ? "user.activate" : "user.deactivate",
      objectType: "user", objectId: user.id, officeId, ip, detail: { before: { active: user.active }, after: { active: input.active } },
    });
  });
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/** The first start without demo data: one office and its administrator. Refused once any user exists. */
export async function createFirstAdmin(db: Db, raw: z.input<typeof firstAdminSchema>, ip?: string) {
  const input = parseInput(firstAdminSchema, raw);
  const passwordHash = await hashPassword(input.password);
  return uniquely(() => db.$transaction(async (tx) => {
    // Users made another way (the CLI, the demo) also count as set up.
    if ((await tx.user.count()) > 0) throw new Conflict("user.alreadySetUp");
    await tx.installation.create({ data: { id: 1 } });
    const office = await tx.office.create({
      data: {
        code: input.officeCode, name: input.officeName, fullName: input.officeFullName,
        headerMark: input.headerMark, docCodePrefix: input.docCodePrefix,
      },
    });
    const user = await tx.user.create({
      data: {
        username: input.username, displayName: input.displayName, passwordHash,
        memberships: { create: [{ officeId: office.id, role: "admin" }] },
      },
    });
    await recordAudit(tx, {
      actorId: user.id, actorName: user.username, action: "setup.firstAdmin", objectType: "office",
      objectId: office.id, officeId: office.id, ip, detail: { after: { office: office.code, admin: user.username } },
    });
    return { officeId: office.id, userId: user.id };
  }), "user.alreadySetUp");
}

/** A user sets their own password (required after an administrator set one). Other sessions end. */
export async function changeOwnPassword(db: Db, actor: Actor, raw: z.input<typeof changeOwnPasswordSchema>, ip?: string) {
  const input = parseInput(changeOwnPasswordSchema, raw);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  // The current password is a password guess like a login's: counted against the
  // account and the address (a stolen session must not guess on unthrottled), and recorded.
  const audit = { actorId: user.id, actorName: user.username, objectType: "user", objectId: user.id, ip };
  const locked = await countPasswordAttempt(db, user.username, ip ?? "unknown");
  if (locked) {
    await recordAudit(db, { ...audit, action: "user.changePassword.locked" });
    throw new Invalid(locked.key, locked.params, { current: locked });
  }
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    await recordAudit(db, { ...audit, action: "user.changePassword.failed" });
    throw new Invalid("password.wrongCurrent", {}, { current: "password.wrongCurrent" });
  }
  await attemptSucceeded(db, accountKey(user.username), ipKey(ip ?? "unknown"));
  const problem = passwordRefusal(input.next, user.username, "next");
  if (problem) throw problem;
  const passwordHash = await hashPassword(input.next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await revokeUserSessions(tx, user.id);
    await recordAudit(tx, { ...audit, action: "user.changePassword" });
  });
}
