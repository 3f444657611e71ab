import { test } from "node:test";
import assert from "node:assert/strict";
import { asWrite, writesSettled } from "./writes-first";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("a page waits for the write in flight, then goes", async () => {
  const order: string[] = [];
  let finish!: () => void;
  const write = asWrite(() => new Promise<void>((r) => (finish = r)).then(() => void order.push("write")));
  const page = writesSettled(1000).then(() => order.push("page"));
  await tick(20);
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
  let finish!: () => void;
  const write = asWrite(() => new Promise<void>((r) => (finish = r)));
  const t0 = performance.now();
  await writesSettled(30);
  const waited = performance.now() - t0;
  assert.ok(waited >= 25 && waited < 500, `waited ${waited} ms`);
  finish();
  await write;
});

test("a failed write still lets pages go, and its error reaches the writer", async () => {
  let fail!: (e: Error) => void;
  const write = asWrite(() => new Promise<void>((_, reject) => (fail = reject)));
  const page = writesSettled(1000);
  fail(new Error("refused"));
  await assert.rejects(write, /refused/);
  await page;
});
