// Backups while the app runs, restore, and moving a town's data to PostgreSQL.
// SQLite: the online backup API (a consistent snapshot while others write).
// PostgreSQL: pg_dump / pg_restore from Debian's postgresql-client.
import "server-only";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, copyFileSync, openSync, readSync, closeSync } from "node:fs";
import Database from "better-sqlite3";
import { providerOf, secureSqliteFile, sqliteFilePath } from "../db/config";
import { applyMigrations } from "../db/engine";
import { createClient } from "../db/client";
import { verifyAuditChain } from "../audit/record";
import { copyCheckpoints } from "../audit/checkpoints";
import { TABLES, delegate, parentsFirst, type TableName } from "./tables";
import { translate, type MessageKey } from "../core/i18n/messages";

/** Why a backup, restore or copy cannot go on; its words are in the catalogue (the CLI prints them in Chinese). */
export class OpsError extends Error {
  constructor(
    readonly key: Extract<MessageKey, `ops.${string}`>,
    readonly params?: Record<string, string | number>,
  ) {
    super(translate("zh", key, params));
    this.name = "OpsError";
  }
}

export async function backup(url: string, file: string): Promise<{ kind: string; bytes: number }> {
  if (providerOf(url) === "postgres") {
    execFileSync("pg_dump", ["--format=custom", "--no-owner", "--file", file, url], { stdio: ["ignore", "ignore", "pipe"] });
  } else {
    const db = new Database(sqliteFilePath(url), { fileMustExist: true });
    try {
      await db.backup(file);
    } finally {
      db.close();
    }
    secureSqliteFile(file); // a copy of everything: as closely held as the database
  }
  return { kind: providerOf(url), bytes: readFileSync(file).length };
}

function header(file: string): string {
  const fd = openSync(file, "r");
  const buf = Buffer.alloc(16);
  readSync(fd, buf, 0, 16, 0);
  closeSync(fd);
  return buf.toString("latin1");
}

/** Restores a backup over the database at url. On SQLite stop the app first. */
export async function restore(url: string, file: string) {
  if (!existsSync(file)) throw new OpsError("ops.backupMissing", { file });
  const kind = header(file).startsWith("SQLite format 3") ? "sqlite" : header(file).startsWith("PGDMP") ? "postgres" : null;
  if (!kind) throw new OpsError("ops.backupUnknown");
  if (kind !== providerOf(url)) throw new OpsError("ops.backupOtherDatabase", { kind, target: providerOf(url) });
  if (kind === "postgres") {
    execFileSync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", url, file], { stdio: ["ignore", "ignore", "pipe"] });
    return;
  }
  // Check the backup before it replaces anything.
  const check = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma("integrity_check", { simple: true });
    if (ok !== "ok") throw new OpsError("ops.backupDamaged", { problem: String(ok) });
  } finally {
    check.close();
  }
  const target = sqliteFilePath(url);
  for (const suffix of ["-wal", "-shm"]) rmSync(target + suffix, { force: true });
  copyFileSync(file, target);
  secureSqliteFile(target); // the copy took the backup file's mode
}

/** Copies every row from one database to another freshly migrated one (SQLite → PostgreSQL). */
export async function migrateData(fromUrl: string, toUrl: string, log: (line: string) => void = () => {}) {
  if (providerOf(toUrl) !== "postgres") throw new OpsError("ops.targetNotPostgres");
  await applyMigrations(toUrl);
  const from = createClient(fromUrl);
  const to = createClient(toUrl);
  try {
    for (const t of TABLES) {
      if ((await delegate(to, t).findMany({ take: 1 })).length) throw new OpsError("ops.targetNotEmpty", { table: t });
    }
    const counts: Partial<Record<TableName, number>> = {};
    for (const t of TABLES) {
      let rows = await delegate(from, t).findMany();
      if (t === "office" || t === "section") rows = parentsFirst(rows as { id: unknown; parentId?: unknown }[]) as typeof rows;
      // Self-referencing rows go in parent-first batches so foreign keys hold at every step.
      for (let i = 0; i < rows.length; i += 500) await delegate(to, t).createMany({ data: rows.slice(i, i + 500) });
      counts[t] = rows.length;
      log(`${t}: ${rows.length}`);
    }
    // The audit log keeps its numbers; the sequence continues after them.
    await to.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'seq'), COALESCE((SELECT MAX(seq) FROM "AuditEvent"), 0) + 1, false)`);
    copyCheckpoints(from, to);
    const { problems } = await verifyAuditChain(to);
    if (problems.length) throw new OpsError("ops.auditChainBroken", { problems: problems.length });
    return counts;
  } finally {
    await from.$disconnect();
    await to.$disconnect();
  }
}
