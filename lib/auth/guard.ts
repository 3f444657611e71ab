// The server-side checks of office-wide permissions (user admin, creating reports,
// numbering): permissions held in an office rather than on a report or section, which
// lib/policy/ answers.
import "server-only";
import type { DbOrTx } from "../db/client";
import { recordAudit } from "../audit/record";
import { loadAncestors } from "../db/office-tree";
import type { Permission } from "../core/permissions";
import { Forbidden, Unauthenticated } from "../core/errors";
import { can, type Actor } from "../core/policy/actor";

export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new Unauthenticated();
  return actor;
}

/** Refuses (403, with an audit entry) unless the actor holds `permission` in `officeId`. */
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
    detail: { reason: "refusal.forbidden", permission },
  });
  throw new Forbidden();
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
  throw new Forbidden();
}
