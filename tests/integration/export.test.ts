import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, actorFor, type TestDb, paras, createReportFor } from "./helpers";
import { seedDemo } from "../../lib/db/seed";
import { exportReport, modelOfReport } from "../../lib/export/service";
import { saveSection } from "../../lib/sections/save";
import { renderHtml } from "../../lib/export/html";
import { AppError } from "../../lib/errors";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
