// The level above: the district's overview of its towns, 催办, 报送 and 收文, and the
// overview's files, on a real database.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { freshDb, actorFor, createReportFor, type TestDb } from "./helpers";
import { createReport } from "../../lib/reports/create";
import { seedDemo } from "../../lib/demo/seed";
import { districtOverview } from "../../lib/district/overview";
import { remindTown } from "../../lib/district/remind";
import { decideSubmission, districtInbox, sendReport } from "../../lib/district/submission";
import { overviewCsv, overviewTotals, overviewXlsx } from "../../lib/district/export";
import { saveYearSettings } from "../../lib/district/year";
import { runCli } from "../../lib/cli/commands";
import { translate } from "../../lib/core/i18n/messages";
import { AppError } from "../../lib/core/errors";
import type { Actor } from "../../lib/core/policy/actor";

let t: TestDb;
const A: Record<string, Actor> = {};
const zh = (key: string, params?: Record<string, string | number>) => translate("zh", key as never, params);
const YEAR = 2030;
const TODAY = "2031-03-10";
let dachangReport = "";

before(async () => {
  t = await freshDb();
  await seedDemo(t.db, "a-demo-password");
  for (const u of ["admin", "drafter", "reviewer", "district", "other"]) A[u] = await actorFor(t.db, u);
  // 大场镇 2029: the report the next year copies from.
  const last = await createReportFor(t.db, A.drafter, { source: "import", year: YEAR - 1, text: "一、主要举措和成效\n（一）依法决策\n2029年，全镇开展执法培训6次。组织法治讲座12场。\n二、存在的不足和原因\n执法力量不足。\n三、主要负责人履行第一责任人职责情况\n专题研究3次。\n四、下一年度主要安排\n继续推进。" });
  // 大场镇 2030: two sentences of three carried over, issued (its text signed).
  dachangReport = (await createReportFor(t.db, A.drafter, { source: "import", year: YEAR, text: "一、主要举措和成效\n（一）依法决策\n2030年，全镇开展执法培训6次。组织法治讲座12场。新增普法阵地3处。\n二、存在的不足和原因\n执法力量不足。\n三、主要负责人履行第一责任人职责情况\n专题研究4次。\n四、下一年度主要安排\n深化改革。" })).id;
  await t.db.section.updateMany({ where: { reportId: dachangReport }, data: { status: "passed" } });
  await t.db.report.update({ where: { id: dachangReport }, data: { status: "issued", docNumber: "宝大府〔2031〕3号", contentHash: "a".repeat(64), signedAt: new Date("2026-01-20T00:00:00Z") } });
  assert.ok(last.id);
  // 庙行镇 2030: drafting, the part on shortcomings missing and one section passed of several.
  const miaohang = await createReport(t.db, A.other, { source: "import", year: YEAR, text: "一、主要举措和成效\n本年度工作。\n二、明年工作安排\n继续努力。" });
  const first = await t.db.section.findFirstOrThrow({ where: { reportId: miaohang.id, heading: { contains: "主要举措" } } });
  await t.db.section.update({ where: { id: first.id }, data: { status: "passed" } });
});
after(async () => t.close());

test("the overview shows each town where it stands: status, sections, missing parts, dates, lateness, similarity", async () => {
  const { rows } = await districtOverview(t.db, A.district, YEAR, undefined, TODAY);
  const dachang = rows.find((r) => r.code === "dachang")!;
  const miaohang = rows.find((r) => r.code === "miaohang")!;
  assert.equal(dachang.status, "issued");
  assert.deepEqual([dachang.passed, dachang.total], [4, 4], "一、 is made of its sub-section and not counted");
  assert.deepEqual(dachang.missing, []);
  assert.equal(dachang.submitLate, 9, "not sent by 1 March: nine days late on 10 March");
  assert.equal(dachang.similarity !== null && Math.round(dachang.similarity * 100), 50, "3 of its 6 sentences are last year's (the year aside)");
  assert.equal(miaohang.status, "drafting");
  assert.deepEqual(miaohang.missing, ["存在的不足和原因", "党政主要负责人履行第一责任人职责情况"]);
  assert.deepEqual([miaohang.passed, miaohang.total], [1, 2]);
  assert.equal(miaohang.similarity, null, "no report the year before");
  // A town of the district is never shown to a town's people.
  await assert.rejects(() => districtOverview(t.db, A.admin, YEAR), (e: unknown) => e instanceof AppError && e.status === 403);
});

