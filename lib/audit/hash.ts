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

/** What the checkpoint file says of a chain (lib/audit/checkpoints.ts readCheckpointLog). */
export interface ChainEvent {
  event: "new" | "restore";
  /** when, ISO */
  at: string;
  /** a new chain's first entry, or the restored backup's head (0: empty) */
  seq: number;
}

export interface CheckpointLog {
  /** the checkpointed entries of the chain as it now stands */
  checkpoints: { seq: number; hash: string }[];
  events: ChainEvent[];
}

export interface ChainProblem {
  seq: number;
  problem: "edited" | "broken-link" | "unkeyed-after-keyed" | "truncated" | "rewritten" | "missing-checkpoint" | "cut";
  /** cut: the time of the entry the record now ends with */
  at?: Date;
  /** rewritten: how many checkpointed entries differ, from this one on */
  count?: number;
}

export interface ChainCheck {
  problems: ChainProblem[];
  /** entries after the last checkpoint (a crash between commit and append leaves a few) */
  afterLastCheckpoint: number;
}

/**
 * The action of the entries that, before every entry had its checkpoint, recorded a checkpoint being written
 * (stored in old chains under its name of then).
 */
const LEGACY_CHECKPOINT_ACTION = "audit.anchor";

/**
 * Walks the rows in seq order and holds them against the checkpoints: every entry
 * that does not fit the chain, a checkpointed entry that is gone, a tail cut off
 * (checkpoints beyond the head: named once, with the entry the record now ends with),
 * checkpointed hashes that differ (a rewritten chain), and, for chains from before
 * per-entry checkpoints, a checkpoint the chain records but the file lacks (of those
 * written to this file: `here`).
 */
export function verifyChain(rows: readonly ChainRow[], key: string, log: CheckpointLog = { checkpoints: [], events: [] }, here?: string): ChainCheck {
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
  const head = rows.at(-1);
  const headSeq = head?.seq ?? 0;
  const checkpoints = [...log.checkpoints].sort((a, b) => a.seq - b.seq);
  const differ = checkpoints.filter((c) => bySeq.has(c.seq) && bySeq.get(c.seq)!.hash !== c.hash);
  if (differ.length) problems.push({ seq: differ[0].seq, problem: "rewritten", count: differ.length });
  for (const c of checkpoints) if (c.seq <= headSeq && !bySeq.has(c.seq)) problems.push({ seq: c.seq, problem: "truncated" });
  const lastCheckpointed = checkpoints.at(-1)?.seq ?? 0;
  if (lastCheckpointed > headSeq) problems.push({ seq: headSeq, problem: "cut", at: head?.at });
  for (const row of rows) {
    if (row.action !== LEGACY_CHECKPOINT_ACTION || !row.detail) continue;
    const { seq, hash, file } = JSON.parse(row.detail) as { seq: number; hash: string; file?: string };
    if (file && here && file !== here) continue;
    if (!checkpoints.some((c) => c.seq === seq && c.hash === hash)) problems.push({ seq, problem: "missing-checkpoint" });
  }
  return { problems, afterLastCheckpoint: rows.filter((r) => r.seq > lastCheckpointed).length };
}
