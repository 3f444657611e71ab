// The server-side checks of office-wide permissions (user admin, creating reports,
// numbering): the policy answers (lib/core/policy/office.ts), enforce() audits a refusal.
import "server-only";
import type { DbOrTx } from "../db/client";
import type { Permission } from "../core/permissions";
import { Unauthenticated } from "../core/errors";
import type { Actor } from "../core/policy/actor";
import { officeWidePolicy } from "../core/policy/office";
import { enforce } from "../policy/enforce";

export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new Unauthenticated();
  return actor;
}

/**
 * The office where the actor holds an office-wide permission (user admin, creating
 * reports, numbering); else 403, recorded as a denial in the actor's own office.
 */
export async function requireOfficeWith(db: DbOrTx, actor: Actor, permission: Permission): Promise<string> {
  const own = actor.memberships[0]?.officeId ?? null;
  return (await enforce(db, actor, officeWidePolicy(actor, permission), { type: "office", id: own, officeId: own, detail: { permission } })).officeId;
}
