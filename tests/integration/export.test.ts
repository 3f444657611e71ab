import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, actorFor, type TestDb, paras, createReportFor } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { exportReport as exportOutcome, exportsInLine, modelOfReport } from "../../lib/export/service";
import { saveSection } from "../../lib/sections/save";
import { renderHtml } from "../../lib/export/html";
import { layoutFor } from "../../lib/export/layout";
import { updateOfficeStyle } from "../../lib/offices/settings";
import { AppError } from "../../lib/core/errors";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The exported file (none of these waits in line: they run one after another). */
async function exportReport(...args: Parameters<typeof exportOutcome>) {
  const outcome = await exportOutcome(...args);
  assert.ok("file" in outcome, JSON.stringify(outcome));
  return outcome.file;
}

let t: TestDb;
let demo: string;
before(async () => {
  t = await freshDb();
  demo = (await seedDemo(t.db, "a-demo-password")).reportId;
});
after(async () => t.close());

test("the issued report exports as PDF, DOCX, OFD and HTML named by its 发文字号; every export is recorded", async () => {
  const district = await actorFor(t.db, "district");
  const pdf = await exportReport(t.db, district, demo, "pdf");
  assert.equal(pdf.body.subarray(0, 5).toString(), "%PDF-");
  assert.equal(pdf.fileName, "宝大府〔2023〕8号上海市宝山区大场镇人民政府关于宝山区大场镇2022年法治政府建设的情况报告.pdf");
  const docx = await exportReport(t.db, district, demo, "docx");
  assert.equal(docx.body.subarray(0, 2).toString(), "PK");
  const ofd = await exportReport(t.db, district, demo, "ofd");
  assert.equal(ofd.fileName, pdf.fileName.replace(/\.pdf$/, ".ofd"));
  assert.equal(ofd.contentType, "application/ofd");
  assert.equal(ofd.body.subarray(0, 2).toString(), "PK");
  const html = await exportReport(t.db, district, demo, "html");
  assert.match(html.body.toString(), /<h1>上海市宝山区大场镇人民政府关于宝山区大场镇2022年法治政府建设的情况报告<\/h1>/);
  assert.equal(await t.db.auditEvent.count({ where: { action: "report.export", objectId: demo } }), 4);
  const other = await actorFor(t.db, "other");
  await assert.rejects(() => exportReport(t.db, other, demo, "pdf"), (e: unknown) => e instanceof AppError && e.status === 404);
});

test("a draft says 草稿 in its file name and metadata, never on the page", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const { id } = await createReportFor(t.db, drafter, { source: "template", year: 2031, themes: [], includeOther: false });
  const intro = await t.db.section.findFirstOrThrow({ where: { reportId: id, kind: "intro" } });
  await saveSection(t.db, drafter, intro.id, { baseVersion: 1, content: paras("<script>alert(1)</script>正文。") });
  const pdf = await exportReport(t.db, drafter, id, "pdf");
  assert.match(pdf.fileName, /^草稿-关于大场镇2031年法治政府建设的情况报告\.pdf$/);
  const file = join(mkdtempSync(join(tmpdir(), "rs-pdf-")), "draft.pdf");
  writeFileSync(file, pdf.body);
  const info = execFileSync("pdfinfo", ["-enc", "UTF-8", file]).toString();
  assert.match(info, /Keywords:\s+草稿/);
  assert.match(info, /Title:\s+草稿 - 关于大场镇2031年/);
  const model = await modelOfReport(t.db, id);
  assert.equal(model.draft, true);
  const html = renderHtml(model);
  assert.ok(!html.includes("<script>"), "user text is escaped");
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert.ok(!/草稿/.test(html.replace(/<meta[^>]*>/g, "")), "草稿 only in metadata");
});

test("the administrator sets 主送机关, 抄送 and 印数; they reach the export; an issued report refuses changes", async () => {
  const { updateReportMetadata } = await import("../../lib/reports/metadata");
  const admin = await actorFor(t.db, "admin");
  const drafter = await actorFor(t.db, "drafter");
  const draft = await t.db.report.findFirstOrThrow({ where: { year: 2031 } });
  const input = { reportId: draft.id, title: draft.title, addressee: "区政府", copyTo: "区依法治区办", copies: 12, dueDate: "2032-02-28" };
  await assert.rejects(() => updateReportMetadata(t.db, drafter, input), (e: unknown) => e instanceof AppError && e.status === 403);
  await assert.rejects(() => updateReportMetadata(t.db, admin, { ...input, addressee: "区政府：" }), /冒号/);
  await updateReportMetadata(t.db, admin, input);
  const model = await modelOfReport(t.db, draft.id);
  assert.equal(model.addressee, "区政府");
  assert.ok(renderHtml(model).includes('<p class="addressee">区政府：</p>'));
  await assert.rejects(() => updateReportMetadata(t.db, admin, { ...input, reportId: demo, title: "改标题" }), (e: unknown) => e instanceof AppError && e.status === 409);
});