test("a section is shown beside the same section last year, with the share carried over; an office above does not see last year's draft", async () => {
  const { sectionPageView } = await import("../../lib/views/section-view");
  const section = await t.db.section.findFirstOrThrow({ where: { reportId: dachangReport, heading: "依法决策" } });
  const view = await sectionPageView(t.db, A.drafter, dachangReport, section.id, "zh");
  assert.equal(view.lastYear?.year, YEAR - 1);
  assert.equal(Math.round(view.lastYear!.carried * 100), 67, "two of its three sentences are last year's");
  assert.ok(view.lastYear!.diff.segments.some((d) => d.type === "insert" && d.text.includes("新增普法阵地3处")));
  const above = await sectionPageView(t.db, A.district, dachangReport, section.id, "zh");
  assert.equal(above.lastYear, null);
});

test("the district sets its deadlines; lateness follows them", async () => {
  await saveYearSettings(t.db, A.district, { year: YEAR, submitDue: "2031-03-05", publishDue: "2031-04-01", similarityThreshold: 0.3 });
  const { rows, settings } = await districtOverview(t.db, A.district, YEAR, undefined, TODAY);
  assert.equal(settings.submitDue, "2031-03-05");
  assert.equal(rows.find((r) => r.code === "dachang")!.submitLate, 5);
  assert.equal(rows.find((r) => r.code === "dachang")!.flagged, true, "50% ≥ the 30% the district set");
  assert.ok(await t.db.auditEvent.findFirst({ where: { action: "district.settings" } }));
});

test("the district hands down an outline for a year; 新建报告 offers it first and builds the report from it", async () => {
  const { newReportPageView } = await import("../../lib/reports/create");
  await saveYearSettings(t.db, A.district, { year: 2031, submitDue: "2032-03-01", publishDue: "2032-04-01", similarityThreshold: 0.6, template: "一、2031年度推进法治政府建设的主要举措和成效\n（一）依法决策\n二、存在的不足和原因\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n四、2032年度推进法治政府建设的主要安排" });
  assert.deepEqual((await newReportPageView(t.db, A.admin)).districtYears, [2031]);
  const { id } = await createReport(t.db, A.admin, { source: "district", year: 2031, ownerId: A.drafter.userId });
  const rows = await t.db.section.findMany({ where: { reportId: id }, orderBy: [{ parentId: "asc" }, { position: "asc" }] });
  assert.deepEqual(rows.filter((r) => r.kind === "heading").map((r) => r.heading).sort(), ["2031年度推进法治政府建设的主要举措和成效", "2032年度推进法治政府建设的主要安排", "依法决策", "党政主要负责人履行推进法治建设第一责任人职责情况", "存在的不足和原因"].sort());
  assert.ok(rows.every((r) => r.ownerId === A.drafter.userId));
  await assert.rejects(() => createReport(t.db, A.admin, { source: "district", year: 2040 }), /没有下发 2040 年度的报告模板/);
});

test("催办 reaches the people who can act on the report: administrators, owners of open sections, the next step's people; nobody means not sent", async () => {
  const miaohang = await t.db.office.findUniqueOrThrow({ where: { code: "miaohang" } });
  const { reminded } = await remindTown(t.db, A.district, { officeId: miaohang.id, year: YEAR });
  assert.ok(reminded >= 1);
  const other = await t.db.notification.findFirst({ where: { userId: A.other.userId, kind: "district.remind" } });
  assert.ok(other, "the owner of the open sections is told");
  assert.match(other!.message, /宝山区催办/);
  assert.ok(await t.db.auditEvent.findFirst({ where: { action: "district.remind" } }));
  // 庙行镇 has no administrator and no report for 2031 yet: its reviewer, who can start one, is told.
  const other2031 = await remindTown(t.db, A.district, { officeId: miaohang.id, year: 2031 });
  assert.equal(other2031.reminded, 1);
  assert.equal(await t.db.notification.count({ where: { userId: A.other.userId, kind: "district.remind", message: { contains: "2031" } } }), 1);
  // 杨行镇 has nobody at all: nothing is sent or recorded, and the district is told so.
  const yanghang = await t.db.office.findUniqueOrThrow({ where: { code: "yanghang" } });
  const entries = await t.db.auditEvent.count({ where: { action: "district.remind" } });
  assert.deepEqual(await remindTown(t.db, A.district, { officeId: yanghang.id, year: YEAR }), { reminded: 0 });
  assert.equal(await t.db.auditEvent.count({ where: { action: "district.remind" } }), entries);
  // A town cannot remind another town.
  await assert.rejects(() => remindTown(t.db, A.admin, { officeId: miaohang.id, year: YEAR }), (e: unknown) => e instanceof AppError && e.status === 403);
});

