import { paras, createReportFor } from "./helpers";
// A full disk and a read-only database file: a clear error (503 with a message), no corruption.
// SQLite's own limits stand in for the disk: PRAGMA max_page_count makes the file "full".
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../lib/generated/sqlite/client";
import { applyMigrations } from "../../lib/db/engine";
import { createClient, type Db } from "../../lib/db/client";
import { seedDemo } from "../../lib/demo/seed";
import { saveSection } from "../../lib/sections/save";
import { actorOfUser } from "../../lib/auth/session-store";
import { toFailure } from "../../lib/http/action";

const dir = mkdtempSync(join(tmpdir(), "rs-storage-"));
after(() => rmSync(dir, { recursive: true, force: true }));

async function setup(name: string) {
  const file = join(dir, `${name}.db`);
  const url = `file:${file}`;
  await applyMigrations(url);
  const db = createClient(url);
  process.env.DATABASE_URL = url;
  const { reportId, users } = await seedDemo(db, "a-demo-password");
  const actor = (await actorOfUser(db, users.drafter))!;
  const { id } = await createReportFor(db, actor, { source: "lastYear", year: 2023, sourceReportId: reportId });
  const section = await db.section.findFirstOrThrow({ where: { reportId: id, kind: "intro" } });
  return { file, url, db, actor, section };
}

const integrity = (file: string) => {
  const raw = new Database(file, { readonly: true });
  try {
    return raw.pragma("integrity_check", { simple: true });
  } finally {
    raw.close();
  }
};

test("a full disk: the save fails with a clear 503, nothing is half written, the file stays sound", async () => {
  const { file, db, actor, section } = await setup("full");
  const pages = (await db.$queryRawUnsafe<{ page_count: number }[]>("PRAGMA page_count"))[0].page_count;
  await db.$executeRawUnsafe(`PRAGMA max_page_count = ${Number(pages) + 2}`);
  const before = await db.sectionRevision.count();
  let failure;
  try {
    await saveSection(db, actor, section.id, { baseVersion: 1, content: paras("满".repeat(90_000)) });
  } catch (err) {
    failure = toFailure(err);
  }
  assert.equal(failure?.status, 503);
  assert.match(failure!.error, /磁盘空间不足/);
  assert.equal(await db.sectionRevision.count(), before);
  assert.equal((await db.section.findUniqueOrThrow({ where: { id: section.id } })).version, 1);
  await db.$disconnect();
  assert.equal(integrity(file), "ok");
});

test("a read-only database file: a clear 503, and reading still works", async () => {
  const { file, db, actor, section } = await setup("readonly");
  await db.$disconnect();
  const ro = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, readonly: true }) }) as unknown as Db;
  assert.equal((await ro.section.findUniqueOrThrow({ where: { id: section.id } })).version, 1);
  let failure;
  try {
    await saveSection(ro, actor, section.id, { baseVersion: 1, content: paras("只读时的修改") });
  } catch (err) {
    failure = toFailure(err);
  }
  assert.equal(failure?.status, 503);
  assert.match(failure!.error, /只读/);
  // A login on that database: the same message, not SQLite's own words.
  const { logIn } = await import("../../lib/auth/authenticate");
  await assert.rejects(() => logIn(ro, { username: "drafter", password: "a-demo-password" }, "10.0.0.9"), (e: unknown) => e instanceof Error && e.message === failure!.error);
  await ro.$disconnect();
  assert.equal(integrity(file), "ok");
});
