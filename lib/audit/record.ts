// The one audit helper: every state change, login and denial calls recordAudit,
// inside the same transaction as the change it records.
import "server-only";
import { identityOf, isPostgresClient, type Db, type DbOrTx, type Tx } from "../db/client";
import { GENESIS_HASH, entryHash, verifyChain, type ChainProblem } from "./hash";
import { auditKey } from "./key";
import { anchorLocation, readAnchors } from "./anchor";
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

async function append(tx: Tx, input: AuditInput) {
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
  await tx.auditEvent.create({ data: { ...fields, prevHash, hash: entryHash(prevHash, fields, auditKey()), keyed: true } });
}

// A transaction's client has $transaction too (a nested call opens a savepoint, two
// more round trips, one of them under the chain's lock); only the root client connects.
function isTransaction(db: DbOrTx): db is Tx {
  return !("$connect" in db);
}

/** Appends an entry; pass the transaction of the change so both commit or neither does. */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<void> {
  if (isTransaction(db)) return append(db, input);
  await (db as Db).$transaction((tx) => append(tx, input));
}

/** The chain checked entry by entry with the key, and against this chain's anchors. */
export async function verifyAuditChain(db: Db, anchorFile?: string): Promise<{ entries: number; anchors: number; problems: ChainProblem[] }> {
  const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
  const anchors = readAnchors(identityOf(db), anchorFile);
  return { entries: rows.length, anchors: anchors.length, problems: verifyChain(rows, auditKey(), anchors, anchorLocation(anchorFile)) };
}
