import { test } from "node:test";
import assert from "node:assert/strict";
import { markedBody, type MarkedBlock, type PendingSuggestion } from "./marked-body";
import { blockText, bodyBlocks, type ModelInput } from "../export/model";
import { acceptSuggestions } from "../suggestions/apply";
import { suggestionsFromEdit } from "../suggestions/from-edit";
import { deletionOf, insertionAt } from "../suggestions/anchor";
import { makeAnchor } from "../text/comment-anchor";
import type { Paragraph } from "../text/paragraphs";

type Rows = ModelInput["sections"];
const row = (id: string, parentId: string | null, position: number, heading: string, content: Paragraph[], extra: { kind?: string; runIn?: boolean } = {}) => ({ id, parentId, position, heading, content, ...extra });
const A = { author: "张核稿", date: "2025-03-01T09:00:00.000Z" };
const B = { author: "李领导", date: new Date("2025-03-02T10:30:00Z") };

/** What Word shows with every revision accepted (or rejected): each paragraph's text, empty ones left out. */
function view(blocks: readonly MarkedBlock[], accept: boolean): string[] {
  const gone = (kind: "insert" | "delete" | undefined) => (accept ? kind === "delete" : kind === "insert");
  const lines: string[] = [];
  let join = false;
  for (const b of blocks) {
    const text = b.items.map((i) => ("text" in i && !gone(i.change?.kind) ? i.text : "")).join("");
    if (join) lines[lines.length - 1] += text;
    else lines.push(text);
    join = gone(b.mark?.kind);
  }
  return lines.filter(Boolean);
}
const exported = (rows: Rows) => bodyBlocks(rows).map(blockText);

test("without marks, the marked body is the official body, run for run", () => {
  const rows: Rows = [
    row("i", null, 0, "", [{ text: "导语。" }], { kind: "intro" }),
    row("a", null, 1, "主要举措", [{ text: "第一段。" }, { text: "健全机制。定期研究。", level: 3, runIn: true }, { text: "第三段。", level: 4 }]),
    row("b", "a", 0, "深化宣传。", [{ text: "开展宣传12次。" }, { text: "培训2场。" }], { runIn: true }),
    row("c", null, 2, "空的一节", []),
  ];
  const marks = markedBody(rows, {});
  const runs = (items: MarkedBlock["items"]) => items.flatMap((i) => ("text" in i ? [{ text: i.text, style: i.style }] : []));
  assert.deepEqual(
    marks.body.map((b) => ({ kind: b.kind, level: b.level, runs: runs(b.items), mark: b.mark })),
    bodyBlocks(rows).map((b) => ({ kind: b.kind, level: b.level, runs: b.runs, mark: null })),
  );
  assert.deepEqual(marks.comments, []);
});

test("Word's accept-all and reject-all of the marked body give our accept-all and the report as it is (random suggestions)", () => {
  let seed = 5;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const alphabet = "法治政府建设依法行政，。\n一二三4567件次";
  const text = (n: number) => Array.from({ length: n }, () => alphabet[rand(alphabet.length)]).join("").replace(/\n+/g, "\n").replace(/^\n|\n$/g, "") || "文";
  for (let round = 0; round < 300; round++) {
    const body = () => text(10 + rand(40)).split("\n").map((t) => ({ text: t }));
    const rows: Rows = [row("i", null, 0, "", body(), { kind: "intro" }), row("a", null, 1, "主要举措", body()), row("b", "a", 0, "深化宣传。", body(), { runIn: true })];
    const marks: Record<string, { suggestions: PendingSuggestion[] }> = {};
    const accepted = rows.map((r) => {
      const before = r.content.map((p) => p.text).join("\n");
      const chars = [...before];
      for (let k = rand(4) + 1; k > 0; k--) {
        const at = rand(chars.length + 1);
        if (rand(2)) chars.splice(at, rand(4));
        else chars.splice(at, 0, ...text(1 + rand(4)));
      }
      const after = chars.join("");
      const suggestions = suggestionsFromEdit(before, after).map((s, i) => ({ ...s, ...(i % 2 ? A : B) }));
      marks[r.id] = { suggestions };
      return { ...r, content: acceptSuggestions(r.content, suggestions).paragraphs };
    });
    const result = markedBody(rows, marks);
    assert.equal(result.stale, 0);
    assert.deepEqual(view(result.body, false), exported(rows), `round ${round}: reject-all`);
    assert.deepEqual(view(result.body, true), exported(accepted), `round ${round}: accept-all`);
  }
});

test("a paragraph deleted with the mark before it takes its number along; one added has none; dates as Word writes them", () => {
  const content: Paragraph[] = [{ text: "第一段。" }, { text: "健全机制。", level: 3 }, { text: "完善制度。", level: 3 }];
  const text = content.map((p) => p.text).join("\n");
  const at = text.indexOf("\n完善");
  const suggestions = [{ ...deletionOf(text, at, text.length), ...A }, { ...insertionAt(text, 4, "\n新增一段。"), ...B }];
  const { body, written } = markedBody([row("a", null, 0, "主要举措", content)], { a: { suggestions } });
  assert.equal(written, 2);
  const [, first, added, second, third] = body;
  assert.deepEqual(first.mark, { kind: "insert", author: B.author, date: "2025-03-02T10:30:00Z" });
  assert.deepEqual(added.items, [{ text: "新增一段。", style: "body", change: first.mark }]);
  assert.deepEqual(second.items, [{ text: "1．健全机制。", style: "body", change: null }]);
  assert.deepEqual(second.mark, { kind: "delete", author: A.author, date: "2025-03-01T09:00:00Z" });
  assert.deepEqual(third.items, [{ text: "2．完善制度。", style: "body", change: second.mark }]);
});

test("open threads: a comment on its words with its replies under the first; one whose words are gone at the section's start", () => {
  const content: Paragraph[] = [{ text: "坚持依法行政，提升行政效能。" }];
  const anchor = makeAnchor(content[0].text, 2, 6);
  const { body, comments } = markedBody([row("a", null, 0, "主要举措", content)], {
    a: {
      threads: [
        { anchor, comments: [{ ...A, text: "请补充" }, { ...B, text: "已补充" }] },
        { anchor: { quote: "不存在的话", prefix: "", suffix: "" }, comments: [{ ...B, text: "整节意见" }] },
      ],
    },
  });
  assert.deepEqual(comments.map((c) => [c.id, c.parentId, c.text]), [[0, undefined, "请补充"], [1, 0, "已补充"], [2, undefined, "整节意见"]]);
  assert.deepEqual(body[0].items.slice(0, 2), [{ comment: 2, edge: "start" }, { comment: 2, edge: "end" }]);
  const para = body[1].items;
  const textBefore = (edge: object) => para.slice(0, para.findIndex((i) => JSON.stringify(i) === JSON.stringify(edge))).map((i) => ("text" in i ? i.text : "")).join("");
  assert.equal(textBefore({ comment: 0, edge: "start" }), "坚持");
  assert.equal(textBefore({ comment: 1, edge: "end" }), "坚持依法行政");
});
