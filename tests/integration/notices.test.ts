// A notice is read when its reader opens it: only their own, each read recorded.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, actorFor, type TestDb } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { markRead, notify } from "../../lib/notify/service";
import { ValidationError } from "../../lib/core/validation";

let t: TestDb;
before(async () => {
  t = await freshDb();
  await seedDemo(t.db, "a-demo-password");
});
after(async () => t.close());

const unread = (userId: string) => t.db.notification.findMany({ where: { userId, readAt: null }, orderBy: { message: "asc" } });

test("opening a notice marks that one read, for its reader only; 全部标为已读 marks the rest; each is audited", async () => {
  const reviewer = await actorFor(t.db, "reviewer");
  const drafter = await actorFor(t.db, "drafter");
  await notify(t.db, { userIds: [reviewer.userId], kind: "section.submitted", params: { heading: "甲" }, link: "/reports" });
  await notify(t.db, { userIds: [reviewer.userId, drafter.userId], kind: "section.submitted", params: { heading: "乙" }, link: "/reports" });
  const [first, second] = await unread(reviewer.userId);
  const [drafters] = await unread(drafter.userId);

  assert.deepEqual(await markRead(t.db, reviewer, { id: first.id }, "10.0.0.1"), { read: 1 });
  assert.deepEqual((await unread(reviewer.userId)).map((n) => n.id), [second.id]);
  const entry = await t.db.auditEvent.findFirstOrThrow({ where: { action: "notice.read", objectId: first.id } });
  assert.deepEqual([entry.actorId, entry.ip, JSON.parse(entry.detail!)], [reviewer.userId, "10.0.0.1", { count: 1 }]);

  // Opened again, or someone else's: nothing changes, nothing is recorded.
  assert.deepEqual(await markRead(t.db, reviewer, { id: first.id }), { read: 0 });
  assert.deepEqual(await markRead(t.db, reviewer, { id: drafters.id }), { read: 0 });
  assert.equal((await unread(drafter.userId)).length, 1);
  assert.equal(await t.db.auditEvent.count({ where: { action: "notice.read" } }), 1);
  await assert.rejects(() => markRead(t.db, reviewer, { id: "" }), ValidationError);
  await assert.rejects(() => markRead(t.db, reviewer, { id: first.id, userId: drafter.userId } as never), ValidationError);

  assert.deepEqual(await markRead(t.db, reviewer, "all"), { read: 1 });
  assert.equal((await unread(reviewer.userId)).length, 0);
  assert.equal((await unread(drafter.userId)).length, 1, "the drafter's own notice stays unread");
});
