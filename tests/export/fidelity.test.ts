// What a town writes is what it gets back: Word files the importer has never seen
// (tests/fixtures/word-corpus.ts) go import → model → export, and every paragraph
// comes out unchanged and in order (its number as the report shows it) in the HTML
// page, in our PDF and in LibreOffice's rendering of our DOCX. What the report cannot
// hold is named in the preview, with its place, before anything is saved.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { textDocumentModel } from "../../lib/demo/demo-model";
import { renderPdf } from "../../lib/export/pdf";
import { renderDocx } from "../../lib/export/docx";
import { renderHtml } from "../../lib/export/html";
import { previewText, textOfUpload, type ImportPreview } from "../../lib/import/preview";
import { buildCorpus, type Fixture } from "../fixtures/word-corpus";
import { libreOfficePdfs, plainText } from "./pdf-inspect";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Case {
  fixture: Fixture;
  preview: ImportPreview;
  html: string;
  ours: string;
  lo: string;
}
const cases: Case[] = [];

before(async () => {
  const fixtures = await buildCorpus();
  const dir = mkdtempSync(join(tmpdir(), "rs-fidelity-"));
  const docxs: Buffer[] = [];
  for (const fixture of fixtures) {
    const { text, notes } = await textOfUpload(fixture.name, fixture.file);
    const model = textDocumentModel(text);
    const pdf = join(dir, `${fixture.name}.pdf`);
    writeFileSync(pdf, await renderPdf(model));
    docxs.push(await renderDocx(model));
    cases.push({ fixture, preview: previewText(text, notes), html: renderHtml(model), ours: plainText(pdf), lo: "" });
  }
  libreOfficePdfs(docxs).forEach((pdf, i) => (cases[i].lo = plainText(pdf)));
});

const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);

/** The HTML page's paragraphs and headings, each as its text. */
function htmlParagraphs(html: string): string[] {
  const article = html.slice(html.indexOf("</header>"), html.indexOf('<div class="signature">') > 0 ? html.indexOf('<div class="signature">') : undefined);
  return [...article.matchAll(/<(p|h[2-5])>([\s\S]*?)<\/\1>/g)].map((m) => decode(m[2].replace(/<[^>]+>/g, "")));
}

/** Each expected line appears in the page text, in order. The page breaks lines, so both sides are read without spaces. */
function inOrder(name: string, text: string, lines: string[]) {
  const all = text.replace(/\s/g, "").replace(/—\d+—/g, "");
  let from = 0;
  for (const line of lines) {
    const want = line.replace(/\s/g, "");
    const at = all.indexOf(want, from);
    assert.ok(at >= 0, `${name}: missing or out of order: ${line}`);
    from = at + want.length;
  }
}

test("the corpus: at least eight Word files and the 2022 report", () => {
  assert.ok(cases.length >= 9, `${cases.length} files`);
  assert.ok(cases.some((c) => c.fixture.name === "dachang-2022-report.docx"));
});

test("HTML: every paragraph exactly as written, spaces and marks included, in order", () => {
  for (const c of cases) assert.deepEqual(htmlParagraphs(c.html), c.fixture.lines, c.fixture.name);
});

test("our PDF: every paragraph, in order", () => {
  for (const c of cases) inOrder(`${c.fixture.name} (ours)`, c.ours, c.fixture.lines);
});

test("LibreOffice's rendering of our DOCX: every paragraph, in order", () => {
  for (const c of cases) inOrder(`${c.fixture.name} (LibreOffice)`, c.lo, c.fixture.lines);
});

test("the preview names what cannot come across, with its place, and where a number changes", () => {
  for (const c of cases) {
    for (const note of c.fixture.notes) assert.ok(c.preview.notes.some((n) => note.test(n)), `${c.fixture.name}: no note like ${note} in ${JSON.stringify(c.preview.notes)}`);
    assert.deepEqual(c.preview.renumbered.map((r) => [r.from, r.to]), c.fixture.renumbered ?? [], c.fixture.name);
  }
});
