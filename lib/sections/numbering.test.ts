import { test } from "node:test";
import assert from "node:assert/strict";
import { chineseNumeral, headingLabel, numberTree, flattenTree } from "./numbering";

test("chineseNumeral covers the forms a report uses", () => {
  const cases: [number, string][] = [
    [1, "一"], [2, "二"], [9, "九"], [10, "十"], [11, "十一"], [15, "十五"], [20, "二十"], [21, "二十一"], [99, "九十九"],
  ];
  for (const [n, s] of cases) assert.equal(chineseNumeral(n), s, `${n}`);
  assert.throws(() => chineseNumeral(0), RangeError);
  assert.throws(() => chineseNumeral(100), RangeError);
  assert.throws(() => chineseNumeral(1.5), RangeError);
});

test("headingLabel gives 一、（一）1.（1） by depth", () => {
  assert.equal(headingLabel(1, 3), "三、");
  assert.equal(headingLabel(2, 5), "（五）");
  assert.equal(headingLabel(3, 12), "12.");
  assert.equal(headingLabel(4, 2), "（2）");
  assert.throws(() => headingLabel(5, 1), RangeError);
});

test("numberTree numbers by position, skips the 导语, and renumbers after a move", () => {
  const rows = [
    { id: "intro", parentId: null, position: 0, kind: "intro" },
    { id: "a", parentId: null, position: 1 },
    { id: "b", parentId: null, position: 2 },
    { id: "a1", parentId: "a", position: 0 },
    { id: "a2", parentId: "a", position: 1 },
    { id: "a2x", parentId: "a2", position: 0 },
    { id: "a2x1", parentId: "a2x", position: 0 },
  ];
  const labels = () => flattenTree(numberTree(rows)).map((n) => `${n.node.id}=${n.label}`);
  assert.deepEqual(labels(), ["intro=", "a=一、", "a1=（一）", "a2=（二）", "a2x=1.", "a2x1=（1）", "b=二、"]);
  // Move b before a: both top-level numbers change, children follow their parent.
  rows[2].position = 1;
  rows[1].position = 2;
  assert.deepEqual(labels(), ["intro=", "b=一、", "a=二、", "a1=（一）", "a2=（二）", "a2x=1.", "a2x1=（1）"]);
});

test("numberTree orders ties by id so the order never flickers", () => {
  const rows = [
    { id: "y", parentId: null, position: 1 },
    { id: "x", parentId: null, position: 1 },
  ];
  assert.deepEqual(numberTree(rows).map((n) => n.node.id), ["x", "y"]);
});
