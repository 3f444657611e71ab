// The Prisma client, its adapter chosen from DATABASE_URL. Both generated
// clients have the same models; the PostgreSQL one is exposed under the SQLite
// client's type because a union of the two constructors is not constructable.
import "server-only";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgres/client";
import { adapterFor } from "./adapter";
import { databaseIdentity, databaseUrl, providerOf } from "./config";
import { withAfterCommit } from "./after-commit";
import { activeProvider, asSqliteClientType } from "./prisma-internals";

export type Db = SqliteClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

const IDENTITIES = new WeakMap<object, string>();

// Prisma's defaults (2 s to get a connection, 5 s to finish) fail a burst of writes on a
// busy machine: audit entries take the chain's head one at a time, so forty at once queue
// for the pool. Waiting longer is bounded and loses nothing; failing loses the write.
const transactionOptions = { maxWait: 10_000, timeout: 10_000 };

export function createClient(url: string): Db {
  const adapter = adapterFor(url);
  const client =
    providerOf(url) === "postgres"
      ? asSqliteClientType<Db>(new PostgresClient({ adapter, transactionOptions }))
      : new SqliteClient({ adapter, transactionOptions });
  IDENTITIES.set(client, databaseIdentity(url));
  return withAfterCommit(client);
}

/** The database a client talks to (lib/db/config.ts databaseIdentity), for the audit checkpoints. */
export function identityOf(db: Db): string {
  return IDENTITIES.get(db) ?? databaseIdentity(databaseUrl());
}

const globalForDb = globalThis as unknown as { reportStudioDb?: Db };

/** The process-wide client (kept on globalThis so dev reloads do not leak connections). */
export function getDb(): Db {
  globalForDb.reportStudioDb ??= createClient(databaseUrl());
  return globalForDb.reportStudioDb;
}

/** Which database a client talks to: the client's own provider (the same process may hold both, e.g. migrate-data). */
export function isPostgresClient(db: DbOrTx): boolean {
  // Prisma keeps it on the client and on its transaction clients; DATABASE_URL is the fallback.
  const provider = activeProvider(db);
  return provider ? provider === "postgresql" : providerOf(databaseUrl()) === "postgres";
}
