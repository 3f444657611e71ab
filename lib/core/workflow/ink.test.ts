import { test } from "node:test";
import assert from "node:assert/strict";
import { inkSchema, inkPath, roundInk, INK_LIMITS } from "./ink";

const issues = (v: unknown) => {
  const r = inkSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

test("strokes of [x, y, pressure] inside the canvas are taken; anything else is refused by code", () => {
  assert.deepEqual(issues([[[0, 0, 0.5], [1, 1, 1]]]), []);
  assert.deepEqual(issues([]), []);
  assert.ok(issues([[[1.2, 0, 0.5]]]).includes("input.inkInvalid"));
  assert.ok(issues([[[-0.1, 0, 0.5]]]).includes("input.inkInvalid"));
  assert.ok(issues([[[0.1, 0.2]]]).includes("input.inkInvalid"));
  assert.ok(issues([[["0.1", 0.2, 0.5]]]).includes("input.inkInvalid"));
  assert.ok(issues([[]]).includes("input.inkInvalid"));
  assert.ok(issues("M0 0").includes("input.inkInvalid"));
});

test("the mark is bounded: strokes, points per stroke, points in all", () => {
  const dot = [[0.5, 0.5, 0.5]];
  assert.ok(issues(Array.from({ length: INK_LIMITS.strokes + 1 }, () => dot)).includes("input.inkTooLarge"));
  assert.ok(issues([Array.from({ length: INK_LIMITS.pointsPerStroke + 1 }, () => [0.5, 0.5, 0.5])]).includes("input.inkTooLarge"));
  const many = Array.from({ length: 5 }, () => Array.from({ length: 900 }, () => [0.5, 0.5, 0.5]));
  assert.ok(issues(many).includes("input.inkTooLarge"));
});

test("rounded to thousandths; drawn as one SVG subpath per stroke", () => {
  assert.deepEqual(roundInk([[[0.12345, 0.5, 0.33333]]]), [[[0.123, 0.5, 0.333]]]);
  assert.equal(inkPath([[[0, 0, 1], [1, 1, 1]], [[0.5, 0.5, 1]]]), "M0.0 0.0L300.0 100.0M150.0 50.0L150.0 50.0");
});
