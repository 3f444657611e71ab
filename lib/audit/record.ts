// The one audit helper: every state change, login and denial calls recordAudit,
// inside the same transaction as the change it records; once that commits, the
// entry gets its checkpoint outside the database (lib/audit/checkpoints.ts).
import "server-only";
import { identityOf, isPostgresClient, type Db, type DbOrTx, type Tx } from "../db/client";
import { afterCommit } from "../db/after-commit";
import { GENESIS_HASH, entryHash, verifyChain, type ChainEvent, type ChainProblem } from "./hash";
import { auditKey } from "./key";
import { checkpointEntry, checkpointFileLocation, readCheckpointLog } from "./checkpoints";
import type { Role } from "../core/permissions";

export interface AuditInput {
  actorId?: string | null;
  actorName?: string | null;
  role?: Role | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  officeId?: string | null;
  ip?: string | null;
  /** a short before/after summary or details; stored as JSON */
  detail?: Record<string, unknown> | null;
}

/**
 * The chain's last hash, read under the lock that serialises appends until the
 * transaction ends: an advisory lock on PostgreSQL, taken and read in one round trip
 * by the audit_chain_head function (migration 20261130082600), since every round
 * trip under the lock is one more wait for every other writer; on SQLite its write lock.
 */
async function lockedHead(tx: Tx): Promise<string | null> {
  if (isPostgresClient(tx)) {
    const rows = await tx.$queryRawUnsafe<{ hash: string }[]>('SELECT "hash" FROM "audit_chain_head"()');
    return rows[0]?.hash ?? null;
  }
  // A write statement takes SQLite's write lock even when it changes no row.
  await tx.$executeRawUnsafe('UPDATE "AuditEvent" SET "seq" = "seq" WHERE 0 = 1');
  return (await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } }))?.hash ?? null;
}

async function append(tx: Tx, input: AuditInput): Promise<number> {
  const prevHash = (await lockedHead(tx)) ?? GENESIS_HASH;
  const fields = {
    at: new Date(),
    actorId: input.actorId ?? null,
    actorName: input.actorName ?? null,
    role: input.role ?? null,
    action: input.action,
    objectType: input.objectType ?? null,
    objectId: input.objectId ?? null,
    officeId: input.officeId ?? null,
    ip: input.ip ?? null,
    detail: input.detail ? JSON.stringify(input.detail) : null,
  };
  const row = await tx.auditEvent.create({ data: { ...fields, prevHash, hash: entryHash(prevHash, fields, auditKey()), keyed: true }, select: { seq: true, hash: true, prevHash: true, at: true } });
  // Checkpointed only once the transaction commits: never an entry that was rolled back.
  if (!afterCommit(tx, (client) => checkpointEntry(identityOf(client), row))) {
    throw new Error("recordAudit: a transaction not opened by a client from createClient (lib/db/client.ts) cannot checkpoint its entries");
  }
  return row.seq;
}

// A transaction's client has $transaction too (a nested call opens a savepoint, two
// more round trips, one of them under the chain's lock); only the root client connects.
function isTransaction(db: DbOrTx): db is Tx {
  return !("$connect" in db);
}

/** Appends an entry; pass the transaction of the change so both commit or neither does. */
/** Returns the entry's seq (a step's handwritten mark is kept by it). */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<number> {
  if (isTransaction(db)) return append(db, input);
  return (db as Db).$transaction((tx) => append(tx, input));
}

export interface AuditCheck {
  entries: number;
  checkpoints: number;
  problems: ChainProblem[];
  /** entries after the last checkpoint (a crash between commit and append) */
  afterLastCheckpoint: number;
  /** a new database started, a backup restored: said once each */
  events: ChainEvent[];
}

/** The chain checked entry by entry with the key, and against this chain's checkpoints. */
export async function verifyAuditChain(db: Db, checkpointFile?: string): Promise<AuditCheck> {
  const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
  const log = readCheckpointLog(identityOf(db), checkpointFile);
  const { problems, afterLastCheckpoint } = verifyChain(rows, auditKey(), log, checkpointFileLocation(checkpointFile));
  return { entries: rows.length, checkpoints: log.checkpoints.length, problems, afterLastCheckpoint, events: log.events };
}
