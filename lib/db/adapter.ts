// The driver adapter for a database URL; the app, the migrator and the tests all use this.
import "server-only";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { ensureSqliteDirectory, providerOf, secureSqliteFile } from "./config";

export function adapterFor(url: string): PrismaBetterSqlite3 | PrismaPg {
  if (providerOf(url) === "postgres") {
    return new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  }
  const file = ensureSqliteDirectory(url);
  secureSqliteFile(file);
  if (file !== ":memory:") enableWal(file);
  // busy_timeout lets a second process (CLI, backup) wait for the app's write lock instead of failing.
  return new PrismaBetterSqlite3({ url: file, timeout: 5000 });
}

/** WAL survives in the file once set; the adapter does not set it, so we do, once per file. */
const walDone = new Set<string>();
function enableWal(file: string) {
  if (walDone.has(file)) return;
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
  walDone.add(file);
}
