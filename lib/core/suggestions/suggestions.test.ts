import { test } from "node:test";
import assert from "node:assert/strict";
import { deletionOf, insertionAt, locateSuggestion } from "./anchor";
import { acceptSuggestions } from "./apply";
import { suggestionsFromEdit } from "./from-edit";
import type { Paragraph } from "../text/paragraphs";

const body = (...texts: string[]): Paragraph[] => texts.map((text) => ({ text }));
const joined = (ps: Paragraph[]) => ps.map((p) => p.text).join("\n");

test("a replacement (4次 → 5次) is a deletion and an insertion that each apply alone or together", () => {
  const text = "全年召开党委会4次，专题学法2次。";
  const del = deletionOf(text, 7, 8);
  const ins = insertionAt(text, 8, "5");
  assert.equal(del.text, "4");
  assert.equal(joined(acceptSuggestions(body(text), [del, ins]).paragraphs), "全年召开党委会5次，专题学法2次。");
  assert.equal(joined(acceptSuggestions(body(text), [ins]).paragraphs), "全年召开党委会45次，专题学法2次。");
  assert.equal(joined(acceptSuggestions(body(text), [del]).paragraphs), "全年召开党委会次，专题学法2次。");
  // the deletion accepted first: the insertion still finds its place by the side that did not change
  const after = joined(acceptSuggestions(body(text), [del]).paragraphs);
  assert.deepEqual(locateSuggestion(after, ins), { from: 7, to: 7 });
});

test("a suggestion follows its words when the owner edits elsewhere, and is stale when its words are gone", () => {
  const text = "一是加强组织领导。二是完善制度建设。三是严格执法。";
  const del = deletionOf(text, 9, 18);
  assert.equal(del.text, "二是完善制度建设。");
  const edited = "一、加强党的领导，落实第一责任人职责。" + text.slice(9);
  assert.deepEqual(locateSuggestion(edited, del), { from: 19, to: 28 });
  assert.equal(locateSuggestion("一是加强组织领导。三是严格执法。", del), null);
  const r = acceptSuggestions(body("一是加强组织领导。二是健全制度。三是严格执法。"), [del]);
  assert.equal(r.applied.length, 0);
  assert.equal(r.stale.length, 1);
});

test("a repeated phrase is told apart by its context", () => {
  const text = "办理行政复议案件5件。……本年度办理行政复议案件5件，全部维持。";
  const second = text.lastIndexOf("5件");
  const del = deletionOf(text, second, second + 1);
  const r = acceptSuggestions(body(text), [del, insertionAt(text, second + 1, "6")]);
  assert.equal(joined(r.paragraphs), "办理行政复议案件5件。……本年度办理行政复议案件6件，全部维持。");
});

test("a paragraph inserted and a paragraph removed; attributes stay with the paragraph whose start survives", () => {
  const ps: Paragraph[] = [{ text: "第一段。" }, { text: "坚持学法。每季度学法一次。", level: 3, runIn: true }, { text: "第三段。" }];
  const text = joined(ps);
  const insertPara = insertionAt(text, "第一段。".length, "\n新增的一段。");
  const removeThird = deletionOf(text, text.lastIndexOf("\n"), text.length);
  const r = acceptSuggestions(ps, [insertPara, removeThird]);
  assert.deepEqual(r.paragraphs, [{ text: "第一段。" }, { text: "新增的一段。" }, { text: "坚持学法。每季度学法一次。", level: 3, runIn: true }]);
});

test("overlapping suggestions: the later one is stale, never applied blindly", () => {
  const text = "依法行政水平不断提升。";
  const a = deletionOf(text, 0, 4);
  const b = deletionOf(text, 2, 6);
  const c = insertionAt(text, 2, "推进");
  const r = acceptSuggestions(body(text), [a, b, c]);
  assert.deepEqual(r.applied, [a]);
  assert.deepEqual(r.stale, [b, c]);
  assert.equal(joined(r.paragraphs), "水平不断提升。");
});

test("suggestions from an edit, accepted, give the edited text; none accepted, the original", () => {
  const cases: [string, string][] = [
    ["全年召开党委会4次，专题学法2次。", "全年召开党委会5次，专题学法2次，集体学法12次。"],
    ["第一段。\n第二段。\n第三段。", "第一段。\n第三段，有改动。\n新的第四段。"],
    ["", "从无到有。"],
    ["全部删除。", ""],
    ["😀表情与𠀀扩展字。", "😀表情、𠀀扩展字与。"],
  ];
  for (const [before, after] of cases) {
    const suggestions = suggestionsFromEdit(before, after);
    assert.ok(suggestions.length > 0);
    const r = acceptSuggestions(body(...before.split("\n")), suggestions);
    assert.equal(r.stale.length, 0, `${before} → ${after}`);
    assert.equal(joined(r.paragraphs), after);
  }
});

test("random edits of a report-like text: accepting every suggestion from the edit gives the edited text", () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const alphabet = "法治政府建设依法行政，。\n一二三4567件次";
  for (let round = 0; round < 200; round++) {
    const before = Array.from({ length: 20 + rand(60) }, () => alphabet[rand(alphabet.length)]).join("");
    const chars = [...before];
    for (let k = rand(5) + 1; k > 0; k--) {
      const at = rand(chars.length + 1);
      if (rand(2)) chars.splice(at, rand(4));
      else chars.splice(at, 0, ...Array.from({ length: rand(4) + 1 }, () => alphabet[rand(alphabet.length)]));
    }
    const after = chars.join("");
    const r = acceptSuggestions(body(...before.split("\n")), suggestionsFromEdit(before, after));
    assert.equal(r.stale.length, 0);
    assert.equal(joined(r.paragraphs), after, `${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  }
});

test("the text with suggestions drawn in: insertions where they go, deletions in place, a deleted line end as ¶", async () => {
  const { suggestedParagraphs } = await import("./segments");
  const text = "召开党委会4次。\n依法行政。";
  const paragraphs = suggestedParagraphs(text, [
    { id: "d", kind: "delete", text: "4", at: { from: 5, to: 6 } },
    { id: "i", kind: "insert", text: "5", at: { from: 6, to: 6 } },
    { id: "p", kind: "delete", text: "\n", at: { from: 8, to: 9 } },
    { id: "s", kind: "insert", text: "旧的", at: null },
  ]);
  const show = (ps: typeof paragraphs) => ps.map((p) => p.map((s) => (s.suggestion ? `[${s.suggestion.kind === "insert" ? "+" : "-"}${s.text}]` : s.text)).join(""));
  assert.deepEqual(show(paragraphs), ["召开党委会[-4][+5]次。[-¶]依法行政。"]);
  assert.deepEqual(show(suggestedParagraphs("甲。", [{ id: "n", kind: "insert", text: "\n新段。", at: { from: 2, to: 2 } }])), ["甲。", "[+新段。]"]);
});
