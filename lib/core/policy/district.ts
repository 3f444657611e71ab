// The district: an office with towns below it, overseen by those who hold a role there
// that follows the towns (district.oversee: its administrators and readers). Pure; the
// offices come from lib/district/access.ts, which acts on the answer with enforce().
import { rolesIn, type Actor } from "./actor";
import { rolesAllow } from "../permissions";
import { refused, type Refusal } from "./answer";

export interface OfficeFacts {
  id: string;
  code: string;
  /** offices sit below it */
  hasTowns: boolean;
}

/** Of the given offices, those the actor oversees as a district (in their order). */
export function overseen<O extends OfficeFacts>(actor: Actor, offices: readonly O[]): O[] {
  return offices.filter((o) => o.hasTowns && rolesAllow(rolesIn(actor, o.id), "district.oversee"));
}

/** The district an action is for: the one named by `code`, else the actor's first; 403 unless the actor oversees it. */
export function districtPolicy<O extends OfficeFacts>(actor: Actor, offices: readonly O[], code?: string): { ok: true; district: O } | Refusal {
  const mine = overseen(actor, offices);
  const district = code ? mine.find((d) => d.code === code) : mine[0];
  return district ? { ok: true, district } : refused(403, "refusal.notDistrict");
}
