// The 修订稿 (issue 22): the official DOCX is untouched by the marks (its parts as they
// were before the 修订稿 existed), and our DOCX with pending suggestions and open comment
// threads, opened by LibreOffice over UNO (scripts/lo-revisions.py), shows as many tracked
// changes and comments as we wrote, and its accept-all and reject-all give our
// acceptSuggestions' text and the report's. Read back by the review import, the file
// gives suggestions and threads that accept to the same text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { renderDocx } from "../../lib/export/docx";
import { demoDocumentModel, textDocumentModel } from "../../lib/demo/demo-model";
import { blockText, bodyBlocks, toDocumentModel, type ModelInput } from "../../lib/core/export/model";
import { parseReportText, parsedRows } from "../../lib/core/text/parse-text";
import { markedBody, type OpenThread, type PendingSuggestion, type SectionMarks } from "../../lib/core/review/marked-body";
import { deletionOf, insertionAt } from "../../lib/core/suggestions/anchor";
import { acceptSuggestions } from "../../lib/core/suggestions/apply";
import { makeAnchor } from "../../lib/core/text/comment-anchor";
import { readReviewedDocx } from "../../lib/import/review/read";
import { placeReview } from "../../lib/core/review/place";
import { reviewSections } from "../../lib/core/review/sections";
import { REPORT_ROWS } from "../fixtures/review/corpus";
import { DEMO_TEXT_PATH } from "../../lib/demo/demo-model";

/** The package's parts, the dates of docProps/core.xml left out (the one thing that changes from one render to the next). */
async function fingerprint(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const hash = createHash("sha256");
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.file(name);
    if (!file) continue;
    let text = await file.async("string");
    if (name === "docProps/core.xml") text = text.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, "$1");
    hash.update(`${name}\0${text}\0`);
  }
  return hash.digest("hex");
}

test("the official DOCX is what it was before the 修订稿: every part the same for the same report", async () => {
  // Taken from the renderer before marks were added (commit 4974702).
  const joint = textDocumentModel(readFileSync(DEMO_TEXT_PATH, "utf8"), { addressee: "区人民政府", signerName: "陈签发", title: "联合行文" }, { jointIssuers: [{ mark: "中共大场镇委员会", fullName: "中共上海市宝山区大场镇委员会" }] });
  assert.equal(await fingerprint(await renderDocx(demoDocumentModel({ copyTo: "区依法治区办" }))), "15181f6df00d70ca11259fb36899fe4948182279f2057f2041e5adbbbb6b63bc");
  assert.equal(await fingerprint(await renderDocx(joint)), "b76a5dfc21aa238062ce9361892e51445429d7e8cf88b4ae975faad6922099f1");
});

type Rows = ModelInput["sections"];
const A = { author: "张核稿", date: "2025-03-01T09:00:00.000Z" };
const B = { author: "李领导", date: "2025-03-02T10:30:00.000Z" };

/** A review of a report: in the sections given, a replacement, a struck phrase, a paragraph added, one removed, a stale suggestion; threads with replies. */
function review(rows: Rows, ids: { replace: string; strike: string; add: string; remove: string }): Record<string, SectionMarks & { suggestions: PendingSuggestion[]; threads: OpenThread[] }> {
  const marks: Record<string, SectionMarks & { suggestions: PendingSuggestion[]; threads: OpenThread[] }> = {};
  const of = (id: string) => (marks[id] ??= { suggestions: [], threads: [] });
  const text = (id: string) => rows.find((r) => r.id === id)!.content.map((p) => p.text).join("\n");
  const r = text(ids.replace);
  const digit = r.search(/\d/);
  of(ids.replace).suggestions.push({ ...deletionOf(r, digit, digit + 1), ...A }, { ...insertionAt(r, digit + 1, "9"), ...A }, { ...insertionAt(r, digit + 1, "（另补1次）"), ...B });
  of(ids.replace).threads.push({ anchor: makeAnchor(r, digit, digit + 4), comments: [{ ...A, text: "数字请核实" }, { ...B, text: "已核实" }, { ...A, text: "好" }] });
  const s = text(ids.strike);
  of(ids.strike).suggestions.push({ ...deletionOf(s, 4, 12), ...B }, { kind: "delete", text: "报告里没有的话", prefix: "", suffix: "", ...A });
  of(ids.strike).threads.push({ anchor: null, comments: [{ ...B, text: "本节整体再精炼" }] });
  const a = text(ids.add);
  const end = a.includes("\n") ? a.indexOf("\n") : a.length;
  of(ids.add).suggestions.push({ ...insertionAt(a, end, "\n新增一段：聘请法律顾问2名，审查合同36份。"), ...A });
  const m = text(ids.remove);
  const cut = m.lastIndexOf("\n");
  of(ids.remove).suggestions.push({ ...deletionOf(m, cut, m.length), ...B });
  return marks;
}

