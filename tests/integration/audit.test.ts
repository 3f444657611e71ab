import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, type TestDb } from "./helpers";
import { recordAudit, verifyAuditChain } from "../../lib/audit/record";

let t: TestDb;
before(async () => {
  t = await freshDb();
});
after(async () => t.close());

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
