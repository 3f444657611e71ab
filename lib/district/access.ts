// The district an actor oversees: the policy answers (lib/core/policy/district.ts) from
// the actor's own offices loaded here; anything else is 403, audited like every refusal.
import "server-only";
import type { DbOrTx } from "../db/client";
import { memberOfficeIds, type Actor } from "../core/policy/actor";
import { districtPolicy, overseen } from "../core/policy/district";
import { enforce } from "../policy/enforce";

/** The actor's own offices, each with whether towns sit below it. */
async function ownOffices(db: DbOrTx, actor: Actor) {
  const ids = memberOfficeIds(actor);
  if (!ids.length) return [];
  const rows = await db.office.findMany({ where: { id: { in: ids } }, include: { _count: { select: { children: true } } }, orderBy: { code: "asc" } });
  return rows.map(({ _count, ...office }) => ({ ...office, hasTowns: _count.children > 0 }));
}

export async function overseenDistricts(db: DbOrTx, actor: Actor) {
  return overseen(actor, await ownOffices(db, actor));
}

export async function requireDistrict(db: DbOrTx, actor: Actor, code?: string) {
  const own = actor.memberships[0]?.officeId ?? null;
  const answer = districtPolicy(actor, await ownOffices(db, actor), code);
  return (await enforce(db, actor, answer, { type: "office", id: own, officeId: own, detail: code ? { district: code } : undefined })).district;
}
