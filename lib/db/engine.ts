// Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm), driven
// through the same driver adapter as the app. The Prisma CLI would download a
// native engine binary first, which this offline setting cannot do.
import "server-only";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine as SchemaEngineT, MigrationList, DiffTarget } from "@prisma/schema-engine-wasm";
import { adapterFor } from "./adapter";
import { splitSqlScript } from "./sql-script";
import { providerOf, type Provider } from "./config";
import { startWasm, type WasmGlue } from "./prisma-internals";

const root = process.cwd();

export const schemaPath: Record<Provider, string> = {
  sqlite: join(root, "prisma/schema.prisma"),
  postgres: join(root, "prisma/postgres/schema.prisma"),
};
export const migrationsDir: Record<Provider, string> = {
  sqlite: join(root, "prisma/migrations/sqlite"),
  postgres: join(root, "prisma/migrations/postgres"),
};
const LOCK_PROVIDER: Record<Provider, string> = { sqlite: "sqlite", postgres: "postgresql" };

type Bg = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & WasmGlue;

let loaded: Promise<Bg> | null = null;
function loadWasm(): Promise<Bg> {
  loaded ??= (async () => {
    const require = createRequire(join(root, "package.json"));
    const pkgDir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Bg;
    const bytes = readFileSync(join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
    startWasm(bg, instance);
    return bg;
  })();
  return loaded;
}

/** The provider's migrations, in order; `upTo` stops after the one of that name (for tests of a data migration). */
function readMigrations(provider: Provider, upTo?: string): MigrationList {
  const baseDir = migrationsDir[provider];
  const all = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const dirs = upTo ? all.slice(0, all.indexOf(upTo) + 1) : all;
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: `provider = "${LOCK_PROVIDER[provider]}"\n` },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

interface OpenEngine {
  engine: SchemaEngineT;
  /** frees the engine and closes every connection it opened (else SQLite stays locked) */
  close(): Promise<void>;
}

async function openEngine(url: string): Promise<OpenEngine> {
  const provider = providerOf(url);
  const factory = adapterFor(url);
  const opened: SqlDriverAdapter[] = [];
  const track = async (connect: () => Promise<SqlDriverAdapter>) => {
    const adapter = await connect();
    opened.push(adapter);
    // adapter-pg splits a script at every ';', which would cut a function body apart (lib/db/sql-script.ts).
    if (provider === "postgres") {
      adapter.executeScript = async (script) => {
        for (const sql of splitSqlScript(script)) await adapter.executeRaw({ sql, args: [], argTypes: [] });
      };
    }
    return adapter;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(() => factory.connect()),
    connectToShadowDb: () => track(() => factory.connectToShadowDb()),
  };
  const bg = await loadWasm();
  const datamodel = readFileSync(schemaPath[provider], "utf8");
  const log = (line: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(line);
  };
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath[provider], datamodel]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    async close() {
      engine.free();
      for (const adapter of opened) await adapter.dispose();
    },
  };
}

function pgServerForDiff(): string {
  return process.env.MIGRATION_PG_URL || process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies pending migrations, recording them in _prisma_migrations like `prisma migrate deploy`. */
export async function applyMigrations(url: string, upTo?: string): Promise<string[]> {
  const { engine, close } = await openEngine(url);
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(providerOf(url), upTo), filters: noFilters });
    return out.appliedMigrationNames;
  } catch (err) {
    // Like `prisma migrate`, the engine takes SQLite's exclusive locking mode: any other open connection blocks it.
    if (providerOf(url) === "sqlite" && /SocketTimeout|database is locked|SQLITE_BUSY/i.test(String(err))) {
      throw new Error("数据库正被其他进程使用（应用是否正在运行？）。请先停止应用，再执行迁移。/ The database is in use by another process; stop the app before migrating.");
    }
    throw err;
  } finally {
    await close();
  }
}

/** The schema as of the newest migration, kept beside the migrations. */
export function snapshotPath(provider: Provider): string {
  return join(migrationsDir[provider], "schema.snapshot.prisma");
}

/**
 * SQL from one schema text to the current schema (from `null` = empty database).
 * A datamodel-to-datamodel diff reads no live schema, so it works offline and
 * identically for both providers.
 */
export async function diffSchemas(provider: Provider, fromSchema: string | null): Promise<string> {
  return runDiff(provider, fromSchema === null ? { tag: "empty" } : {
    tag: "schemaDatamodel",
    files: [{ path: snapshotPath(provider), content: fromSchema }],
  });
}

async function runDiff(provider: Provider, from: DiffTarget): Promise<string> {
  // The wasm engine opens a connection even for a datamodel diff; on PostgreSQL
  // it reads nothing from it, so any reachable server will do.
  const url = provider === "sqlite" ? ":memory:" : pgServerForDiff();
  const { engine, close } = await openEngine(url);
  try {
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath[provider], content: readFileSync(schemaPath[provider], "utf8") }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    await close();
  }
}
