import { mock, test } from "node:test";
import assert from "node:assert/strict";
import { asWrite, writesSettled } from "./writes-first";

// Time is the mock clock's, so the cap is tested to the millisecond and no test waits on the machine's load.
const settle = () => new Promise<void>((r) => setImmediate(r));

test("a page waits for the write in flight, then goes", async () => {
  const order: string[] = [];
  let finish!: () => void;
  const write = asWrite(() => new Promise<void>((r) => (finish = r)).then(() => void order.push("write")));
  const page = writesSettled(1000).then(() => order.push("page"));
  await settle();
  assert.deepEqual(order, []);
  finish();
  await Promise.all([write, page]);
  assert.deepEqual(order, ["write", "page"]);
});

test("with no write in flight a page does not wait", async () => {
  let went = false;
  const page = writesSettled(1000).then(() => (went = true));
  await Promise.resolve();
  await Promise.resolve();
  assert.equal(went, true);
  await page;
});

test("a page waits no longer than the cap, even while writes go on", async () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  try {
    let finish!: () => void;
    const write = asWrite(() => new Promise<void>((r) => (finish = r)));
    let went = false;
    const page = writesSettled(30).then(() => (went = true));
    mock.timers.tick(29);
    await settle();
    assert.equal(went, false, "went before the cap");
    mock.timers.tick(1);
    await page;
    assert.equal(went, true);
    finish();
    await write;
  } finally {
    mock.timers.reset();
  }
});

test("a failed write still lets pages go, and its error reaches the writer", async () => {
  let fail!: (e: Error) => void;
  const write = asWrite(() => new Promise<void>((_, reject) => (fail = reject)));
  const page = writesSettled(1000);
  fail(new Error("refused"));
  await assert.rejects(write, /refused/);
  await page;
});