const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

function libreOffice(docx: Buffer): { redlines: number; annotations: number; accepted: string[]; rejected: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "rs-marks-"));
  try {
    writeFileSync(join(dir, "marks.docx"), docx);
    return JSON.parse(execFileSync(PYTHON, [join(process.cwd(), "scripts/lo-revisions.py"), join(dir, "marks.docx")], { encoding: "utf8", timeout: 120_000 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const REPORT = { title: "关于青溪镇2024年法治政府建设情况的报告", status: "drafting" as const, docNumber: null, addressee: "区人民政府", signatory: "青溪镇人民政府", writtenDate: new Date("2025-02-20"), copyTo: null, issuer: null, issueDate: null, copies: null };
const OFFICE = { headerMark: "青溪镇人民政府文件", fullName: "青溪镇人民政府", runInBold: true };

const demoRows = (): Rows => parsedRows(parseReportText(readFileSync(DEMO_TEXT_PATH, "utf8")).sections);
const CASES: [string, () => Rows, { replace: string; strike: string; add: string; remove: string }][] = [
  ["the demo report", demoRows, { replace: "s5", strike: "s3", add: "s0", remove: "s9" }],
  ["a report with run-in headings and numbered paragraphs", () => REPORT_ROWS, { replace: "s11", strike: "s2", add: "s12", remove: "s3" }],
];

for (const [name, rowsOf, ids] of CASES) {
  test(`${name}: LibreOffice shows our pending suggestions and comments, and its accept-all and reject-all are ours`, async () => {
    const rows = rowsOf();
    const marks = review(rows, ids);
    const model = toDocumentModel({ report: REPORT, office: OFFICE, sections: rows });
    const result = markedBody(rows, marks);
    const pending = Object.values(marks).flatMap((m) => m.suggestions);
    assert.equal(result.stale, 1, "the suggestion whose words are not in the text is not written");
    assert.equal(result.written, pending.length - 1);
    const docx = await renderDocx(model, result);
    const lo = libreOffice(docx);
    assert.equal(lo.redlines, result.written, "LibreOffice's tracked changes");
    assert.equal(lo.annotations, Object.values(marks).flatMap((m) => m.threads.flatMap((t) => t.comments)).length, "LibreOffice's comments");
    const accepted = rows.map((r) => ({ ...r, content: acceptSuggestions(r.content, marks[r.id]?.suggestions ?? []).paragraphs }));
    // The body: between the 主送 and the blank line before the 署名. An empty paragraph inside it is a mark gone wrong.
    const body = (lines: string[]) => lines.slice(lines.indexOf(`${REPORT.addressee}：`) + 1, lines.lastIndexOf(REPORT.signatory) - 1);
    const exported = (rs: Rows) => bodyBlocks(rs).map(blockText);
    assert.deepEqual(body(lo.accepted), exported(accepted), "accept-all");
    assert.deepEqual(body(lo.rejected), exported(rows), "reject-all");

    // Read back as a reviewed file: the same suggestions (by what they do) and the threads.
    const sections = reviewSections(rows);
    const placement = placeReview(sections, await readReviewedDocx(docx), { name: "王起草", at: new Date().toISOString() }, [`${REPORT.addressee}：`, REPORT.signatory]);
    assert.deepEqual(placement.unplaced, []);
    sections.forEach((s, i) => {
      const drafts = placement.sections[i].suggestions;
      assert.ok(drafts.every((d) => d.tracked), `${s.id}: every draft is a Word revision`);
      assert.deepEqual(acceptSuggestions(s.paragraphs, drafts).paragraphs, accepted.find((r) => r.id === s.id)!.content, `${s.id}: read back, accepted`);
      const threads = marks[s.id]?.threads ?? [];
      assert.deepEqual(placement.sections[i].threads.map((t) => [t.anchor?.quote ?? null, t.comments.map((c) => c.text)]), threads.map((t) => [t.anchor?.quote ?? null, t.comments.map((c) => c.text)]), `${s.id}: threads`);
    });
  });
}
