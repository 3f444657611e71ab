// The server-side checks every server action and route handler goes through.
import type { DbOrTx } from "../db/client";
import { recordAudit } from "../audit/record";
import { loadAncestors } from "../offices/queries";
import type { Permission } from "../permissions";
import { can, type Actor } from "./actor";

/** An error with the HTTP status it answers with and a message for the user (Chinese). */
export class AccessError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 503,
    message: string,
  ) {
    super(message);
    this.name = "AccessError";
  }
}

export const MESSAGES = {
  unauthenticated: "请先登录。",
  forbidden: "您没有执行此操作的权限。",
  notFound: "未找到该内容，或您无权查看。",
};

export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new AccessError(401, MESSAGES.unauthenticated);
  return actor;
}

/**
 * Refuses (403, with an audit entry) unless the actor holds `permission` in `officeId`.
 * Callers first make sure the object is visible at all (else 404).
 */
export async function requirePermission(
  db: DbOrTx,
  actor: Actor,
  officeId: string,
  permission: Permission,
  object?: { type: string; id: string },
): Promise<void> {
  if (can(actor, officeId, permission, await loadAncestors(db))) return;
  await recordAudit(db, {
    actorId: actor.userId,
    actorName: actor.username,
    action: "permission.denied",
    objectType: object?.type ?? "office",
    objectId: object?.id ?? officeId,
    officeId,
    detail: { permission },
  });
  throw new AccessError(403, MESSAGES.forbidden);
}

/** The first office where the actor holds `permission` directly (for office-wide actions like user admin). */
export function officeWith(actor: Actor, permission: Permission, officeId?: string): string | null {
  const ids = actor.memberships.map((m) => m.officeId).filter((id) => !officeId || id === officeId);
  for (const id of ids) if (can(actor, id, permission, new Map())) return id;
  return null;
}

/**
 * The office where the actor holds an office-wide permission (user admin, creating
 * reports, numbering); else 403, recorded as a denial in the actor's own office.
 */
export async function requireOfficeWith(db: DbOrTx, actor: Actor, permission: Permission): Promise<string> {
  const officeId = officeWith(actor, permission);
  if (officeId) return officeId;
  if (actor.memberships[0]) await requirePermission(db, actor, actor.memberships[0].officeId, permission);
  throw new AccessError(403, MESSAGES.forbidden);
}
