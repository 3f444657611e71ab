import "server-only";
import type { DbOrTx } from "./client";
import type { AncestorMap } from "../core/policy/actor";

/** Office id → its ancestors, parent first. Offices are few (one district's towns), so load all. */
export async function loadAncestors(db: DbOrTx): Promise<AncestorMap> {
  const offices = await db.office.findMany({ select: { id: true, parentId: true } });
  const parent = new Map(offices.map((o) => [o.id, o.parentId]));
  const map = new Map<string, string[]>();
  for (const o of offices) {
    const chain: string[] = [];
    let p = o.parentId;
    while (p && !chain.includes(p)) {
      chain.push(p);
      p = parent.get(p) ?? null;
    }
    map.set(o.id, chain);
  }
  return map;
}

/** Offices strictly below any of the given ones. */
export function descendantsOf(ancestors: AncestorMap, officeIds: readonly string[]): string[] {
  return [...ancestors.entries()].filter(([, chain]) => chain.some((a) => officeIds.includes(a))).map(([id]) => id);
}

export function listOffices(db: DbOrTx) {
  return db.office.findMany({ orderBy: { code: "asc" }, include: { parent: { select: { code: true } } } });
}