test("报送, 退回 with a reason, corrected and signed again, sent again, 签收: each sending kept with its hash", async () => {
  const drafting = (await t.db.report.findFirstOrThrow({ where: { office: { code: "miaohang" }, year: YEAR } })).id;
  await assert.rejects(() => sendReport(t.db, A.other, { reportId: drafting }), (e: unknown) => e instanceof AppError && e.status === 403);
  await assert.rejects(() => sendReport(t.db, A.drafter, { reportId: dachangReport }), (e: unknown) => e instanceof AppError && e.status === 403, "only the administrator sends");
  await sendReport(t.db, A.admin, { reportId: dachangReport });
  await assert.rejects(() => sendReport(t.db, A.admin, { reportId: dachangReport }), (e: unknown) => e instanceof AppError && e.status === 409);
  const { rows } = await districtInbox(t.db, A.district);
  assert.equal(rows[0].contentHash, "a".repeat(64));
  // The issued PDF as sent, for the district and the town, for nobody else.
  const { submissionPdf } = await import("../../lib/district/submission");
  const sent = await submissionPdf(t.db, A.district, rows[0].id);
  assert.equal(sent.pdf.subarray(0, 5).toString("latin1"), "%PDF-");
  assert.match(sent.fileName, /^宝大府〔2031〕3号.*\.pdf$/);
  assert.ok((await submissionPdf(t.db, A.admin, rows[0].id)).pdf.length > 1000);
  await assert.rejects(() => submissionPdf(t.db, A.other, rows[0].id), (e: unknown) => e instanceof AppError && e.status === 404);
  await assert.rejects(() => decideSubmission(t.db, A.district, { submissionId: rows[0].id, action: "reject" }), /理由/);
  await decideSubmission(t.db, A.district, { submissionId: rows[0].id, action: "reject", reason: "第三部分未写明主要负责人履职情况。" });
  assert.ok(await t.db.notification.findFirst({ where: { userId: A.admin.userId, kind: "report.rejected" } }));
  // Not signed again: blocked, with the reason.
  await assert.rejects(() => sendReport(t.db, A.admin, { reportId: dachangReport }), /重新签发、印发后再报送/);
  // Corrected, signed and issued again (the number kept), then sent again.
  await t.db.report.update({ where: { id: dachangReport }, data: { contentHash: "b".repeat(64), signedAt: new Date(Date.now() + 1000) } });
  await sendReport(t.db, A.admin, { reportId: dachangReport });
  const again = (await districtInbox(t.db, A.district)).rows;
  assert.deepEqual(again.map((s) => [s.status, s.contentHash[0], s.docNumber]), [["sent", "b", "宝大府〔2031〕3号"], ["returned", "a", "宝大府〔2031〕3号"]]);
  await decideSubmission(t.db, A.district, { submissionId: again[0].id, action: "receive" });
  await assert.rejects(() => decideSubmission(t.db, A.district, { submissionId: again[0].id, action: "receive" }), (e: unknown) => e instanceof AppError && e.status === 409);
  const actions = (await t.db.auditEvent.findMany({ where: { objectId: dachangReport, action: { startsWith: "report." } }, orderBy: { seq: "asc" } })).map((e) => e.action);
  assert.deepEqual(actions.filter((a) => ["report.send", "report.reject", "report.receive"].includes(a)), ["report.send", "report.reject", "report.send", "report.receive"]);
  const row = (await districtOverview(t.db, A.district, YEAR, undefined, TODAY)).rows.find((r) => r.code === "dachang")!;
  assert.equal(row.submission, "received");
});

