import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, type TestDb } from "./helpers";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recordAudit, verifyAuditChain } from "../../lib/audit/record";

let t: TestDb;
const dir = mkdtempSync(join(tmpdir(), "rs-checkpoints-"));
before(async () => {
  t = await freshDb();
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

test("entries written at the same moment form one unbroken chain", async () => {
  // Two clients are two app servers on PostgreSQL. On SQLite the app is one process whose
  // adapter serialises transactions; two synchronous better-sqlite3 connections in one
  // process would only block each other's event loop, so the same client is used twice.
  const other = t.provider === "postgres" ? t.second() : t.db;
  await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      recordAudit(i % 2 ? t.db : other, { actorName: `u${i}`, action: "test.event", objectType: "thing", objectId: String(i), detail: { i } }),
    ),
  );
  const { entries, problems } = await verifyAuditChain(t.db);
  assert.equal(entries, 40);
  assert.deepEqual(problems, []);
});

test("an edited entry is found and named", async () => {
  const target = await t.db.auditEvent.findFirstOrThrow({ where: { objectId: "7" } });
  await t.db.auditEvent.update({ where: { seq: target.seq }, data: { actorName: "someone-else" } });
  const { problems } = await verifyAuditChain(t.db);
  assert.deepEqual(problems, [{ seq: target.seq, problem: "edited" }]);
  await t.db.auditEvent.update({ where: { seq: target.seq }, data: { actorName: target.actorName } });
  assert.deepEqual((await verifyAuditChain(t.db)).problems, []);
});

test("a deleted entry breaks the link of the one after it, and its checkpoint names it", async () => {
  const rows = await t.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
  const victim = rows[10];
  await t.db.auditEvent.delete({ where: { seq: victim.seq } });
  const { problems } = await verifyAuditChain(t.db);
  assert.deepEqual(problems, [{ seq: rows[11].seq, problem: "broken-link" }, { seq: victim.seq, problem: "truncated" }]);
  await t.db.auditEvent.create({ data: victim });
  assert.deepEqual((await verifyAuditChain(t.db)).problems, []);
});

test("the chain is keyed: recomputed without the key (plain SHA-256, as an attacker with only the database can), it fails", async () => {
  const { entryHash, GENESIS_HASH } = await import("../../lib/audit/hash");
  const t2 = await freshDb();
  try {
    for (let i = 0; i < 5; i++) await recordAudit(t2.db, { actorName: "u", action: "test.event", objectId: String(i) });
    const rows = await t2.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    assert.ok(rows.every((r) => r.keyed), "new entries are keyed");
    // Rewrite every entry, links and all, with one name changed, as the app without a key would have.
    const rewrite = async (keyed: boolean) => {
      let prev = GENESIS_HASH;
      for (const r of rows) {
        const fields = { ...r, actorName: r.seq === rows[2].seq ? "someone-else" : r.actorName };
        const hash = entryHash(prev, fields);
        await t2.db.auditEvent.update({ where: { seq: r.seq }, data: { actorName: fields.actorName, prevHash: prev, hash, keyed } });
        prev = hash;
      }
    };
    await rewrite(true);
    assert.deepEqual((await verifyAuditChain(t2.db)).problems.filter((p) => p.problem === "edited").length, rows.length, "every keyed entry fails its HMAC");
    // Passed off as entries from before the key: every checkpoint outside the database disagrees, named once.
    await rewrite(false);
    const problems = (await verifyAuditChain(t2.db)).problems;
    assert.deepEqual(problems, [{ seq: rows[0].seq, problem: "rewritten", count: rows.length }]);
  } finally {
    await t2.close();
  }
});

test("three logins in a fresh install: cutting the tail after any entry is named, with the entry the record now ends with", async () => {
  const { authenticate } = await import("../../lib/auth/authenticate");
  const { seedDemo } = await import("../../lib/demo/seed");
  const t3 = await freshDb();
  try {
    await seedDemo(t3.db, "a-demo-password");
    for (const u of ["admin", "drafter", "reviewer"]) assert.equal((await authenticate(t3.db, u, "a-demo-password", "10.1.1.1")).ok, true);
    const all = await t3.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    assert.deepEqual((await verifyAuditChain(t3.db)).problems, []);
    for (let n = 1; n <= 3; n++) {
      const kept = all.at(-n - 1)!;
      await t3.db.auditEvent.deleteMany({ where: { seq: { gt: kept.seq } } });
      assert.deepEqual((await verifyAuditChain(t3.db)).problems, [{ seq: kept.seq, problem: "cut", at: kept.at }], `the last ${n} logins cut`);
      for (const row of all.slice(-n)) await t3.db.auditEvent.create({ data: row });
    }
    // Everything cut: the record is cut after entry #0.
    await t3.db.auditEvent.deleteMany();
    assert.deepEqual((await verifyAuditChain(t3.db)).problems, [{ seq: 0, problem: "cut", at: undefined }]);
  } finally {
    await t3.close();
  }
});

