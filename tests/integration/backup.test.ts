// Backup while the app writes, restore, compare every row; and moving SQLite data to PostgreSQL.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshDb, actorFor, type TestDb, paras, createReportFor } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { saveSection } from "../../lib/sections/save";
import { backup, migrateData, restore } from "../../lib/ops/backup";
import { dumpAll } from "../../lib/ops/tables";
import { applyMigrations } from "../../lib/db/engine";
import { createClient } from "../../lib/db/client";
import { verifyAuditChain } from "../../lib/audit/record";
import { newPgDatabase } from "../pg-database";

let t: TestDb;
const dir = mkdtempSync(join(tmpdir(), "rs-backup-"));
before(async () => {
  t = await freshDb();
  const { reportId } = await seedDemo(t.db, "a-demo-password");
  const drafter = await actorFor(t.db, "drafter");
  const { id } = await createReportFor(t.db, drafter, { source: "lastYear", year: 2023, sourceReportId: reportId });
  const intro = await t.db.section.findFirstOrThrow({ where: { reportId: id, kind: "intro" } });
  await saveSection(t.db, drafter, intro.id, { baseVersion: 1, content: paras("备份前的正文。") });
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

test("a backup taken while saves go on restores to exactly the rows it had", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const intro = await t.db.section.findFirstOrThrow({ where: { kind: "intro", report: { year: 2023 } } });
  const file = join(dir, "snapshot.bak");
  // Saves keep coming while the snapshot is taken.
  let version = intro.version;
  const writer = (async () => {
    for (let i = 0; i < 10; i++) version = (await saveSection(t.db, drafter, intro.id, { baseVersion: version, content: paras(`写入中 ${i}`) })).version;
  })();
  await backup(t.url, file);
  await writer;
  const snapshotTaken = await dumpAll(t.db); // the state after the writes
  // Take a quiet backup now, damage the database, restore, compare every row.
  const quiet = join(dir, "quiet.bak");
  await backup(t.url, quiet);
  const before = await dumpAll(t.db);
  await t.db.section.deleteMany({});
  await t.db.report.updateMany({ data: { title: "被篡改" } });
  await t.db.$disconnect();
  await restore(t.url, quiet);
  const after = await dumpAll(t.db);
  assert.deepEqual(after, before);
  assert.ok(snapshotTaken.section.length > 0);
  assert.deepEqual((await verifyAuditChain(t.db)).problems, []);
  await assert.rejects(() => restore(t.url, join(dir, "missing.bak")), /不存在/);
});

test("migrate-data copies every row from SQLite to a fresh PostgreSQL database", async () => {
  // The source is always an SQLite file; the target a new database on the PostgreSQL server.
  const source = `file:${join(dir, "source.db")}`;
  await applyMigrations(source);
  const src = createClient(source);
  await seedDemo(src, "a-demo-password");
  const expected = await dumpAll(src);
  await src.$disconnect();
  const server = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const { url: target, drop } = await newPgDatabase(server, "rs_migrate");
  try {
    const counts = await migrateData(source, target);
    assert.equal(counts.user, 7);
    const dst = createClient(target);
    assert.deepEqual(await dumpAll(dst), expected);
    // New audit entries continue the chain after the copied ones.
    await dst.$transaction(async (tx) => {
      const { recordAudit } = await import("../../lib/audit/record");
      process.env.DATABASE_URL = target;
      await recordAudit(tx, { action: "test.after-migration" });
    });
    assert.deepEqual((await verifyAuditChain(dst)).problems, []);
    await dst.$disconnect();
    await assert.rejects(() => migrateData(source, target), /已有数据/);
  } finally {
    process.env.DATABASE_URL = t.url;
    await drop();
  }
});

test("the database file, its -wal and -shm, a backup and a restored copy are readable by the server's account only (0600)", async () => {
  const { statSync, chmodSync } = await import("node:fs");
  const { sqliteFilePath } = await import("../../lib/db/config");
  const mode = (f: string) => (statSync(f).mode & 0o777).toString(8);
  // A brand-new database, as the first start makes it.
  const url = `file:${join(dir, "new.db")}`;
  await applyMigrations(url);
  const db = createClient(url);
  await db.office.count();
  const file = sqliteFilePath(url);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) assert.equal(mode(f), "600", f);
  const copy = join(dir, "modes.bak");
  await backup(url, copy);
  assert.equal(mode(copy), "600", "the backup");
  await db.$disconnect();
  chmodSync(copy, 0o644);
  await restore(url, copy);
  assert.equal(mode(file), "600", "the restored database");
});