test("提交核稿 past a missing required part needs a stated reason, recorded; a part is mapped to a town's own heading", async () => {
  const { transitionReport } = await import("../../lib/workflow/service");
  const { setPartMapping } = await import("../../lib/district/report-parts");
  const report = await t.db.report.findFirstOrThrow({ where: { office: { code: "miaohang" }, year: YEAR } });
  await t.db.section.updateMany({ where: { reportId: report.id }, data: { status: "passed" } });
  await assert.rejects(() => transitionReport(t.db, A.other, { reportId: report.id, action: "submitForCheck" }), /缺少规定部分：存在的不足和原因、党政主要负责人履行第一责任人职责情况/);
  await transitionReport(t.db, A.other, { reportId: report.id, action: "submitForCheck", partsReason: "本镇两部分合并写入第一部分。" });
  const entry = await t.db.auditEvent.findFirstOrThrow({ where: { action: "report.submitForCheck", objectId: report.id } });
  assert.match(entry.detail ?? "", /本镇两部分合并写入第一部分/);
  // Only a first-level section of the report can stand for a part.
  await transitionReport(t.db, A.other, { reportId: report.id, action: "return", reason: "再改" });
  await assert.rejects(() => setPartMapping(t.db, A.other, { reportId: report.id, partKey: "leaders", sectionId: "nope" }), /一级章节/);
});

