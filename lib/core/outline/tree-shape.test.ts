import { test } from "node:test";
import assert from "node:assert/strict";
import { addProblem, depthOf, heightOf, moveProblem, reorder, type TreeRow } from "./tree-shape";
import { say, type Saying } from "../i18n/messages";

const zh = (s: Saying | null) => (s ? say("zh", s) : "");

const rows: TreeRow[] = [
  { id: "intro", parentId: null, position: 0, kind: "intro" },
  { id: "a", parentId: null, position: 1, kind: "heading" },
  { id: "b", parentId: null, position: 2, kind: "heading" },
  { id: "a1", parentId: "a", position: 0, kind: "heading" },
  { id: "a1x", parentId: "a1", position: 0, kind: "heading" },
  { id: "a1x1", parentId: "a1x", position: 0, kind: "heading" },
];

test("depth and height", () => {
  assert.equal(depthOf(rows, null), 0);
  assert.equal(depthOf(rows, "a1x1"), 4);
  assert.equal(heightOf(rows, "a"), 4);
  assert.equal(heightOf(rows, "b"), 1);
});

test("moves that would break the tree are refused with a reason", () => {
  assert.match(zh(moveProblem(rows, "a", "a1x")), /自己的下级/);
  assert.deepEqual(moveProblem(rows, "a", "b"), { key: "section.tooDeep", params: { most: 4 } }); // a spans 4 levels; under b it would need 5
  assert.equal(zh(moveProblem(rows, "a", "b")), "章节最多 4 级（一、（一）1.（1））。");
  assert.equal(moveProblem(rows, "a1", "b"), null); // a1 spans 3: under b it fills levels 2–4
});

test("a legal move passes", () => {
  assert.equal(moveProblem(rows, "a1x", "b"), null);
  assert.equal(moveProblem(rows, "b", "a"), null);
  assert.match(zh(moveProblem(rows, "intro", "a")), /导语/);
  assert.match(zh(moveProblem(rows, "b", "intro")), /导语下/);
});

test("a new section goes under a heading within the depth, never under the introduction", () => {
  assert.equal(addProblem(rows, null), null);
  assert.equal(addProblem(rows, "a1x"), null);
  assert.deepEqual(addProblem(rows, "a1x1"), { key: "section.tooDeep", params: { most: 4 } });
  assert.deepEqual(addProblem(rows, "intro"), { key: "section.introNoChildren" });
});

test("reorder keeps the intro first and numbers siblings 0..n", () => {
  assert.deepEqual(reorder(rows, "b", null, 0), [
    { id: "intro", position: 0 },
    { id: "b", position: 1 },
    { id: "a", position: 2 },
  ]);
  assert.deepEqual(reorder(rows, "a1x", null, 99), [
    { id: "intro", position: 0 },
    { id: "a", position: 1 },
    { id: "b", position: 2 },
    { id: "a1x", position: 3 },
  ]);
});
