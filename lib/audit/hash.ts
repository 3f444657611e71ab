// The audit chain: each entry's hash covers its own fields and the previous
// entry's hash, so editing or deleting any entry breaks every later link.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  role: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  officeId: string | null;
  ip: string | null;
  detail: string | null;
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    e.at.toISOString(),
    e.actorId,
    e.actorName,
    e.role,
    e.action,
    e.objectType,
    e.objectId,
    e.officeId,
    e.ip,
    e.detail,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export interface ChainRow extends ChainedFields {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface ChainProblem {
  seq: number;
  problem: "edited" | "broken-link";
}

/** Walks the rows in seq order; returns every entry that does not fit the chain. */
export function verifyChain(rows: readonly ChainRow[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.prevHash !== prev) problems.push({ seq: row.seq, problem: "broken-link" });
    if (entryHash(row.prevHash, row) !== row.hash) problems.push({ seq: row.seq, problem: "edited" });
    prev = row.hash;
  }
  return problems;
}
