// Sessions kept on the server: the JWT carries a session id, and a request is
// served only while that row exists and is not revoked. Logout revokes its own
// session; a password change, reset or deactivation revokes all of a user's.
import type { DbOrTx } from "../db/client";
import type { Prisma } from "../generated/sqlite/client";
import { settings } from "../config/settings";
import { isRole } from "../permissions";
import type { Actor } from "./actor";

/** A new session for a user who just proved their password; sessions past the maximum age are pruned. */
export async function openSession(db: DbOrTx, userId: string, now = new Date()): Promise<string> {
  await db.session.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - settings.sessionMaxHours * 3_600_000) } } });
  return (await db.session.create({ data: { userId } })).id;
}

export async function revokeSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function revokeUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

const withMemberships = { memberships: { include: { office: { select: { code: true, name: true } } } } } as const;

/** The actor of a live session (one query), or null when the session is gone, revoked, or the user deactivated. */
export async function loadActor(db: DbOrTx, sessionId: string): Promise<Actor | null> {
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: { include: withMemberships } } });
  if (!session || session.revokedAt) return null;
  return toActor(session.user);
}

/** A user as an actor without a session (the CLI's operator tasks, tests and benchmarks); null when deactivated. */
export async function actorOfUser(db: DbOrTx, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, include: withMemberships });
  return user ? toActor(user) : null;
}

type UserWithMemberships = Prisma.UserGetPayload<{ include: typeof withMemberships }>;

function toActor(user: UserWithMemberships): Actor | null {
  if (!user.active) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    memberships: user.memberships
      .filter((m) => isRole(m.role))
      .map((m) => ({ officeId: m.officeId, officeCode: m.office.code, officeName: m.office.name, role: m.role })),
  };
}