test("the overview's CSV and Excel files have the page's rows and totals, equal to the database's counts", async () => {
  const { rows } = await districtOverview(t.db, A.district, YEAR, undefined, TODAY);
  const totals = overviewTotals(rows);
  const towns = await t.db.office.count({ where: { parent: { code: "baoshan" } } });
  const reports = await t.db.report.count({ where: { year: YEAR, office: { parent: { code: "baoshan" } } } });
  assert.deepEqual([totals.towns, totals.reports], [towns, reports]);
  const csv = overviewCsv(rows, zh);
  assert.ok(csv.startsWith("\ufeff"));
  const lines = csv.trim().split("\r\n");
  assert.equal(lines.length, towns + 2, "header, one line per town, totals");
  assert.ok(lines.at(-1)!.includes(`${towns} 个镇，${reports} 份报告`));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await overviewXlsx(rows, zh, String(YEAR)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  assert.equal(sheet.rowCount, towns + 2);
  assert.equal(sheet.getRow(1).getCell(2).value, "镇");
});

test("the Excel file's counts are numbers (SUM works) and its totals row leaves the date and day columns empty", async () => {
  const { rows } = await districtOverview(t.db, A.district, YEAR, undefined, TODAY);
  const totals = overviewTotals(rows);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await overviewXlsx(rows, zh, String(YEAR)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const col = (name: string) => header.indexOf(name) + 1;
  const towns = Array.from({ length: rows.length }, (_, i) => sheet.getRow(i + 2));
  const last = sheet.getRow(sheet.rowCount);
  for (const name of ["章节通过", "应审章节", "规定部分（已有）", "规定部分（应有）", "报送逾期（天）", "公开逾期（天）"]) {
    assert.ok(col(name) > 0, name);
    for (const row of towns) assert.equal(typeof row.getCell(col(name)).value, "number", `${name} is a number`);
  }
  const sum = (name: string) => towns.reduce((n, row) => n + (row.getCell(col(name)).value as number), 0);
  assert.equal(last.getCell(col("章节通过")).value, sum("章节通过"));
  assert.equal(last.getCell(col("章节通过")).value, totals.passed);
  assert.equal(last.getCell(col("应审章节")).value, totals.total);
  // Dates are dates; the totals row says its counts in words and puts nothing under a date or a day count.
  const dachang = towns.find((row) => row.getCell(1).value === "dachang")!;
  assert.equal(dachang.getCell(col("与上年相同（%）")).value, 50);
  for (const name of ["报送日期", "公开日期", "报送逾期（天）", "公开逾期（天）", "与上年相同（%）"]) assert.equal(last.getCell(col(name)).value, null, name);
  assert.match(String(last.getCell(3).value), new RegExp(`已报送 ${totals.sent}，已签收 ${totals.received}，已公开 ${totals.published}，逾期 ${totals.late}`));
  // The CSV has the same cells.
  const csvTotals = overviewCsv(rows, zh).trim().split("\r\n").at(-1)!.split(",");
  assert.deepEqual(csvTotals.slice(9), ["", "", "", "", ""]);
});

test("a section counts for one part: three parts mapped to one section are not all present until the town says why, and the overview shows why", async () => {
  const { setPartMapping, setPartsSharedReason } = await import("../../lib/district/report-parts");
  const { id } = await createReport(t.db, A.admin, { source: "import", year: 2033, ownerId: A.drafter.userId, text: "一、工作情况\n本年度开展执法培训。\n二、明年思路\n继续推进。" });
  const [work, next] = await t.db.section.findMany({ where: { reportId: id, parentId: null, kind: "heading" }, orderBy: { position: "asc" } });
  for (const partKey of ["measures", "shortcomings", "leaders"]) await setPartMapping(t.db, A.admin, { reportId: id, partKey, sectionId: work.id });
  await setPartMapping(t.db, A.admin, { reportId: id, partKey: "plans", sectionId: next.id });
  const before = (await districtOverview(t.db, A.district, 2033, undefined, TODAY)).rows.find((r) => r.code === "dachang")!;
  assert.deepEqual([before.partsPresent, before.partsRequired], [2, 4]);
  assert.deepEqual(before.missing, ["存在的不足和原因", "党政主要负责人履行第一责任人职责情况"]);
  assert.equal(before.partsReason, null);
  await setPartsSharedReason(t.db, A.admin, { reportId: id, reason: "本镇将工作成效、不足和主要负责人履职情况合写于第一部分。" });
  const after = (await districtOverview(t.db, A.district, 2033, undefined, TODAY)).rows.find((r) => r.code === "dachang")!;
  assert.deepEqual([after.partsPresent, after.missing], [4, []]);
  assert.equal(after.partsReason, "本镇将工作成效、不足和主要负责人履职情况合写于第一部分。");
  assert.ok(overviewCsv((await districtOverview(t.db, A.district, 2033, undefined, TODAY)).rows, zh).includes("合写于第一部分"));
  assert.ok(await t.db.auditEvent.findFirst({ where: { action: "report.partsShared", objectId: id } }));
  // Nobody else states it for the town.
  await assert.rejects(() => setPartsSharedReason(t.db, A.district, { reportId: id, reason: "x" }), (e: unknown) => e instanceof AppError && e.status === 404);
});

test("the CLI prints one line per town: code, status, sections, missing parts, dates, days late", async () => {
  const lines: string[] = [];
  assert.equal(await runCli(["overview", "--office", "baoshan", "--year", String(YEAR)], t.db, { out: (l) => lines.push(l) }), 0);
  const miaohang = lines.find((l) => l.startsWith("miaohang"))!.split("\t");
  assert.deepEqual(miaohang.slice(0, 4), ["miaohang", "drafting", "2/2", "存在的不足和原因、党政主要负责人履行第一责任人职责情况"]);
  assert.equal(miaohang[4], "-");
  await assert.rejects(() => runCli(["overview", "--office", "nowhere", "--year", "2030"], t.db, { out: () => {} }), /不存在/);
});

test("the district words its own required parts; a town's report is held to them", async () => {
  await saveYearSettings(t.db, A.district, { year: 2032, submitDue: "2033-03-01", publishDue: "2033-04-01", similarityThreshold: 0.6, partsText: "主要举措和成效｜举措\n法治督察整改情况｜督察整改" });
  const { yearSettings } = await import("../../lib/district/year");
  const baoshan = await t.db.office.findUniqueOrThrow({ where: { code: "baoshan" } });
  assert.deepEqual((await yearSettings(t.db, baoshan.id, 2032)).parts.map((p) => p.name), ["主要举措和成效", "法治督察整改情况"]);
  await createReport(t.db, A.admin, { source: "import", year: 2032, text: "一、主要举措和成效\n本年度工作。" });
  const row = (await districtOverview(t.db, A.district, 2032, undefined, TODAY)).rows.find((r) => r.code === "dachang")!;
  assert.deepEqual(row.missing, ["法治督察整改情况"]);
  await assert.rejects(() => saveYearSettings(t.db, A.district, { year: 2032, submitDue: "2033-03-01", publishDue: "2033-04-01", similarityThreshold: 0.6, partsText: "只有名称" }), /第 1 行/);
});