test("an entry whose transaction rolls back never gets a checkpoint; a lost tail of checkpoints is reported as not checkpointed, not as tampering", async () => {
  const { checkpointFile } = await import("../../lib/audit/checkpoints");
  const { readFileSync, writeFileSync } = await import("node:fs");
  const t4 = await freshDb();
  try {
    await recordAudit(t4.db, { actorName: "u", action: "test.event", objectId: "kept" });
    const lines = () => readFileSync(checkpointFile(), "utf8");
    const before = lines();
    await assert.rejects(t4.db.$transaction(async (tx) => {
      await recordAudit(tx, { actorName: "u", action: "test.event", objectId: "rolled back" });
      throw new Error("the change fails after its entry");
    }), /the change fails/);
    assert.equal(lines(), before, "nothing appended for a rolled-back entry");
    for (let i = 0; i < 3; i++) await recordAudit(t4.db, { actorName: "u", action: "test.event", objectId: String(i) });
    assert.deepEqual((await verifyAuditChain(t4.db)).problems, [], "the seq a rollback freed is checkpointed once, with its new entry");
    // A crash between commit and append: the last two checkpoints never written.
    const all = lines().split("\n").filter(Boolean);
    writeFileSync(checkpointFile(), `${all.slice(0, -2).join("\n")}\n`);
    const { problems, afterLastCheckpoint } = await verifyAuditChain(t4.db);
    assert.deepEqual([problems, afterLastCheckpoint], [[], 2]);
    const { chainReport } = await import("../../lib/cli/commands");
    assert.deepEqual(chainReport(problems, afterLastCheckpoint, []), ["最后一个检查点之后有 2 条记录尚无检查点 / entries after the last checkpoint: 2 (not checkpointed)"]);
  } finally {
    await t4.close();
  }
});

test("an entry's checkpoint costs one append of one line: counted (the time is printed, not asserted)", async () => {
  const { checkpointEntry } = await import("../../lib/audit/checkpoints");
  const { readFileSync } = await import("node:fs");
  const file = join(dir, "cost.jsonl");
  const n = 2000;
  const started = performance.now();
  for (let i = 1; i <= n; i++) checkpointEntry("sqlite:/cost", { seq: i + 1, hash: "a".repeat(64), prevHash: "b".repeat(64), at: new Date() }, file);
  console.log(`# one checkpoint append: ${(((performance.now() - started) / n) * 1000).toFixed(1)} µs`);
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  assert.equal(lines.length, n);
  assert.deepEqual(JSON.parse(lines[n - 1]), { db: "sqlite:/cost", seq: n + 1, hash: "a".repeat(64) });
});

test("a restore through the CLI, and a new database where one was, are said once with their time, and the chain is checked from there", async () => {
  const { runCli } = await import("../../lib/cli/commands");
  const { applyMigrations } = await import("../../lib/db/engine");
  const { createClient } = await import("../../lib/db/client");
  const saved = { url: process.env.DATABASE_URL, checkpoints: process.env.AUDIT_ANCHOR_FILE };
  process.env.AUDIT_ANCHOR_FILE = join(dir, "events.jsonl");
  const url = `file:${join(dir, "events.db")}`;
  process.env.DATABASE_URL = url;
  const open = async () => {
    await applyMigrations(url);
    return createClient(url);
  };
  const verify = async (db: Awaited<ReturnType<typeof open>>) => {
    const lines: string[] = [];
    await runCli(["audit", "verify"], db, { out: (l) => lines.push(l) });
    return lines;
  };
  const write = async (db: Awaited<ReturnType<typeof open>>, n: number) => {
    for (let i = 0; i < n; i++) await recordAudit(db, { actorName: "u", action: "test.event", objectId: String(i) });
  };
  const TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";
  try {
    let db = await open();
    await write(db, 5);
    await runCli(["backup", join(dir, "events.bak")], db, { out: () => {} });
    await write(db, 5);
    await runCli(["restore", join(dir, "events.bak")], db, { out: () => {} });
    db = createClient(url);
    await write(db, 2); // with the restore's own entry, numbers the restore undid, with other hashes
    assert.equal((await db.auditEvent.findFirstOrThrow({ where: { seq: 6 } })).action, "ops.restore");
    let lines = await verify(db);
    assert.equal(lines.filter((l) => new RegExp(`restored from backup at ${TIME} \\(China time\\); the chain goes on from entry #5`).test(l)).length, 1, lines.join("\n"));
    assert.match(lines.at(-1)!, /audit chain intact: 8 entries/);
    await db.$disconnect();

    // A new database at the same path: once, with its time, and nothing of the old one's checkpoints.
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${join(dir, "events.db")}${suffix}`, { force: true });
    db = await open();
    await write(db, 3);
    lines = await verify(db);
    assert.equal(lines.length, 2, lines.join("\n"));
    assert.match(lines[0], new RegExp(`a new database was started at ${TIME} \\(China time\\)`));
    assert.match(lines[1], /audit chain intact: 3 entries, 3 checkpoints agree/);
    // The head checkpointed again by hand, under the command's name and its old one (crontabs keep it).
    const said: string[] = [];
    for (const sub of ["checkpoint", "anchor"]) await runCli(["audit", sub], db, { out: (l) => said.push(l) });
    assert.deepEqual(said, ["已写出检查点 / checkpointed: entry 3", "已写出检查点 / checkpointed: entry 3"]);
    await db.$disconnect();
  } finally {
    process.env.DATABASE_URL = saved.url;
    if (saved.checkpoints === undefined) delete process.env.AUDIT_ANCHOR_FILE;
    else process.env.AUDIT_ANCHOR_FILE = saved.checkpoints;
  }
});
