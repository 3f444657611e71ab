import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, type TestDb } from "./helpers";
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recordAudit, verifyAuditChain } from "../../lib/audit/record";

let t: TestDb;
const dir = mkdtempSync(join(tmpdir(), "rs-anchors-"));
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

test("a deleted entry breaks the link of the one after it", async () => {
  const rows = await t.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
  const victim = rows[10];
  await t.db.auditEvent.delete({ where: { seq: victim.seq } });
  const { problems } = await verifyAuditChain(t.db);
  assert.deepEqual(problems, [{ seq: rows[11].seq, problem: "broken-link" }]);
});

test("the chain is keyed: recomputed without the key (plain SHA-256, as an attacker with only the database can), it fails", async () => {
  const { entryHash, GENESIS_HASH } = await import("../../lib/audit/hash");
  const { writeAnchor } = await import("../../lib/audit/anchor");
  const t2 = await freshDb();
  const file = join(dir, "keyed.jsonl");
  try {
    for (let i = 0; i < 5; i++) await recordAudit(t2.db, { actorName: "u", action: "test.event", objectId: String(i) });
    await writeAnchor(t2.db, "report.signOff", file);
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
    assert.deepEqual((await verifyAuditChain(t2.db, file)).problems.filter((p) => p.problem === "edited").length, rows.length, "every keyed entry fails its HMAC");
    // Passed off as entries from before the key: the anchor outside the database disagrees.
    await rewrite(false);
    const problems = (await verifyAuditChain(t2.db, file)).problems.map((p) => p.problem);
    assert.ok(problems.includes("rewritten"), problems.join());
  } finally {
    await t2.close();
  }
});

test("anchors outside the database name a cut tail, a chain rewritten wholesale, and a lost anchor file", async () => {
  const { writeAnchor } = await import("../../lib/audit/anchor");
  const t3 = await freshDb();
  const file = join(dir, "anchors.jsonl");
  try {
    for (let i = 0; i < 30; i++) await recordAudit(t3.db, { actorName: "u", action: "test.event", objectId: String(i) });
    const anchor = (await writeAnchor(t3.db, "report.issue", file))!;
    for (let i = 30; i < 40; i++) await recordAudit(t3.db, { actorName: "u", action: "test.event", objectId: String(i) });
    assert.deepEqual((await verifyAuditChain(t3.db, file)).problems, [], "intact");

    // Cut the tail: the anchored entry and all after it.
    const tail = await t3.db.auditEvent.findMany({ where: { seq: { gte: anchor.seq } } });
    await t3.db.auditEvent.deleteMany({ where: { seq: { gte: anchor.seq } } });
    assert.deepEqual((await verifyAuditChain(t3.db, file)).problems, [{ seq: anchor.seq, problem: "truncated" }]);
    for (const row of tail) await t3.db.auditEvent.create({ data: row });
    assert.deepEqual((await verifyAuditChain(t3.db, file)).problems, []);

    // Lose the anchor file: the chain says an anchor was written here, and it is not there.
    renameSync(file, `${file}.gone`);
    const { problems } = await verifyAuditChain(t3.db, file);
    assert.deepEqual(problems, [{ seq: anchor.seq, problem: "missing-anchor" }]);
    renameSync(`${file}.gone`, file);
    // Another app server's file holds anchors of its own: not this file's to account for.
    const other = join(dir, "other-server.jsonl");
    await writeAnchor(t3.db, "daily", other);
    assert.deepEqual((await verifyAuditChain(t3.db, file)).problems, [], "another file's anchor is not missing here");

    // Rewrite an anchored entry's hash, keeping the links: the anchor disagrees.
    const anchored = await t3.db.auditEvent.findUniqueOrThrow({ where: { seq: anchor.seq } });
    await t3.db.auditEvent.update({ where: { seq: anchor.seq }, data: { hash: "f".repeat(64) } });
    const rewritten = (await verifyAuditChain(t3.db, file)).problems.map((p) => p.problem);
    assert.ok(rewritten.includes("rewritten"), rewritten.join());
    await t3.db.auditEvent.update({ where: { seq: anchor.seq }, data: { hash: anchored.hash } });
  } finally {
    await t3.close();
  }
});
