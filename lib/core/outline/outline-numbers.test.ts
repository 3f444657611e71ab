import { test } from "node:test";
import assert from "node:assert/strict";
import { chineseNumeral, countersBefore, headingLabel, numberTree, flattenTree, paragraphLabels } from "./outline-numbers";

test("chineseNumeral covers the forms a report uses", () => {
  const cases: [number, string][] = [
    [1, "一"], [2, "二"], [9, "九"], [10, "十"], [11, "十一"], [15, "十五"], [20, "二十"], [21, "二十一"], [99, "九十九"], [100, "一百"], [101, "一百零一"], [110, "一百一十"], [111, "一百一十一"], [500, "五百"], [1000, "一千"], [1001, "一千零一"], [1010, "一千零一十"], [1100, "一千一百"], [9999, "九千九百九十九"],
  ];
  for (const [n, s] of cases) assert.equal(chineseNumeral(n), s, `${n}`);
  assert.throws(() => chineseNumeral(0), RangeError);
  assert.throws(() => chineseNumeral(10000), RangeError);
  assert.throws(() => chineseNumeral(1.5), RangeError);
});

test("headingLabel gives 一、（一）1.（1） by depth", () => {
  assert.equal(headingLabel(1, 3), "三、");
  assert.equal(headingLabel(2, 5), "（五）");
  assert.equal(headingLabel(3, 12), "12．");
  assert.equal(headingLabel(4, 2), "（2）");
  assert.throws(() => headingLabel(5, 1), RangeError);
});

test("numberTree numbers by position, skips the 导语, and renumbers after a move", () => {
  const rows = [
    { id: "intro", parentId: null, position: 0, kind: "intro", content: [] },
    { id: "a", parentId: null, position: 1, content: [] },
    { id: "b", parentId: null, position: 2, content: [] },
    { id: "a1", parentId: "a", position: 0, content: [] },
    { id: "a2", parentId: "a", position: 1, content: [] },
    { id: "a2x", parentId: "a2", position: 0, content: [] },
    { id: "a2x1", parentId: "a2x", position: 0, content: [] },
  ];
  const labels = () => flattenTree(numberTree(rows)).map((n) => `${n.node.id}=${n.label}`);
  assert.deepEqual(labels(), ["intro=", "a=一、", "a1=（一）", "a2=（二）", "a2x=1．", "a2x1=（1）", "b=二、"]);
  // Move b before a: both top-level numbers change, children follow their parent.
  rows[2].position = 1;
  rows[1].position = 2;
  assert.deepEqual(labels(), ["intro=", "b=一、", "a=二、", "a1=（一）", "a2=（二）", "a2x=1．", "a2x1=（1）"]);
});

test("numberTree orders ties by id so the order never flickers", () => {
  const rows = [
    { id: "y", parentId: null, position: 1, content: [] },
    { id: "x", parentId: null, position: 1, content: [] },
  ];
  assert.deepEqual(numberTree(rows).map((n) => n.node.id), ["x", "y"]);
});

test("numbered paragraphs count in reading order with the sections: a sub-section after 1． and 2． is 3．", () => {
  const p3 = (text: string, runIn = false) => ({ text, level: 3 as const, ...(runIn ? { runIn } : {}) });
  const rows = [
    { id: "a", parentId: null, position: 0, content: [] },
    { id: "a1", parentId: "a", position: 0, content: [{ text: "导语段。" }, p3("健全领导机制。正文", true), p3("健全工作机制。")] },
    { id: "a1x", parentId: "a1", position: 0, content: [{ text: "正文", level: 4 as const }, { text: "正文", level: 4 as const }] },
    { id: "a1y", parentId: "a1", position: 1, content: [p3("又一段")] },
    { id: "a2", parentId: "a", position: 1, content: [p3("重新编号")] },
  ];
  const out = flattenTree(numberTree(rows)).map((n) => [n.node.id, n.label, n.paragraphLabels.join(",")]);
  assert.deepEqual(out, [
    ["a", "一、", ""],
    ["a1", "（一）", ",1．,2．"],
    ["a1x", "3．", "（1）,（2）"],
    // a 1． paragraph inside a 1． section continues that level's count; the next section follows it
    ["a1y", "4．", "5．"],
    ["a2", "（二）", "1．"],
  ]);
  assert.deepEqual(countersBefore(numberTree(rows), "a1y"), { 3: 4, 4: 0 });
  assert.deepEqual(paragraphLabels(rows[3].content, { 3: 4, 4: 0 }), ["5．"]);
  assert.deepEqual(countersBefore(numberTree(rows), "a2"), { 3: 0, 4: 0 });
});

test("a level-3 paragraph resets the level-4 count; an ordinary paragraph between numbered ones does not", () => {
  const labels = paragraphLabels(
    [{ text: "a", level: 3 }, { text: "b", level: 4 }, { text: "c" }, { text: "d", level: 4 }, { text: "e", level: 3 }, { text: "f", level: 4 }],
    { 3: 0, 4: 0 },
  );
  assert.deepEqual(labels, ["1．", "（1）", "", "（2）", "2．", "（1）"]);
});

test("a parent of 120 sub-sections numbers every one: （一百） and （一百二十） as the 100th and 120th", () => {
  const rows = [{ id: "p", parentId: null, position: 1, content: [] }, ...Array.from({ length: 120 }, (_, i) => ({ id: `c${i + 1}`, parentId: "p", position: i + 1, content: [] }))];
  const labels = new Map(flattenTree(numberTree(rows)).map((n) => [n.node.id, n.label]));
  assert.equal(labels.get("c99"), "（九十九）");
  assert.equal(labels.get("c100"), "（一百）");
  assert.equal(labels.get("c120"), "（一百二十）");
});
