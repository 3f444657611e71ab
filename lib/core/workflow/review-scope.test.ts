import { test } from "node:test";
import assert from "node:assert/strict";
import { composedIds, reviewState, unpassedHeadings, type ScopeRow } from "./review-scope";

const row = (id: string, parentId: string | null, status: ScopeRow["status"], text = "", kind: ScopeRow["kind"] = "heading"): ScopeRow => ({ id, parentId, kind, status, heading: `H${id}`, content: text ? [{ text }] : [] });

test("a heading without text that holds sub-sections needs no review of its own", () => {
  const rows = [row("intro", null, "passed", "导语。", "intro"), row("1", null, "not_started"), row("1a", "1", "passed", "正文。"), row("1b", "1", "passed", "正文。")];
  assert.deepEqual([...composedIds(rows)], ["1"]);
  assert.deepEqual(unpassedHeadings(rows), []);
  assert.equal(reviewState(rows[1], composedIds(rows)), "composed");
});

test("its sub-sections still count, and so does a heading with text of its own or without children", () => {
  const rows = [row("1", null, "not_started"), row("1a", "1", "submitted", "正文。"), row("2", null, "drafting", "有正文。"), row("2a", "2", "passed", "正文。"), row("3", null, "not_started"), row("i", null, "not_started", "", "intro")];
  assert.deepEqual(unpassedHeadings(rows), ["H1a", "H2", "H3", { key: "intro" }]);
  assert.equal(reviewState(rows[2], composedIds(rows)), "drafting");
});

test("whitespace alone is no text", () => {
  const rows = [row("1", null, "not_started", "  　"), row("1a", "1", "passed", "正文。")];
  assert.deepEqual(unpassedHeadings(rows), []);
});

test("an unpassed 导语 is named by the catalogue, in the reader's language, not by its stored heading", async () => {
  const { explain, blocked } = await import("../policy/answer");
  const rows = [row("intro", null, "drafting", "导语。", "intro"), row("1", null, "submitted", "正文。")];
  assert.deepEqual(unpassedHeadings(rows), [{ key: "intro" }, "H1"]);
  const refusal = blocked("refusal.sectionsOpen", { count: 2, names: { quoted: unpassedHeadings(rows) }, action: { key: "action.report.submitForCheck" } });
  assert.match(explain(refusal, "en"), /“Introduction”, “H1”/);
  assert.match(explain(refusal, "zh"), /“导语”、“H1”/);
});
