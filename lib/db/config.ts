// Where the database is. DATABASE_URL picks the provider: a postgres:// URL means
// PostgreSQL, anything else is an SQLite file (default ./data/report-studio.db).
import "server-only";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";

export type Provider = "sqlite" | "postgres";

const DEFAULT_DATABASE_URL = "file:./data/report-studio.db";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/** Absolute file path of an SQLite URL ("file:./x.db", "file:/abs/x.db" or a bare path). */
export function sqliteFilePath(url: string, cwd = process.cwd()): string {
  const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (path === ":memory:") return path;
  return isAbsolute(path) ? path : resolve(cwd, path);
}

export function ensureSqliteDirectory(url: string): string {
  const file = sqliteFilePath(url);
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  return file;
}

/** Which database a URL names, without credentials: the SQLite file, or PostgreSQL's host, port and database. */
export function databaseIdentity(url: string): string {
  if (providerOf(url) === "sqlite") return `sqlite:${sqliteFilePath(url)}`;
  // The database's name alone: app servers reach the same database through different
  // hosts and ports (a pooler such as pgbouncer, a proxy), and their audit checkpoints must agree.
  return `postgres:${new URL(url).pathname.replace(/^\//, "")}`;
}

/**
 * The SQLite file holds every report, account and the audit record: readable by the
 * server's account only, like the secrets. Made 0600 before SQLite first opens it
 * (SQLite gives -wal and -shm the database file's mode), and tightened if it, a
 * restored copy or its -wal/-shm were left readable by others.
 */
export function secureSqliteFile(file: string): void {
  if (file === ":memory:") return;
  closeSync(openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}
