import { test } from "node:test";
import assert from "node:assert/strict";
import { makeAnchor, locateAnchor, anchorFromSelection } from "./comment-anchor";

const text = "全年行政诉讼案件13件。\n案件胜诉率100%。行政首长出庭应诉。";

test("an anchor finds its passage after text is inserted before it", () => {
  const at = text.indexOf("胜诉率100%");
  const anchor = makeAnchor(text, at, at + "胜诉率100%".length);
  const edited = "前言一段。\n" + text.replace("13件", "15件");
  const found = locateAnchor(edited, anchor)!;
  assert.equal(edited.slice(found.start, found.end), "胜诉率100%");
  assert.equal(found.paragraph, 2);
});

test("when the quote occurs twice, the context picks the right one", () => {
  const t2 = "依法行政。加强学习。\n依法行政。提升效能。";
  const second = t2.lastIndexOf("依法行政");
  const anchor = makeAnchor(t2, second, second + 4);
  assert.equal(locateAnchor(t2, anchor)!.start, second);
  const moved = "新增段落。\n" + t2;
  assert.equal(locateAnchor(moved, anchor)!.start, moved.lastIndexOf("依法行政"));
});

test("a passage that was rewritten leaves the comment detached", () => {
  const anchor = makeAnchor(text, 0, 8);
  assert.equal(locateAnchor("完全改写的文字。", anchor), null);
});

test("a browser selection becomes an anchor", () => {
  const a = anchorFromSelection(text, " 行政首长出庭应诉 ")!;
  assert.equal(a.quote, "行政首长出庭应诉");
  assert.equal(a.suffix, "。");
  assert.equal(anchorFromSelection(text, "不存在的文字"), null);
});
