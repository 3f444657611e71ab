// Fails on the Prisma upgrade that moves one of the internals lib/db/prisma-internals.ts leans on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "./client";
import { activeProvider } from "./prisma-internals";

test("a client still names its provider where lib/db/prisma-internals.ts reads it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rs-internals-"));
  const sqlite = createClient(`file:${join(dir, "x.db")}`);
  // The PostgreSQL client connects on its first query only: constructing it needs no server.
  const postgres = createClient("postgresql://nobody@127.0.0.1:1/none");
  try {
    assert.equal(activeProvider(sqlite), "sqlite");
    assert.equal(activeProvider(postgres), "postgresql");
  } finally {
    await sqlite.$disconnect();
    await postgres.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the schema engine's wasm glue still has the hooks we call", async () => {
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Record<string, unknown>;
  assert.equal(typeof glue.__wbg_set_wasm, "function");
});
