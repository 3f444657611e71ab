import { test } from "node:test";
import assert from "node:assert/strict";
import { JobQueue } from "./job-queue";

/** A job that finishes when the test says so. */
function gate<T>(value: T) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const started = { yes: false };
  return { run: async () => ((started.yes = true), await opened, value), open, started };
}

test("one job runs at a time, the rest wait in order and say how many are ahead", async () => {
  const queue = new JobQueue<string>(10);
  const [a, b, c] = [gate("a"), gate("b"), gate("c")];
  const pa = queue.submit("a", a.run)!;
  const pb = queue.submit("b", b.run)!;
  const pc = queue.submit("c", c.run)!;
  assert.deepEqual([pa.ahead, pb.ahead, pc.ahead], [0, 1, 2]);
  assert.deepEqual([a.started.yes, b.started.yes, c.started.yes], [true, false, false]);
  a.open();
  assert.equal(await pa.done, "a");
  await new Promise((r) => setImmediate(r));
  assert.deepEqual([b.started.yes, c.started.yes], [true, false]);
  assert.equal(queue.ahead("c"), 1);
  b.open();
  c.open();
  assert.deepEqual(await Promise.all([pb.done, pc.done]), ["b", "c"]);
  assert.equal(queue.length, 0);
});

test("the same key is one job; a full line refuses; a failed job does not stop the line", async () => {
  const queue = new JobQueue<string>(2);
  let runs = 0;
  const slow = gate("x");
  const first = queue.submit("x", async () => (runs++, slow.run()))!;
  const again = queue.submit("x", async () => (runs++, "other"))!;
  assert.equal(again.done, first.done);
  const failing = queue.submit("y", async () => {
    throw new Error("render failed");
  })!;
  assert.equal(queue.submit("z", async () => "z"), null, "two in line is the limit");
  slow.open();
  assert.equal(await first.done, "x");
  await assert.rejects(failing.done, /render failed/);
  assert.equal(runs, 1);
  assert.equal(await queue.submit("z", async () => "z")!.done, "z");
});