// --- Kept files and the line of exports ---------------------------------------------

test("two exports of the same issued report render once: the second (and one asked for at the same time) is the kept file", async () => {
  const district = await actorFor(t.db, "district");
  const [a, b] = await Promise.all([exportOutcome(t.db, district, demo, "docx"), exportOutcome(t.db, district, demo, "docx")]);
  assert.ok("file" in a && "file" in b);
  // Rendered here once for both, or (after the first test) both read back.
  assert.ok(a.file.body === b.file.body || (!a.rendered && !b.rendered), "one render for both");
  const again = await exportOutcome(t.db, district, demo, "docx");
  assert.ok("file" in again);
  assert.equal(again.rendered, false, "read back, not rendered");
  assert.deepEqual(again.file.body, a.file.body);
});

test("a draft's kept file is never served after its text changed: the key is the hash of what is rendered", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const { id } = await createReportFor(t.db, drafter, { source: "template", year: 2033, themes: [], includeOther: false });
  const intro = await t.db.section.findFirstOrThrow({ where: { reportId: id, kind: "intro" } });
  await saveSection(t.db, drafter, intro.id, { baseVersion: 1, content: paras("第一稿。") });
  const first = await exportReport(t.db, drafter, id, "html");
  const docx1 = await exportOutcome(t.db, drafter, id, "docx");
  assert.ok("file" in docx1 && docx1.rendered);
  await saveSection(t.db, drafter, intro.id, { baseVersion: 2, content: paras("第二稿。") });
  const docx2 = await exportOutcome(t.db, drafter, id, "docx");
  assert.ok("file" in docx2 && docx2.rendered, "the changed draft is rendered again");
  assert.notDeepEqual(docx2.file.body, docx1.file.body);
  assert.ok(first.body.toString().includes("第一稿。"));
});

test("exports wait in line with their place; a page of the same process is served while they render", async () => {
  const drafter = await actorFor(t.db, "drafter");
  // A long report, so that its renders take a while.
  const text = readFileSync(join(process.cwd(), "lib/demo/dachang-2022-report.txt"), "utf8");
  const body = text.split("\n").filter((l) => !/^(一|二|三|四|五|六|七|八|九|十)、|^（/.test(l)).slice(0, 40).join("");
  const big = `一、主要举措和成效\n${Array.from({ length: 30 }, () => body).join("\n")}\n二、存在的不足和原因\n不足。`;
  const { id } = await createReportFor(t.db, drafter, { source: "import", year: 2034, text: big });
  const finished: string[] = [];
  const ask = (format: "pdf" | "ofd" | "docx") => exportOutcome(t.db, drafter, id, format).then((outcome) => (finished.push(format), outcome));
  // The first renders (its request waits for it); the others, asked once it is rendering, are told their place at once.
  const pdf = ask("pdf");
  while (exportsInLine() === 0) await new Promise((r) => setTimeout(r, 5));
  const second = await ask("ofd");
  const third = await ask("docx");
  assert.deepEqual([second, third], [{ queued: { ahead: 1 } }, { queued: { ahead: 2 } }]);
  const { sectionPageView } = await import("../../lib/views/section-view");
  const section = await t.db.section.findFirstOrThrow({ where: { reportId: id } });
  const page = await sectionPageView(t.db, drafter, id, section.id, "zh");
  finished.push("page");
  assert.equal(page.section.id, section.id);
  const first = await pdf;
  assert.ok("file" in first && first.file.body.subarray(0, 5).toString() === "%PDF-");
  assert.deepEqual(finished.slice(0, 3), ["ofd", "docx", "page"], "the page did not wait for the render in progress");
});

test("an office's own title terms: saved by the admin, audited, and kept whole in the title's lines", async () => {
  const titleLines = async () => layoutFor(await modelOfReport(t.db, demo))[0].items.flatMap((i) => (i.kind === "text" && i.role === "title" ? [i.text] : []));
  const shipped = await titleLines();
  assert.deepEqual(shipped, ["上海市宝山区大场镇人民政府", "关于宝山区大场镇2022年", "法治政府建设的情况报告"]);
  const admin = await actorFor(t.db, "admin");
  // A term that crosses the second break: the line must move.
  await updateOfficeStyle(t.db, admin, { jointIssuers: [], runInBold: false, titleTerms: "2022年法治政府建设\n" });
  const own = await titleLines();
  assert.equal(own.join(""), shipped.join(""));
  assert.ok(own.some((l) => l.includes("2022年法治政府建设")), own.join(" | "));
  const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "office.style" }, orderBy: { seq: "desc" } });
  assert.match(JSON.stringify(audit.detail), /2022年法治政府建设/);
  await assert.rejects(() => updateOfficeStyle(t.db, admin, { jointIssuers: [], runInBold: false, titleTerms: "很".repeat(21) }), (e: unknown) => e instanceof AppError && e.status === 400);
  await updateOfficeStyle(t.db, admin, { jointIssuers: [], runInBold: false, titleTerms: "" });
});
