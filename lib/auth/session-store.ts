// Sessions kept on the server: the JWT carries a session id, and a request is
// served only while that row exists and is not revoked. Logout revokes its own
// session; a password change, reset or deactivation revokes all of a user's.
import "server-only";
import type { DbOrTx } from "../db/client";
import type { Prisma } from "../generated/sqlite/client";
import { settings } from "../config/settings";
import { isRole, type Role } from "../core/permissions";
import type { Actor } from "../core/policy/actor";

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

/** A row of the actor's query: the session's user, one row per membership (none: one row of nulls). */
interface ActorRow {
  userId: string;
  username: string;
  displayName: string;
  active: unknown;
  mustChangePassword: unknown;
  revokedAt: unknown;
  officeId: string | null;
  role: string | null;
  officeCode: string | null;
  officeName: string | null;
}

// Raw booleans: PostgreSQL gives true/false, SQLite 1/0.
const yes = (v: unknown) => v === true || v === 1 || v === 1n;

/**
 * The actor of a live session, or null when the session is gone, revoked, or the
 * user deactivated. Every request asks, so it is one statement with joins: the
 * same read through include took four round trips (session, user, memberships,
 * offices), each one a wait when the server is busy.
 */
export async function loadActor(db: DbOrTx, sessionId: string): Promise<Actor | null> {
  const rows = await db.$queryRaw<ActorRow[]>`
    SELECT u."id" AS "userId", u."username", u."displayName", u."active", u."mustChangePassword", s."revokedAt",
           m."officeId", m."role", o."code" AS "officeCode", o."name" AS "officeName"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Membership" m ON m."userId" = u."id"
    LEFT JOIN "Office" o ON o."id" = m."officeId"
    WHERE s."id" = ${sessionId}
    ORDER BY m."createdAt", m."id"`;
  const first = rows[0];
  if (!first || first.revokedAt !== null || !yes(first.active)) return null;
  return {
    userId: first.userId,
    username: first.username,
    displayName: first.displayName,
    mustChangePassword: yes(first.mustChangePassword),
    memberships: rows
      .filter((r): r is ActorRow & { officeId: string; role: Role; officeCode: string; officeName: string } => r.officeId !== null && r.role !== null && isRole(r.role))
      .map((r) => ({ officeId: r.officeId, officeCode: r.officeCode, officeName: r.officeName, role: r.role })),
  };
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
