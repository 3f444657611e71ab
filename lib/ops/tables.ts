// Every table in the order rows can be inserted (parents before children), for
// backup checks and for moving data between providers.
import "server-only";
import type { Db } from "../db/client";

export const TABLES = [
  "office", "user", "membership", "report", "section", "sectionRevision", "comment", "planItem",
  "docNumberSequence", "notification", "auditEvent", "loginThrottle", "installation", "session",
] as const;
export type TableName = (typeof TABLES)[number];

type Delegate = { findMany(args?: unknown): Promise<Record<string, unknown>[]>; createMany(args: { data: unknown[] }): Promise<unknown> };

export function delegate(db: Db, table: TableName): Delegate {
  return (db as unknown as Record<TableName, Delegate>)[table];
}

/** Rows in a stable order, for comparing two databases. */
export async function dumpAll(db: Db): Promise<Record<TableName, Record<string, unknown>[]>> {
  const out = {} as Record<TableName, Record<string, unknown>[]>;
  for (const t of TABLES) {
    const rows = await delegate(db, t).findMany();
    out[t] = rows
      .map((r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return out;
}

/** Rows of self-referencing tables (offices, sections) ordered parents first. */
export function parentsFirst<T extends { id: unknown; parentId?: unknown }>(rows: T[]): T[] {
  const done = new Set<unknown>();
  const out: T[] = [];
  let pending = rows;
  while (pending.length) {
    const ready = pending.filter((r) => !r.parentId || done.has(r.parentId));
    if (!ready.length) throw new Error("a parent is missing: the data is not consistent");
    for (const r of ready) {
      out.push(r);
      done.add(r.id);
    }
    pending = pending.filter((r) => !ready.includes(r));
  }
  return out;
}
