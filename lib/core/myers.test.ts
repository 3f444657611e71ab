import { test } from "node:test";
import assert from "node:assert/strict";
import { myersDiff, StepBudget, type Op } from "./myers";

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

/** Length of the longest common subsequence, by the textbook table. */
function lcs(a: Int32Array, b: Int32Array): number {
  let prev = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    prev = row;
  }
  return prev[b.length];
}

/** Applies the script: what it keeps and deletes must be `a`, what it keeps and inserts `b`. */
function apply(ops: Op[], a: Int32Array, b: Int32Array) {
  const fromA: number[] = [];
  const toB: number[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op.type === "equal") {
      for (let n = 0; n < op.length; n++, i++, j++) {
        assert.equal(a[i], b[j], "kept tokens are equal");
        fromA.push(a[i]);
        toB.push(b[j]);
      }
    } else if (op.type === "delete") for (let n = 0; n < op.length; n++) fromA.push(a[i++]);
    else for (let n = 0; n < op.length; n++) toB.push(b[j++]);
  }
  assert.deepEqual(fromA, [...a]);
  assert.deepEqual(toB, [...b]);
}

test("the edit script turns a into b and is a shortest one (checked against the LCS table)", () => {
  const rand = rng(7);
  for (let round = 0; round < 500; round++) {
    const alphabet = 1 + Math.floor(rand() * 6);
    const seq = () => Int32Array.from({ length: Math.floor(rand() * 40) }, () => Math.floor(rand() * alphabet));
    const a = seq();
    const b = seq();
    const ops = myersDiff(a, b, new StepBudget(1e9))!;
    apply(ops, a, b);
    const kept = ops.filter((o) => o.type === "equal").reduce((n, o) => n + o.length, 0);
    assert.equal(kept, lcs(a, b), `round ${round}`);
  }
});

test("a search that needs more steps than the budget gives up, having spent about the budget", () => {
  const rand = rng(3);
  const a = Int32Array.from({ length: 20_000 }, () => Math.floor(rand() * 50));
  const b = Int32Array.from({ length: 20_000 }, () => Math.floor(rand() * 50));
  const budget = new StepBudget(100_000);
  assert.equal(myersDiff(a, b, budget), null);
  // Counted once per round of the search: it overshoots by at most one round.
  assert.ok(budget.left > -(a.length + b.length) * 2, `overshoot ${-budget.left}`);
  // The same texts with enough budget: found.
  assert.ok(myersDiff(a.subarray(0, 300), b.subarray(0, 300), new StepBudget(1e9)));
});
