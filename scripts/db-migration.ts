// npm run db:migration -- <name>      write a new migration for both providers
// npm run db:migration -- --check     fail when the schema has changes no migration holds
//
// Each provider's folder keeps schema.snapshot.prisma, the schema as of its newest
// migration; a new migration is the datamodel diff from that snapshot to the
// current schema, which needs no database and no network.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { diffSchemas, migrationsDir, schemaPath, snapshotPath } from "../lib/db/engine";
import type { Provider } from "../lib/db/config";

const PROVIDERS: Provider[] = ["sqlite", "postgres"];
const isEmpty = (sql: string) => !sql.trim() || /^-- This is an empty migration/.test(sql.trim());

async function check() {
  let stale = false;
  for (const provider of PROVIDERS) {
    const snapshot = existsSync(snapshotPath(provider)) ? readFileSync(snapshotPath(provider), "utf8") : null;
    if (!isEmpty(await diffSchemas(provider, snapshot))) {
      console.error(`${provider}: the schema has changes with no migration: run npm run db:migration -- <name>`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
  console.log("migrations are current for sqlite and postgres");
}

async function write(name: string) {
  execFileSync(process.execPath, ["scripts/derive-schema.mjs"], { stdio: "inherit" });
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const provider of PROVIDERS) {
    const snapshot = existsSync(snapshotPath(provider)) ? readFileSync(snapshotPath(provider), "utf8") : null;
    const sql = await diffSchemas(provider, snapshot);
    if (isEmpty(sql)) {
      console.log(`${provider}: schema unchanged, no migration written`);
      continue;
    }
    const dir = join(migrationsDir[provider], `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    writeFileSync(snapshotPath(provider), readFileSync(schemaPath[provider], "utf8"));
    console.log(`${provider}: wrote ${join(dir, "migration.sql")}`);
  }
}

async function main() {
  const arg = process.argv[2];
  if (arg === "--check") return check();
  if (!arg || !/^[a-z0-9_]+$/.test(arg)) {
    console.error("用法 / usage: npm run db:migration -- <name>   (lower-case letters, digits, _)");
    process.exit(2);
  }
  await write(arg);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
