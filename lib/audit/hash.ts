// The audit chain: each entry's hash covers its own fields and the previous
// entry's hash, so editing or deleting any entry breaks every later link. Entries
// are keyed (HMAC-SHA256 with the audit key, lib/audit/key.ts), so the chain cannot
// be recomputed from the database alone; entries written before the key existed are
// plain SHA-256, and none may follow a keyed one.
import "server-only";
import { createHash, createHmac } from "node:crypto";

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

/** The entry's hash: an HMAC with `key`, or (entries from before the key) plain SHA-256. */
export function entryHash(prevHash: string, e: ChainedFields, key?: string): string {
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
  return (key === undefined ? createHash("sha256") : createHmac("sha256", key)).update(canonical).digest("hex");
}

export interface ChainRow extends ChainedFields {
  seq: number;
  prevHash: string;
  hash: string;
  keyed: boolean;
}

/** The head of the chain at a moment, written outside the database (lib/audit/anchor.ts). */
export interface Anchor {
  at: string;
  /** the entries then, and the last one's seq and hash */
  count: number;
  seq: number;
  hash: string;
  reason: string;
}

export interface ChainProblem {
  seq: number;
  problem: "edited" | "broken-link" | "unkeyed-after-keyed" | "truncated" | "rewritten" | "missing-anchor";
}

/** The action of the entry that records an anchor being written (its detail names the anchored seq and hash). */
export const ANCHOR_ACTION = "audit.anchor";

/**
 * Walks the rows in seq order and holds them against the anchors: every entry that
 * does not fit the chain, an anchored entry that is gone (a cut tail) or different
 * (a rewritten chain), and an anchor the chain records but the file lacks (of the
 * anchors written to this file: `here`; each app server keeps its own file).
 */
export function verifyChain(rows: readonly ChainRow[], key: string, anchors: readonly Anchor[] = [], here?: string): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  let keyedSeen = false;
  for (const row of rows) {
    if (row.prevHash !== prev) problems.push({ seq: row.seq, problem: "broken-link" });
    if (keyedSeen && !row.keyed) problems.push({ seq: row.seq, problem: "unkeyed-after-keyed" });
    keyedSeen ||= row.keyed;
    if (entryHash(row.prevHash, row, row.keyed ? key : undefined) !== row.hash) problems.push({ seq: row.seq, problem: "edited" });
    prev = row.hash;
  }
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  for (const a of anchors) {
    const row = bySeq.get(a.seq);
    if (!row) problems.push({ seq: a.seq, problem: "truncated" });
    else if (row.hash !== a.hash) problems.push({ seq: a.seq, problem: "rewritten" });
  }
  for (const row of rows) {
    if (row.action !== ANCHOR_ACTION || !row.detail) continue;
    const { seq, hash, file } = JSON.parse(row.detail) as { seq: number; hash: string; file?: string };
    if (file && here && file !== here) continue;
    if (!anchors.some((a) => a.seq === seq && a.hash === hash)) problems.push({ seq, problem: "missing-anchor" });
  }
  return problems;
}
