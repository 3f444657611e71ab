// Office-wide permissions (user admin, creating reports, numbering, the office's
// settings): held in an office of one's own, not on a report or a section. Pure; the
// services act on the answer with enforce() (lib/policy/enforce.ts), which audits a refusal.
import { can, type Actor } from "./actor";
import type { Permission } from "../permissions";
import { refused, type Refusal } from "./answer";

/** The first office where the actor holds `permission` directly (within `officeId` when given), else null. */
export function officeWith(actor: Actor, permission: Permission, officeId?: string): string | null {
  const ids = actor.memberships.map((m) => m.officeId).filter((id) => !officeId || id === officeId);
  for (const id of ids) if (can(actor, id, permission, new Map())) return id;
  return null;
}

/** An office-wide action: allowed in the first office where the actor holds the permission; else 403. */
export function officeWidePolicy(actor: Actor, permission: Permission): { ok: true; officeId: string } | Refusal {
  const officeId = officeWith(actor, permission);
  return officeId ? { ok: true, officeId } : refused(403, "refusal.forbidden");
}
