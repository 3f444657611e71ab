import { test } from "node:test";
import assert from "node:assert/strict";
import { readableDiff, diffStats } from "./paragraph-diff";

const render = (a: string, b: string) =>
  readableDiff(a, b).segments.map((s) => (s.type === "equal" ? s.text : s.type === "insert" ? `[+${s.text}]` : `[-${s.text}]`)).join("");

test("a changed figure shows as one replacement", () => {
  assert.equal(render("全年行政诉讼案件13件", "全年行政诉讼案件15件"), "全年行政诉讼案件1[-3][+5]件");
});

test("changes separated by one character are grouped", () => {
  assert.equal(render("加强执法提升效能", "强化执法增强效能"), "[-加强][+强化]执法[-提升][+增强]效能");
  assert.equal(render("甲乙丙丁", "子乙丑丁"), "[-甲乙丙][+子乙丑]丁");
});

test("inserted and deleted passages are counted in characters", () => {
  const segs = readableDiff("第一段。", "第一段。\n第二段。").segments;
  assert.deepEqual(diffStats(segs), { inserted: 5, deleted: 0 });
  assert.equal(render("一样", "一样"), "一样");
});

test("two saves of 100,000 different characters: compared by sentences with a note, every character kept", () => {
  let seed = 9;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const text = (chars: string) => Array.from({ length: 100_000 }, (_, i) => (i % 30 === 29 ? "。" : chars[Math.floor(rand() * chars.length)])).join("");
  const [before, after] = [text("的一是在不了有和人这中大为上个国"), text("我以要他时来用们生到作地于出就分")];
  const diff = readableDiff(before, after);
  assert.equal(diff.byChars, false);
  assert.equal(diff.segments.filter((s) => s.type !== "insert").map((s) => s.text).join(""), before);
  assert.equal(diff.segments.filter((s) => s.type !== "delete").map((s) => s.text).join(""), after);
});
