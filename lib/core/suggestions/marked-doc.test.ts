import { test } from "node:test";
import assert from "node:assert/strict";
import { markedDoc, proposedParagraphs, type DrawnSuggestion } from "./marked-doc";
import { placeAll } from "./apply";
import { suggestionsFromEdit } from "./from-edit";
import type { Paragraph } from "../text/paragraphs";

const joined = (ps: Paragraph[]) => ps.map((p) => p.text).join("\n");

/** Suggestions from an edit, drawn as marks with ids 1, 2, …, all by someone else or all one's own. */
function drawn(before: string, after: string): DrawnSuggestion[] {
  const { placed } = placeAll(before, suggestionsFromEdit(before, after));
  return placed.map((p, i) => ({ markId: i + 1, kind: p.suggestion.kind, text: p.suggestion.text, at: p.span }));
}

test("a document with someone else's suggestions reads back as the text as it stands; with one's own, as the text proposed", () => {
  const cases: [string, string][] = [
    ["全年召开党委会4次，专题学法2次。", "全年召开党委会5次，专题学法2次。"],
    ["第一段。\n第二段。\n第三段。", "第一段。\n第三段，有改动。\n新的第四段。"],
    ["第一段。\n第二段。", "第一段。第二段。"],
    ["第一段。", "第一段。\n\n新段。"],
    ["甲\n乙\n丙", "丙"],
    ["", "从无到有。"],
  ];
  for (const [before, after] of cases) {
    const paragraphs = before.split("\n").map((text) => ({ text }));
    const marks = drawn(before, after);
    const doc = markedDoc(paragraphs, marks);
    assert.equal(joined(proposedParagraphs(doc, new Set(marks.map((m) => m.markId)))), before, `others: ${before} → ${after}`);
    assert.equal(joined(proposedParagraphs(doc, new Set())), after, `own: ${before} → ${after}`);
  }
});

test("paragraph attributes come through; a marker space is never text but a user's own zero-width space is", () => {
  const paragraphs: Paragraph[] = [{ text: "坚持学法。每季度一次。", level: 3, runIn: true }, { text: "零宽\u200B空格。" }];
  const doc = markedDoc(paragraphs, []);
  assert.deepEqual(proposedParagraphs(doc, new Set()), paragraphs);
  const split = markedDoc([{ text: "甲。" }], [{ markId: 1, kind: "insert", text: "\n", at: { from: 2, to: 2 } }]);
  assert.deepEqual(split.content.map((p) => p.content?.map((r) => r.text).join("|")), ["甲。|\u200B", "\u200B"]);
  assert.deepEqual(proposedParagraphs(split, new Set()), [{ text: "甲。" }, { text: "" }]);
});
