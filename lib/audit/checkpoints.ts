// Checkpoints: every audit entry's seq and hash, appended to a file outside the
// database as soon as the entry's transaction commits (lib/audit/record.ts, through
// lib/db/after-commit.ts: an entry rolled back never gets one). Someone who can change
// the database alone cannot make the chain agree with them: a cut tail leaves
// checkpoints beyond the chain's head, a rewritten chain changes a checkpointed hash.
// (A comment's place in the text is its anchor, lib/core/text/comment-anchor.ts:
// another thing.) A line is one append (O_APPEND: whole lines even with several
// processes), without fsync: a crash loses at most the last lines, which verify
// reports as entries after the last checkpoint, never as tampering.
// Besides the entries, two events: "new" (a chain's first entry: a new database was
// started where checkpoints of another may be) and "restore" (the CLI put a backup
// back): each starts the chain's history afresh from that point, and verify says so.
// Each line names its database (the SQLite file, or the PostgreSQL database name: never
// what the database holds, which a rewrite could change), so databases sharing a data
// directory (a test run, a migration) keep apart.
import "server-only";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { identityOf, type Db } from "../db/client";
import { settings } from "../config/settings";
import { GENESIS_HASH, type CheckpointLog, type ChainEvent } from "./hash";

export interface CheckpointLine {
  /** the database (lib/db/config.ts databaseIdentity) */
  db: string;
  seq: number;
  hash: string;
  /** absent for an entry's checkpoint */
  event?: ChainEvent["event"];
  at?: string;
  /** the format before per-entry checkpoints: "restore" was the event */
  reason?: string;
}

// The setting's and the file's names are from when checkpoints were called anchors: kept, so that an installation
// keeps reading the checkpoints it has.
export function checkpointFile(): string {
  return process.env.AUDIT_ANCHOR_FILE || join(settings.dataDir, "audit-anchors.jsonl");
}

/** Where a checkpoint file is, as chains from before per-entry checkpoints recorded it. */
export function checkpointFileLocation(file = checkpointFile()): string {
  // turbopackIgnore: a runtime data path, nothing for the build to trace.
  return `${hostname()}:${resolve(/* turbopackIgnore: true */ file)}`;
}

function append(lines: CheckpointLine[], file: string): void {
  appendFileSync(/* turbopackIgnore: true */ file, lines.map((l) => `${JSON.stringify(l)}\n`).join(""), { mode: 0o600 });
}

/** After the entry's transaction committed: its checkpoint, preceded by "new" for the first entry of a chain. */
export function checkpointEntry(db: string, entry: { seq: number; hash: string; prevHash: string; at: Date }, file = checkpointFile()): void {
  const lines: CheckpointLine[] = [];
  if (entry.prevHash === GENESIS_HASH && entry.seq === 1) lines.push({ db, event: "new", at: entry.at.toISOString(), seq: entry.seq, hash: entry.hash });
  lines.push({ db, seq: entry.seq, hash: entry.hash });
  append(lines, file);
}

/** The chain's head now, or null for an empty chain. */
export async function chainHead(db: Db): Promise<{ db: string; at: string; count: number; seq: number; hash: string } | null> {
  const [last, count] = await Promise.all([db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } }), db.auditEvent.count()]);
  if (!last) return null;
  return { db: identityOf(db), at: new Date().toISOString(), count, seq: last.seq, hash: last.hash };
}

/** The CLI restored a backup: the chain goes on from the backup's head, and verify says when. */
export async function checkpointRestore(db: Db, file = checkpointFile()): Promise<void> {
  const head = await chainHead(db);
  append([{ db: identityOf(db), event: "restore", at: new Date().toISOString(), seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH }], file);
}

/** Checkpoints the head again (`cli audit checkpoint`): after a crash, the tail it left without checkpoints. */
export async function checkpointHead(db: Db, file = checkpointFile()): Promise<CheckpointLine | null> {
  const head = await chainHead(db);
  if (!head) return null;
  const line = { db: head.db, seq: head.seq, hash: head.hash };
  append([line], file);
  return line;
}

function parse(line: string): CheckpointLine | null {
  try {
    return JSON.parse(line) as CheckpointLine;
  } catch {
    return null; // a line cut by a crash is no checkpoint
  }
}

/**
 * This database's checkpoints, as the chain now stands: an event drops what it undid
 * (a restore, the checkpoints beyond the backup's head; a new database, all before it).
 */
export function readCheckpointLog(database: string, file = checkpointFile()): CheckpointLog {
  const log: CheckpointLog = { checkpoints: [], events: [] };
  if (!existsSync(/* turbopackIgnore: true */ file)) return log;
  for (const text of readFileSync(/* turbopackIgnore: true */ file, "utf8").split("\n")) {
    const a = text ? parse(text) : null;
    if (!a || a.db !== database) continue;
    const event = a.event ?? (a.reason === "restore" ? "restore" : undefined);
    if (!event) {
      log.checkpoints.push({ seq: a.seq, hash: a.hash });
      continue;
    }
    // A new database: what came before was another database's history, events and all.
    if (event === "new") [log.checkpoints, log.events] = [[], []];
    else log.checkpoints = log.checkpoints.filter((x) => x.seq <= a.seq);
    log.events.push({ event, at: a.at ?? "", seq: a.seq });
    if (event === "restore" && a.seq > 0) log.checkpoints.push({ seq: a.seq, hash: a.hash });
  }
  return log;
}

/** After migrate-data: the source's checkpoints hold for the copy too (the same entries under the same numbers). */
export function copyCheckpoints(from: Db, to: Db, file = checkpointFile()): number {
  const { checkpoints } = readCheckpointLog(identityOf(from), file);
  if (checkpoints.length) append(checkpoints.map((c) => ({ db: identityOf(to), seq: c.seq, hash: c.hash })), file);
  return checkpoints.length;
}
