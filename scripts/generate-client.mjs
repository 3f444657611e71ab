#!/usr/bin/env node
// Generates both Prisma clients (SQLite and PostgreSQL) without a network:
// `prisma generate` only needs PRISMA_SCHEMA_ENGINE_BINARY to name an existing
// file (it does not run it), which stops the CLI from downloading an engine.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const cli = join(root, "node_modules/prisma/build/index.js");
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  execFileSync(process.execPath, [cli, "generate", "--schema", schema], { cwd: root, env, stdio: "inherit" });
}
