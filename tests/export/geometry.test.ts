// The exported reports, checked as a reader of the standard would: our PDF, and our
// DOCX as LibreOffice lays it out (a stand-in for Word and WPS), with the same
// measurements for both: 22 lines on a full page, no line over 28 characters, nothing
// outside the 版心, the same lines and pages as our PDF, the 版记 at the foot of the
// last page. Documents: the demo report; a 上行文 issued jointly (签发人 line, two
// issuers in the 标志, two 署名); the Word corpus of the fidelity checks.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderPdf } from "../../lib/export/pdf";
import { renderDocx } from "../../lib/export/docx";
import type { DocumentModel } from "../../lib/core/export/model";
import { exportDocuments } from "./documents";
import { gridLength, libreOfficePdfs, readLines, redRows, toPng, type PdfPages } from "./pdf-inspect";

const MM = 72 / 25.4;
const TEXT = { left: 28 * MM, top: 37 * MM, width: 156 * MM, height: 225 * MM };
const BOTTOM = TEXT.top + TEXT.height;
const PITCH = TEXT.height / 22;
const ARTIFACTS = join(process.cwd(), "artifacts/export");


interface Doc {
  name: string;
  model: DocumentModel;
  ours: PdfPages & { pdf: string };
  lo: PdfPages & { pdf: string };
}
const docs: Doc[] = [];

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const models = await exportDocuments();
  const docxs = await Promise.all(models.map(([, m]) => renderDocx(m)));
  const loPdfs = libreOfficePdfs(docxs);
  for (const [i, [name, model]] of models.entries()) {
    const ours = join(ARTIFACTS, `${name}.pdf`);
    writeFileSync(ours, await renderPdf(model));
    writeFileSync(join(ARTIFACTS, `${name}.docx`), docxs[i]);
    const lo = join(ARTIFACTS, `${name}-libreoffice.pdf`);
    writeFileSync(lo, readFileSync(loPdfs[i]));
    docs.push({ name, model, ours: { ...readLines(ours), pdf: ours }, lo: { ...readLines(lo), pdf: lo } });
  }
  // The first and last page of the demo and of the 上行文, as pictures to look at.
  for (const d of docs.filter((x) => x.name === "demo" || x.name === "upward-joint")) {
    for (const [who, o] of [["ours", d.ours], ["libreoffice", d.lo]] as const) {
      toPng(o.pdf, 1, join(ARTIFACTS, `${d.name}-${who}-first.png`));
      toPng(o.pdf, o.pages, join(ARTIFACTS, `${d.name}-${who}-last.png`));
    }
  }
});

const isPageNumber = (text: string) => /^—\s*\d+\s*—$/.test(text.trim());
const inTextArea = (l: { yMin: number; yMax: number }) => l.yMin >= TEXT.top - 3 && l.yMax <= BOTTOM + 3;
const norm = (s: string) => s.replace(/\s/g, "");

function checkGeometry(name: string, o: PdfPages) {
  assert.ok(Math.abs(o.width - 210 * MM) < 1 && Math.abs(o.height - 297 * MM) < 1, `${name}: page ${o.width}×${o.height}`);
  for (const l of o.lines) {
    if (isPageNumber(l.text)) continue;
    assert.ok(l.xMin >= TEXT.left - 0.5 && l.xMax <= TEXT.left + TEXT.width + 0.5, `${name} p${l.page}: outside the 版心 (${(l.xMin / MM).toFixed(1)}–${(l.xMax / MM).toFixed(1)} mm): ${l.text}`);
    assert.ok(l.yMin >= TEXT.top - 1 && l.yMax <= BOTTOM + 1, `${name} p${l.page}: above or below the 版心: ${l.text}`);
    if (l.page > 1) assert.ok(gridLength(l.text) <= 28, `${name} p${l.page}: over 28 characters: ${l.text} (${gridLength(l.text)})`);
  }
  // A page between the first and the last is full: 22 lines, unless a heading that would have
  // ended it went on to the next page with its text (keep with next), which then starts with it,
  // or the 署名 went on to the last page with the text's last line.
  const numbered = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+．|（\d+）)/;
  for (let p = 2; p < o.pages; p++) {
    const lines = o.lines.filter((l) => l.page === p && inTextArea(l) && !isPageNumber(l.text));
    const rows = new Set(lines.map((l) => Math.floor((l.yMax - TEXT.top - 1) / PITCH)));
    if (rows.size === 22) continue;
    const next = o.lines.filter((l) => l.page === p + 1);
    const headingNext = rows.size >= 19 && next[0] && numbered.test(norm(next[0].text));
    const signatureNext = p === o.pages - 1 && rows.size >= 22 - 8 && next.slice(1, 12).some((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(norm(l.text)));
    assert.ok(headingNext || signatureNext, `${name}: page ${p} of ${o.pages} holds ${rows.size} lines`);
  }
}

test("every document, ours and LibreOffice's: A4, 22 lines on a full page, no line over 28 characters, nothing outside the 版心", () => {
  assert.ok(docs.length >= 11, `${docs.length} documents`);
  for (const d of docs) {
    checkGeometry(`${d.name} ours`, d.ours);
    checkGeometry(`${d.name} libreoffice`, d.lo);
  }
});

