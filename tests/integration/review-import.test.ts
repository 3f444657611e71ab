// The reviewed-file import (issue 22), at the library level: each reviewed Word file of
// the corpus (tests/fixtures/review/corpus.ts) is read and placed on its report; every
// section, all drafts accepted, is exactly the file's text with every revision accepted,
// and none accepted it is the report's text before. No database: the report is rows.
import { test } from "node:test";
import JSZip from "jszip";
import assert from "node:assert/strict";
import { readReviewedDocx } from "../../lib/import/review/read";
import { UnsafeDocxError } from "../../lib/import/docx/unsafe";
import { placeReview } from "../../lib/core/review/place";
import { reviewSections, sectionText } from "../../lib/core/review/sections";
import { acceptSuggestions } from "../../lib/core/suggestions/apply";
import { AUTHORS, markupText } from "../fixtures/review/markup";
import { buildReviewCorpus, exportedLines, FRAME, REPORT_ROWS } from "../fixtures/review/corpus";
import type { Paragraph } from "../../lib/core/text/paragraphs";

const uploader = { name: "王起草", at: "2025-03-03T08:00:00.000Z" };
const joined = (ps: readonly Paragraph[]) => ps.map((p) => p.text).join("\n");
/** The lines between the 主送 and the 署名: the body. */
const body = (lines: string[]) => lines.slice(lines.indexOf(FRAME[1]) + 1, lines.indexOf(FRAME[2]));

test("every reviewed file of the corpus: accept-all of each section's drafts is the file's text with every revision accepted, reject-all the report's", async () => {
  const sections = reviewSections(REPORT_ROWS);
  const fixtures = await buildReviewCorpus();
  assert.ok(fixtures.length >= 8);
  for (const f of fixtures) {
    const placement = placeReview(sections, await readReviewedDocx(f.file), uploader, FRAME);
    assert.deepEqual(placement.missing, [], f.name);
    const acceptedRows = REPORT_ROWS.map((row) => {
      const i = sections.findIndex((s) => s.id === row.id);
      const drafts = placement.sections[i].suggestions;
      const all = acceptSuggestions(sections[i].paragraphs, drafts);
      assert.equal(all.stale.length, 0, `${f.name}/${row.id}: a draft did not apply`);
      assert.equal(joined(all.paragraphs), f.accepted[row.id] ?? sectionText(sections[i]), `${f.name}/${row.id}: accept-all`);
      assert.equal(joined(acceptSuggestions(sections[i].paragraphs, []).paragraphs), sectionText(sections[i]), `${f.name}/${row.id}: reject-all`);
      return { ...row, content: all.paragraphs };
    });
    if (f.ours) {
      // Our own export reviewed: the file before the review is the report, after it the report with every draft accepted.
      assert.deepEqual(body(markupText(f.lines, false)), exportedLines(REPORT_ROWS), `${f.name}: the file before the review`);
      assert.deepEqual(body(markupText(f.lines, true)), exportedLines(acceptedRows), `${f.name}: the file with every revision accepted`);
    }
    const drafts = placement.sections.flatMap((s) => s.suggestions);
    assert.equal(drafts.filter((d) => d.tracked).length, f.tracked, `${f.name}: Word's revisions`);
    assert.equal(drafts.filter((d) => !d.tracked).length, f.untracked, `${f.name}: typed with 修订 off`);
    const authors = Object.values(AUTHORS).map((a) => `${a.name} ${a.date}`);
    for (const d of drafts) assert.ok(d.tracked ? authors.includes(`${d.author} ${d.date}`) : d.author === uploader.name && d.date === uploader.at, `${f.name}: ${d.author} ${d.date}`);
    const threads = placement.sections.flatMap((s) => s.threads.map((t) => ({ section: s.sectionId, quote: t.anchor?.quote ?? null, comments: t.comments.map((c) => c.text), resolved: t.resolved })));
    assert.deepEqual(threads, f.threads ?? [], `${f.name}: threads`);
    assert.deepEqual(placement.unplaced.map((u) => u.reason), f.unplaced ?? [], `${f.name}: unplaced`);
    assert.equal(placement.formatRevisions.length, f.formatRevisions ?? 0, `${f.name}: formatting-only revisions`);
  }
});

test("the reviewed-file reader keeps the importer's bounds: a bomb of empty paragraphs, a million runs, nesting 10,000 deep, macros are refused", async () => {
  const { emptyParagraphsDocx, oneHugeParagraphDocx, deepDocx } = await import("../fixtures/hostile-docx");
  for (const file of [await emptyParagraphsDocx(), await oneHugeParagraphDocx(), await deepDocx()]) {
    await assert.rejects(() => readReviewedDocx(file), (e: unknown) => e instanceof UnsafeDocxError && /内部结构过于庞大/.test(e.message));
  }
  await assert.rejects(() => readReviewedDocx(Buffer.from("not a zip")), (e: unknown) => e instanceof UnsafeDocxError);
  const withMacros = await JSZip.loadAsync((await buildReviewCorpus())[0].file);
  withMacros.file("word/vbaProject.bin", "macro");
  await assert.rejects(async () => readReviewedDocx(await withMacros.generateAsync({ type: "nodebuffer" })), (e: unknown) => e instanceof UnsafeDocxError && /宏/.test(e.message));
});

test("the corpus is written the same, byte for byte, every time", async () => {
  const [a, b] = [await buildReviewCorpus(), await buildReviewCorpus()];
  a.forEach((f, i) => assert.ok(f.file.equals(b[i].file), f.name));
});