test("LibreOffice lays our DOCX out line for line as our PDF: the same lines, on the same pages", () => {
  for (const d of docs) {
    assert.equal(d.lo.pages, d.ours.pages, `${d.name}: ${d.lo.pages} pages in LibreOffice, ${d.ours.pages} in our PDF`);
    const body = (o: PdfPages) => o.lines.filter((l) => !isPageNumber(l.text)).map((l) => `${l.page}:${norm(l.text)}`);
    assert.deepEqual(body(d.lo), body(d.ours), d.name);
  }
});

test("the 版记 ends on the bottom edge of the 版心 on the last page, in both", () => {
  for (const d of docs.filter((x) => x.model.colophon)) {
    for (const [who, o] of [["ours", d.ours], ["libreoffice", d.lo]] as const) {
      const last = o.lines.filter((l) => l.page === o.pages && /印发|共印/.test(l.text)).at(-1);
      assert.ok(last, `${d.name} ${who}: 版记 on the last page`);
      assert.ok(last!.yMax <= BOTTOM + 1 && last!.yMax > BOTTOM - PITCH, `${d.name} ${who}: last 版记 row ends at ${(last!.yMax / MM).toFixed(1)} mm`);
    }
  }
});

test("the 标志 72 mm ± 2 from the top, then 发文字号, the red line 4 mm below it, and the title, in both", () => {
  for (const d of docs.filter((x) => x.name === "demo" || x.name === "upward-joint")) {
    for (const [who, o] of [["ours", d.ours], ["libreoffice", d.lo]] as const) {
      const red = redRows(o.pdf);
      const rule = red.find((r) => r.width > 150);
      assert.ok(rule && rule.width <= 157, `${d.name} ${who}: a red line as wide as the 版心`);
      assert.ok(Math.abs(red[0].mm - 72) <= 2, `${d.name} ${who}: 标志 top at ${red[0].mm.toFixed(1)} mm`);
      const docNo = o.lines.find((l) => l.page === 1 && norm(l.text).includes(d.model.header.docNumber!))!;
      assert.ok(docNo, `${d.name} ${who}: 发文字号 found`);
      const gap = rule!.mm - docNo.yMax / MM;
      assert.ok(gap > 0 && Math.abs(gap - 4) < 3, `${d.name} ${who}: red line ${gap.toFixed(1)} mm below the 发文字号`);
    }
  }
});

test("a 上行文 issued jointly: 签发人 on the 发文字号 line, two issuers and 文件 in red, a 署名 for each, in both", () => {
  const d = docs.find((x) => x.name === "upward-joint")!;
  for (const [who, o] of [["ours", d.ours], ["libreoffice", d.lo]] as const) {
    const first = o.lines.filter((l) => l.page === 1);
    const docNo = first.find((l) => norm(l.text).startsWith("宝大府〔2023〕8号"))!;
    const signer = first.find((l) => norm(l.text).includes("签发人：陈签发"))!;
    assert.ok(docNo && signer, `${who}: number and 签发人 found`);
    assert.ok(Math.abs(docNo.yMin - signer.yMin) < 2, `${who}: on one line`);
    assert.ok(Math.abs(docNo.xMin - (TEXT.left + 16)) < 3, `${who}: number one character in from the left (${(docNo.xMin / MM).toFixed(1)} mm)`);
    assert.ok(Math.abs(signer.xMax - (TEXT.left + TEXT.width - 16)) < 3, `${who}: name one character in from the right`);
    const names = first.filter((l) => /^(中共大场镇委员会|大场镇人民政府)$/.test(norm(l.text)));
    assert.equal(names.length, 2, `${who}: both issuers in the 标志`);
    const last = o.lines.filter((l) => l.page === o.pages);
    assert.ok(last.some((l) => norm(l.text) === "中共上海市宝山区大场镇委员会") && last.some((l) => norm(l.text) === "上海市宝山区大场镇人民政府"), `${who}: a 署名 per issuer`);
  }
});

test("page numbers: — N — 7 mm below the 版心, right on odd pages and left on even ones, in both", () => {
  for (const d of docs) {
    for (const [who, o] of [["ours", d.ours], ["libreoffice", d.lo]] as const) {
      for (let p = 1; p <= o.pages; p++) {
        const n = o.lines.find((l) => l.page === p && isPageNumber(l.text));
        assert.ok(n, `${d.name} ${who}: page ${p} has a number`);
        const middle = (n!.yMin + n!.yMax) / 2 / MM;
        assert.ok(Math.abs(middle - (37 + 225 + 7)) <= 3.5, `${d.name} ${who} page ${p}: number at ${middle.toFixed(1)} mm`);
        if (p % 2) assert.ok(Math.abs(n!.xMax - (TEXT.left + TEXT.width - 14)) < 4, `${d.name} ${who} page ${p} right edge`);
        else assert.ok(Math.abs(n!.xMin - (TEXT.left + 14)) < 4, `${d.name} ${who} page ${p} left edge`);
      }
    }
  }
});
