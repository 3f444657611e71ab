import { createHash } from "node:crypto";
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, actorFor, type TestDb, paras, createReportFor } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { createReport } from "../../lib/reports/create";
import { saveSection } from "../../lib/sections/save";
import { transitionReport, transitionSection } from "../../lib/workflow/service";
import { takeNextNumber } from "../../lib/workflow/doc-number";
import { setNextDocNumber } from "../../lib/workflow/doc-number-admin";
import { addComment, listComments, resolveComment } from "../../lib/comments/service";
import { makeAnchor } from "../../lib/core/text/comment-anchor";
import { reportTrail, signOffTable, trailCsv } from "../../lib/workflow/trail";
import { addSection, deleteSection } from "../../lib/sections/tree";
import { translate } from "../../lib/core/i18n/messages";
import { inbox } from "../../lib/workflow/inbox";
import { verifyAuditChain } from "../../lib/audit/record";
import { contentHash } from "../../lib/core/export/content-hash";
import { liveSections } from "../../lib/sections/queries";
import { isoOfCalendarDayOrNull, todayInChina } from "../../lib/core/dates";
import { AppError } from "../../lib/core/errors";
import { ValidationError } from "../../lib/core/validation";
import type { Actor } from "../../lib/core/policy/actor";

let t: TestDb;
let reportId: string;
const A: Record<string, Actor> = {};
const year = Number(todayInChina().slice(0, 4));

before(async () => {
  t = await freshDb();
  const seeded = await seedDemo(t.db, "a-demo-password");
  for (const u of ["admin", "drafter", "drafter2", "reviewer", "approver", "district", "other"]) A[u] = await actorFor(t.db, u);
  reportId = (await createReportFor(t.db, A.drafter, { source: "lastYear", year: 2023, sourceReportId: seeded.reportId })).id;
  // Each owner writes their sections.
  for (const s of await t.db.section.findMany({ where: { reportId } })) {
    const owner = Object.values(A).find((a) => a.userId === s.ownerId)!;
    await saveSection(t.db, owner, s.id, { baseVersion: 1, content: paras(`${s.heading}的正文。`) });
  }
  // A section drafted and deleted again: its heading is the town's internal work.
  const dropped = await addSection(t.db, A.reviewer, { reportId, parentId: null, heading: "拟删除的第五部分" });
  await deleteSection(t.db, A.reviewer, { sectionId: dropped.id });
});
after(async () => t.close());

const status = async (kind: "section" | "report", id: string) =>
  kind === "section" ? (await t.db.section.findUniqueOrThrow({ where: { id } })).status : (await t.db.report.findUniqueOrThrow({ where: { id } })).status;
const refused = (status: number, message?: RegExp) => (err: unknown) =>
  err instanceof AppError && err.status === status && (!message || message.test(err.message));
const sections = () => t.db.section.findMany({ where: { reportId, deletedAt: null }, orderBy: [{ parentId: "asc" }, { position: "asc" }] });

test("owners submit; only the owner may; an empty section may not; a submitted section is read-only for its owner", async () => {
  const all = await sections();
  const mine = all.find((s) => s.ownerId === A.drafter.userId)!;
  await assert.rejects(() => transitionSection(t.db, A.drafter2, { sectionId: mine.id, action: "submit" }), refused(403, /负责人/));
  await assert.rejects(() => transitionSection(t.db, A.reviewer, { sectionId: mine.id, action: "submit" }), refused(403));
  await assert.rejects(() => transitionSection(t.db, A.other, { sectionId: mine.id, action: "submit" }), refused(404));
  for (const s of all) {
    const owner = Object.values(A).find((a) => a.userId === s.ownerId)!;
    assert.deepEqual(await transitionSection(t.db, owner, { sectionId: s.id, action: "submit" }), { status: "submitted" });
  }
  await assert.rejects(() => saveSection(t.db, A.drafter, mine.id, { baseVersion: 2, content: paras("提交后修改") }), refused(409, /撤回/));
  await assert.rejects(() => transitionSection(t.db, A.drafter, { sectionId: mine.id, action: "submit" }), refused(409, /待审核/));
  // The reviewer is told, in the app.
  assert.ok((await t.db.notification.count({ where: { userId: A.reviewer.userId, kind: "section.submitted" } })) >= all.length);
  assert.equal((await inbox(t.db, A.reviewer)).toReview.length, all.length);
});

test("a return needs a reason, reaches the owner with a comment, and the fixed section is resubmitted", async () => {
  const s = (await sections()).find((x) => x.ownerId === A.drafter2.userId)!;
  await assert.rejects(() => transitionSection(t.db, A.reviewer, { sectionId: s.id, action: "return" }), ValidationError);
  await transitionSection(t.db, A.reviewer, { sectionId: s.id, action: "return", reason: "数字与上年不符，请核对。" });
  assert.equal(await status("section", s.id), "returned");
  assert.ok(await t.db.comment.findFirst({ where: { sectionId: s.id, body: "退回修改：数字与上年不符，请核对。" } }));
  assert.ok(await t.db.notification.findFirst({ where: { userId: A.drafter2.userId, kind: "section.return" } }));
  assert.equal((await inbox(t.db, A.drafter2)).toFix.length, 1);
  const current = await t.db.section.findUniqueOrThrow({ where: { id: s.id } });
  await saveSection(t.db, A.drafter2, s.id, { baseVersion: current.version, content: paras("核对后的正文。") });
  assert.equal(await status("section", s.id), "drafting");
  await transitionSection(t.db, A.drafter2, { sectionId: s.id, action: "submit" });
  // The owner may withdraw a submission nobody has reviewed yet.
  await transitionSection(t.db, A.drafter2, { sectionId: s.id, action: "withdraw" });
  assert.equal(await status("section", s.id), "drafting");
  await transitionSection(t.db, A.drafter2, { sectionId: s.id, action: "submit" });
});

test("four eyes: a reviewer who last edited a section cannot pass it", async () => {
  const s = (await sections())[0];
  const current = await t.db.section.findUniqueOrThrow({ where: { id: s.id } });
  await saveSection(t.db, A.reviewer, s.id, { baseVersion: current.version, content: paras("核稿人改过的正文。") });
  await assert.rejects(() => transitionSection(t.db, A.reviewer, { sectionId: s.id, action: "pass" }), refused(409, /双人复核/));
  // Another reviewer passes it.
  const second = await t.db.user.create({ data: { username: "reviewer2", displayName: "二号核稿", passwordHash: "x", memberships: { create: { officeId: s.id ? (await t.db.report.findUniqueOrThrow({ where: { id: reportId } })).officeId : "", role: "reviewer" } } } });
  const reviewer2 = await actorFor(t.db, second.username);
  await transitionSection(t.db, reviewer2, { sectionId: s.id, action: "pass" });
  assert.equal(await status("section", s.id), "passed");
});

test("the report cannot go to 核稿 until every section has passed; then 核稿, 签发 freezes the text", async () => {
  await assert.rejects(() => transitionReport(t.db, A.reviewer, { reportId, action: "submitForCheck" }), refused(409, /未审核通过/));
  for (const s of await sections()) if (s.status === "submitted") await transitionSection(t.db, A.reviewer, { sectionId: s.id, action: "pass" });
  await assert.rejects(() => transitionReport(t.db, A.drafter, { reportId, action: "submitForCheck" }), refused(403));
  await assert.rejects(() => transitionReport(t.db, A.approver, { reportId, action: "signOff", opinion: "同意。" }), refused(409, /起草中.*不能签发/));
  await transitionReport(t.db, A.reviewer, { reportId, action: "submitForCheck" });
  await assert.rejects(() => transitionReport(t.db, A.reviewer, { reportId, action: "checkPass" }), /核稿意见/);
  await transitionReport(t.db, A.reviewer, { reportId, action: "checkPass", opinion: "文字、格式已核，同意报签。" });
  assert.equal((await inbox(t.db, A.approver)).toSign.length, 1);
  await assert.rejects(() => transitionReport(t.db, A.approver, { reportId, action: "signOff" }), /签发意见/);
  // The text the signer was shown must be the text signed.
  await assert.rejects(() => transitionReport(t.db, A.approver, { reportId, action: "signOff", opinion: "同意印发。", addressee: "区政府", contentHash: "0".repeat(64) }), refused(409, /内容指纹已变化/));
  const shown = contentHash((await t.db.report.findUniqueOrThrow({ where: { id: reportId } })).title, await liveSections(t.db, reportId));
  // Sent up, the report is a 上行文: no 签发 without its 主送机关, which the signer may set there.
  await assert.rejects(() => transitionReport(t.db, A.approver, { reportId, action: "signOff", opinion: "同意印发。", contentHash: shown }), refused(400, /主送机关/));
  await assert.rejects(() => transitionReport(t.db, A.approver, { reportId, action: "signOff", opinion: "同意印发。", addressee: "  ", contentHash: shown }), refused(400, /主送机关/));
  assert.equal(await status("report", reportId), "awaiting_signoff");
  // Handwriting out of the pad's bounds is refused by code; within them it is kept with the step and hashed into its audit entry.
  await assert.rejects(() => transitionReport(t.db, A.approver, { reportId, action: "signOff", opinion: "同意印发。", addressee: "宝山区人民政府", contentHash: shown, ink: [[[1.5, 0, 0.5]]] }), /笔迹无法识别/);
  const ink: [number, number, number][][] = [[[0.1, 0.2, 0.5], [0.4, 0.6, 0.8]], [[0.7, 0.3, 0.5]]];
  await transitionReport(t.db, A.approver, { reportId, action: "signOff", opinion: "同意印发。", addressee: "宝山区人民政府", contentHash: shown, ink });
  const signStep = await t.db.auditEvent.findFirstOrThrow({ where: { action: "report.signOff", objectId: reportId } });
  const stored = await t.db.stepMark.findUniqueOrThrow({ where: { seq: signStep.seq } });
  assert.deepEqual(JSON.parse(stored.strokes), ink);
  assert.deepEqual(JSON.parse(signStep.detail!).mark, { strokes: 2, points: 3, sha256: createHash("sha256").update(stored.strokes).digest("hex") });
  const report = await t.db.report.findUniqueOrThrow({ where: { id: reportId } });
  assert.equal(report.status, "signed");
  assert.equal(report.addressee, "宝山区人民政府");
  const signed = await t.db.auditEvent.findFirstOrThrow({ where: { action: "report.signOff", objectId: reportId } });
  assert.deepEqual(JSON.parse(signed.detail!).addressee, { before: null, after: "宝山区人民政府" });
  // The exported header is a 上行文's: the 签发人 beside the number.
  const { modelOfReport } = await import("../../lib/export/service");
  assert.equal((await modelOfReport(t.db, reportId)).header.signer, "陈签发");
  assert.equal(report.signerName, "陈签发");
  assert.equal(report.contentHash, contentHash(report.title, await liveSections(t.db, reportId)));
  // Frozen: every write to its sections is refused by the server.
  const s = (await sections())[1];
  await assert.rejects(() => saveSection(t.db, A.drafter, s.id, { baseVersion: s.version, content: paras("签发后偷偷修改") }), refused(409, /冻结/));
  await assert.rejects(() => saveSection(t.db, A.reviewer, s.id, { baseVersion: s.version, content: paras("签发后偷偷修改") }), refused(409, /冻结/));
  await assert.rejects(() => transitionSection(t.db, A.reviewer, { sectionId: s.id, action: "return", reason: "x" }), refused(409));
  assert.deepEqual((await t.db.section.findUniqueOrThrow({ where: { id: s.id } })).content, s.content);
});

test("印发 assigns the next 发文字号 and fills the 版记 data; 公开 follows; every step is in the 流转记录", async () => {
  await assert.rejects(() => transitionReport(t.db, A.drafter, { reportId, action: "issue" }), refused(403));
  await transitionReport(t.db, A.admin, { reportId, action: "issue", copyTo: "区依法治区办", copies: 9 });
  const report = await t.db.report.findUniqueOrThrow({ where: { id: reportId } });
  assert.equal(report.docNumber, `宝大府〔${year}〕1号`);
  assert.equal(isoOfCalendarDayOrNull(report.issueDate), todayInChina());
  assert.equal(report.issuer, "上海市宝山区大场镇人民政府");
  assert.deepEqual([report.copyTo, report.copies], ["区依法治区办", 9]);
  await assert.rejects(() => transitionReport(t.db, A.admin, { reportId, action: "publish" }), /保密审查/);
  await transitionReport(t.db, A.admin, { reportId, action: "publish", secrecyReviewer: "王保密", secrecyResult: "不含涉密内容，同意公开。" });
  const published = await t.db.report.findUniqueOrThrow({ where: { id: reportId } });
  assert.equal(published.secrecyReviewer, "王保密");
  // The public page says how it was published: number, dates and the signed text's fingerprint.
  const { publishedPage } = await import("../../lib/export/service");
  const page = await publishedPage(t.db, reportId);
  assert.ok(page.ok);
  assert.match(page.html, new RegExp(`发文字号：${published.docNumber}`));
  assert.match(page.html, new RegExp(`发布日期：${todayInChina()}`));
  assert.ok(page.html.includes(`内容指纹（SHA-256）：${published.contentHash}`));
  assert.equal(await status("report", reportId), "published");
  // Every step is in the office's record (what the district reads of it: the next test).
  const { entries } = await reportTrail(t.db, A.reviewer, reportId, (key, params) => translate("zh", key, params));
  const steps = entries.map((e) => e.action).filter((a) => a.startsWith("report."));
  assert.deepEqual(steps, ["report.create", "report.submitForCheck", "report.checkPass", "report.signOff", "report.issue", "report.publish"]);
  const table = signOffTable(entries, (key, params) => translate("zh", key, params));
  assert.equal(table.find((r) => r.step === "签发")!.people, "陈签发");
  assert.equal(table.find((r) => r.step === "签发")!.opinion, "同意印发。");
  assert.equal(table.find((r) => r.step === "核稿")!.opinion, "文字、格式已核，同意报签。");
  assert.equal(table.find((r) => r.step === "印发")!.people, "王管理");
  assert.equal(entries.find((e) => e.action === "report.signOff")!.role, "签发人");
  assert.deepEqual((await verifyAuditChain(t.db)).problems, []);
  // The district reads the signed text only: not the drafts before it, not the review comments.
  const { listRevisions } = await import("../../lib/sections/save");
  const { listComments } = await import("../../lib/comments/service");
  const returned = (await t.db.comment.findFirstOrThrow({ where: { body: { contains: "数字与上年不符" } } })).sectionId;
  const own = await listRevisions(t.db, A.reviewer, returned);
  const above = await listRevisions(t.db, A.district, returned);
  assert.ok(own.revisions.length > 1);
  assert.deepEqual(above.revisions.map((r) => r.version), [own.section.version]);
  assert.ok((await listComments(t.db, A.reviewer, returned)).length > 0);
  assert.deepEqual(await listComments(t.db, A.district, returned), []);
});

test("the town reads its whole record; the district reads the steps of the signed text, not the town's review", async () => {
  const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate("zh", key, params);
  const town = await reportTrail(t.db, A.reviewer, reportId, zh);
  const above = await reportTrail(t.db, A.district, reportId, zh);
  const report = await t.db.report.findUniqueOrThrow({ where: { id: reportId } });
  const townCsv = trailCsv(report, town.entries, "zh", zh, town.readsReview).csv;
  const aboveCsv = trailCsv(report, above.entries, "zh", zh, above.readsReview).csv;
  // The town: 退回 reasons, who saved and passed what, deleted sections' headings.
  assert.ok(town.entries.some((e) => e.action === "section.return" && e.detail.reason === "数字与上年不符，请核对。"));
  assert.ok(town.entries.some((e) => e.action === "section.save") && town.entries.some((e) => e.action === "section.pass"));
  assert.ok(town.entries.some((e) => e.action === "section.delete" && e.object === "章节“拟删除的第五部分”"));
  for (const words of ["数字与上年不符", "拟删除的第五部分", "保存章节", "起草（提交审核）"]) assert.ok(townCsv.includes(words), words);
  // The district: 核稿, 签发, 印发, 公开 with their opinions, nothing of the review, in the page and the CSV alike.
  assert.deepEqual(above.entries.map((e) => e.action), ["report.checkPass", "report.signOff", "report.issue", "report.publish"]);
  assert.equal(above.entries.find((e) => e.action === "report.signOff")!.detail.opinion, "同意印发。");
  assert.deepEqual(signOffTable(above.entries, zh, above.readsReview).map((r) => r.step), ["核稿", "签发", "印发", "公开"]);
  for (const words of ["数字与上年不符", "拟删除的第五部分", "保存章节", "退回修改", "李起草", "赵起草", "起草（提交审核）"]) assert.ok(!aboveCsv.includes(words), words);
  for (const words of ["同意印发。", "文字、格式已核，同意报签。", "陈签发"]) assert.ok(aboveCsv.includes(words), words);
});

test("returns go one step back; from 核稿 with named sections the report reopens them", async () => {
  const other = await createReportFor(t.db, A.drafter, { source: "template", year: 2030, themes: ["依法决策"], includeOther: false });
  const rows = await t.db.section.findMany({ where: { reportId: other.id } });
  for (const s of rows) {
    await saveSection(t.db, A.reviewer, s.id, { baseVersion: 1, content: paras("正文。") });
    await t.db.section.update({ where: { id: s.id }, data: { status: "passed" } });
  }
  await transitionReport(t.db, A.reviewer, { reportId: other.id, action: "submitForCheck" });
  await assert.rejects(() => transitionReport(t.db, A.reviewer, { reportId: other.id, action: "return", sectionIds: [rows[1].id] }), ValidationError);
  await transitionReport(t.db, A.reviewer, { reportId: other.id, action: "return", reason: "第二节需补充数据。", sectionIds: [rows[1].id] });
  assert.equal(await status("report", other.id), "drafting");
  assert.equal(await status("section", rows[1].id), "returned");
  assert.equal(await status("section", rows[0].id), "passed");
  await assert.rejects(() => transitionReport(t.db, A.reviewer, { reportId: other.id, action: "return", reason: "x" }), refused(409, /不能退回/));
});

test("签发 is refused while any section is not 已通过; a signed report cannot reopen sections", async () => {
  const r = await createReportFor(t.db, A.drafter, { source: "template", year: 2032, themes: ["依法决策"], includeOther: false });
  const all = await t.db.section.findMany({ where: { reportId: r.id } });
  // Sections that are reviewed themselves (not headings made of sub-sections).
  const rows = all.filter((s) => !all.some((c) => c.parentId === s.id));
  await t.db.section.updateMany({ where: { reportId: r.id }, data: { status: "passed" } });
  // As after a return that reopened a section, with the report back at 待签发.
  await t.db.report.update({ where: { id: r.id }, data: { status: "awaiting_signoff" } });
  await t.db.section.update({ where: { id: rows[1].id }, data: { status: "returned" } });
  await assert.rejects(() => transitionReport(t.db, A.approver, { reportId: r.id, action: "signOff", opinion: "同意。" }), refused(409, /未审核通过.*不能签发/));
  await t.db.section.update({ where: { id: rows[1].id }, data: { status: "passed" } });
  await transitionReport(t.db, A.approver, { reportId: r.id, action: "signOff", opinion: "同意。", addressee: "区政府", partsReason: "此测试报告只有标题。" });
  await assert.rejects(
    () => transitionReport(t.db, A.approver, { reportId: r.id, action: "return", reason: "改一下", sectionIds: [rows[1].id] }),
    refused(400, /核稿或待签发/),
  );
  assert.equal(await status("section", rows[1].id), "passed");
});

test("numbers are taken atomically: twenty at once are twenty different numbers", async () => {
  const office = (await t.db.report.findUniqueOrThrow({ where: { id: reportId } })).officeId;
  const second = t.provider === "postgres" ? t.second() : t.db;
  const numbers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => (i % 2 ? t.db : second).$transaction((tx) => takeNextNumber(tx, office, 2099))),
  );
  assert.deepEqual([...numbers].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
});

test("two reports issued at the same moment get different numbers", async () => {
  const ids: string[] = [];
  for (const y of [2040, 2041]) {
    const { id } = await createReportFor(t.db, A.drafter, { source: "template", year: y, themes: [], includeOther: false });
    await t.db.report.update({ where: { id }, data: { status: "signed" } });
    ids.push(id);
  }
  const second = t.provider === "postgres" ? t.second() : t.db;
  await Promise.all([transitionReport(t.db, A.admin, { reportId: ids[0], action: "issue" }), transitionReport(second, A.admin, { reportId: ids[1], action: "issue" })]);
  const numbers = (await t.db.report.findMany({ where: { id: { in: ids } } })).map((r) => r.docNumber).sort();
  assert.deepEqual(numbers, [`宝大府〔${year}〕2号`, `宝大府〔${year}〕3号`]);
});

test("an administrator moves the sequence on, never back over a used number", async () => {
  await assert.rejects(() => setNextDocNumber(t.db, A.reviewer, { year, next: 10 }), refused(403));
  await assert.rejects(() => setNextDocNumber(t.db, A.admin, { year, next: 2 }), refused(409, /已用到 3 号/));
  await setNextDocNumber(t.db, A.admin, { year, next: 10 });
  const office = (await t.db.report.findUniqueOrThrow({ where: { id: reportId } })).officeId;
  assert.equal(await t.db.$transaction((tx) => takeNextNumber(tx, office, year)), 10);
});

test("setting the next number at the same moment as an 印发 neither rewinds the register nor gives a number twice", async () => {
  const office = (await t.db.report.findUniqueOrThrow({ where: { id: reportId } })).officeId;
  const second = t.provider === "postgres" ? t.second() : t.db;
  const register = async () => (await t.db.docNumberSequence.findUnique({ where: { officeId_year: { officeId: office, year } } }))?.next ?? 1;
  for (let round = 0; round < 12; round++) {
    const { id } = await createReportFor(t.db, A.drafter, { source: "template", year: 2060 + round, themes: [], includeOther: false });
    await t.db.report.update({ where: { id }, data: { status: "signed" } });
    // The administrator sets the number the issue is about to take: one of the two must come second.
    const next = await register();
    const [, set] = await Promise.allSettled([transitionReport(t.db, A.admin, { reportId: id, action: "issue" }), setNextDocNumber(second, A.admin, { year, next })]);
    if (set.status === "rejected") assert.ok(refused(409, /已用到/)(set.reason), String(set.reason));
    const issued = (await t.db.report.findMany({ where: { officeId: office, docNumber: { contains: `〔${year}〕` } }, select: { docNumber: true } })).map((r) => Number(/〕(\d+)号/.exec(r.docNumber!)![1]));
    assert.equal(new Set(issued).size, issued.length, `round ${round}: a number given twice: ${issued.join(", ")}`);
    assert.ok((await register()) > Math.max(0, ...issued), `round ${round}: the register went back to ${await register()} after ${Math.max(...issued)} was given`);
  }
});

test("comments stay on their words when the text around them changes, and can be resolved", async () => {
  const { id } = await createReportFor(t.db, A.drafter, { source: "template", year: 2050, themes: [], includeOther: false });
  const s = await t.db.section.findFirstOrThrow({ where: { reportId: id, kind: "intro" } });
  assert.equal(s.ownerId, A.drafter.userId, "the creator owns a new report's sections");
  await assert.rejects(() => transitionSection(t.db, A.drafter, { sectionId: s.id, action: "submit" }), refused(409, /正文为空/));
  const text = "全年行政诉讼案件13件。\n胜诉率100%。";
  await saveSection(t.db, A.drafter, s.id, { baseVersion: 1, content: paras(text) });
  const at = text.indexOf("胜诉率100%");
  const { id: commentId } = await addComment(t.db, A.reviewer, { sectionId: s.id, body: "请注明计算口径。", anchor: makeAnchor(text, at, at + 7) });
  await addComment(t.db, A.reviewer, { sectionId: s.id, body: "整节再精炼一些。" });
  await saveSection(t.db, A.drafter, s.id, { baseVersion: 2, content: paras("2023年。\n全年行政诉讼案件15件。\n胜诉率100%。") });
  const comments = await listComments(t.db, A.drafter, s.id);
  const anchored = comments.find((c) => c.id === commentId)!;
  assert.deepEqual([anchored.quote, anchored.located?.paragraph, anchored.detached], ["胜诉率100%", 2, false]);
  assert.equal(comments.find((c) => !c.quote)!.body, "整节再精炼一些。");
  await resolveComment(t.db, A.drafter, { commentId, resolved: true });
  assert.equal((await listComments(t.db, A.drafter, s.id)).find((c) => c.id === commentId)!.resolved, true);
  await assert.rejects(() => addComment(t.db, A.district, { sectionId: s.id, body: "x" }), refused(404));
  await assert.rejects(() => addComment(t.db, A.admin, { sectionId: s.id, body: "x" }), refused(403));
});

test("a heading made only of its sub-sections needs no review: 核稿 goes ahead once they pass, and its submit says why not", async () => {
  const r = await createReport(t.db, A.admin, { source: "template", year: 2033, themes: ["依法决策", "严格执法"], includeOther: false });
  const rows = await t.db.section.findMany({ where: { reportId: r.id } });
  const parents = new Set(rows.map((s) => s.parentId));
  const composed = rows.filter((s) => s.kind === "heading" && parents.has(s.id));
  assert.ok(composed.length >= 1, "the template has headings made of sub-sections");
  for (const s of rows.filter((s) => !parents.has(s.id))) await t.db.section.update({ where: { id: s.id }, data: { content: paras("本节正文。"), status: "passed" } });
  // Its owner cannot submit it, and is told why.
  await t.db.section.update({ where: { id: composed[0].id }, data: { ownerId: A.drafter.userId } });
  await assert.rejects(() => transitionSection(t.db, A.drafter, { sectionId: composed[0].id, action: "submit" }), /由其下的子章节组成/);
  assert.ok((await inbox(t.db, A.reviewer)).toCheck.some((x) => x.id === r.id), "ready for 核稿 in the inbox");
  await transitionReport(t.db, A.reviewer, { reportId: r.id, action: "submitForCheck" });
  assert.equal(await status("report", r.id), "checking");
  // One leaf not passed: refused, naming it and saying what to do.
  await transitionReport(t.db, A.reviewer, { reportId: r.id, action: "return", reason: "再看看" });
  const leaf = rows.find((s) => !parents.has(s.id) && s.kind === "heading")!;
  await t.db.section.update({ where: { id: leaf.id }, data: { status: "returned" } });
  await assert.rejects(() => transitionReport(t.db, A.reviewer, { reportId: r.id, action: "submitForCheck" }), refused(409, new RegExp(`${leaf.heading}.*提交这些章节`)));
});

test("comments are threads: a reply goes under its comment, tells the thread, and resolving resolves the thread", async () => {
  const r = await createReport(t.db, A.admin, { source: "template", year: 2034, themes: ["依法决策"], includeOther: false });
  const rows = await t.db.section.findMany({ where: { reportId: r.id } });
  const s = await t.db.section.update({ where: { id: rows[1].id }, data: { ownerId: A.drafter.userId } });
  const { id: rootId } = await addComment(t.db, A.reviewer, { sectionId: s.id, body: "这里的数字请核对。" });
  const { id: replyId } = await addComment(t.db, A.drafter, { sectionId: s.id, body: "已核对，数字无误。", parentId: rootId });
  // A reply to the reply joins the same thread.
  await addComment(t.db, A.reviewer, { sectionId: s.id, body: "好的。", parentId: replyId });
  const threads = (await listComments(t.db, A.reviewer, s.id)).filter((c) => c.id === rootId);
  assert.equal(threads.length, 1);
  assert.deepEqual(threads[0].replies.map((r) => r.body), ["已核对，数字无误。", "好的。"]);
  assert.ok(!(await listComments(t.db, A.reviewer, s.id)).some((c) => c.id === replyId), "replies are not threads of their own");
  assert.ok(await t.db.notification.findFirst({ where: { userId: A.reviewer.userId, kind: "comment" } }), "the reviewer hears of the reply");
  await resolveComment(t.db, A.reviewer, { commentId: replyId, resolved: true });
  assert.equal((await listComments(t.db, A.reviewer, s.id)).find((c) => c.id === rootId)!.resolved, true);
  // A reply belongs to a comment of the same section.
  const other = rows.find((x) => x.id !== s.id)!;
  await assert.rejects(() => addComment(t.db, A.reviewer, { sectionId: other.id, body: "错位的回复", parentId: rootId }), refused(404));
});

test("a drafter neither creates reports nor changes the outline; within a section of their own they add and delete sub-sections", async () => {
  const { addSection, deleteSection, moveSection } = await import("../../lib/sections/tree");
  await assert.rejects(() => createReport(t.db, A.drafter, { source: "template", year: 2035, themes: [], includeOther: false }), refused(403));
  const r = await createReportFor(t.db, A.drafter, { source: "template", year: 2035, themes: ["依法决策"], includeOther: false });
  const rows = await t.db.section.findMany({ where: { reportId: r.id, deletedAt: null } });
  const top = rows.find((s) => s.kind === "heading" && s.parentId === null)!;
  assert.equal(top.ownerId, A.drafter.userId, "named at creation, the drafter owns every section");
  // A first-level section is the outline's: not the drafter's to delete or move, even when they own it.
  await assert.rejects(() => deleteSection(t.db, A.drafter, { sectionId: top.id }), refused(403, /只有审核人和管理员/));
  // Under it, their own: add, then delete.
  const { id } = await addSection(t.db, A.drafter, { reportId: r.id, parentId: top.id, heading: "起草人自己加的小节" });
  await assert.rejects(() => addSection(t.db, A.drafter, { reportId: r.id, parentId: null, heading: "新的一级章节" }), refused(403));
  await assert.rejects(() => moveSection(t.db, A.drafter, { sectionId: id, parentId: null, position: 0 }), refused(403));
  // Nor under a section that is not theirs: refused, and the refusal is in the audit record like every other.
  const others = rows.find((s) => s.kind === "heading" && s.parentId === null && s.id !== top.id)!;
  await t.db.section.update({ where: { id: others.id }, data: { ownerId: A.drafter2.userId } });
  const deniedBefore = await t.db.auditEvent.count({ where: { action: "permission.denied", objectId: id } });
  await assert.rejects(() => moveSection(t.db, A.drafter, { sectionId: id, parentId: others.id, position: 0 }), refused(403, /只能在自己负责的章节/));
  assert.equal(await t.db.auditEvent.count({ where: { action: "permission.denied", objectId: id } }), deniedBefore + 1);
  await deleteSection(t.db, A.drafter, { sectionId: id });
  // Another drafter who owns nothing here can do none of it.
  await assert.rejects(() => addSection(t.db, A.drafter2, { reportId: r.id, parentId: top.id, heading: "别人的" }), refused(403));
  const { reportPageView } = await import("../../lib/views/report-view");
  const view = await reportPageView(t.db, A.reviewer, r.id, "zh", (key, params) => translate("zh", key, params));
  assert.deepEqual(view.deleted.map((d) => [d.heading, d.deletedBy]), [["起草人自己加的小节", "李起草"]], "已删除的章节 says who deleted");
});

test("every entry is checkpointed as it is written: cutting the last 1, 17 or 100 entries (印发, 公开 with its 保密审查, denials) is named", async () => {
  const { chainReport } = await import("../../lib/cli/commands");
  const all = await t.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
  assert.ok(all.length > 100 && all.some((r) => r.action === "report.publish") && all.some((r) => r.action === "permission.denied"));
  assert.deepEqual(await verifyAuditChain(t.db), { entries: all.length, checkpoints: all.length, problems: [], afterLastCheckpoint: 0, events: [{ event: "new", at: all[0].at.toISOString(), seq: 1 }] });
  for (const n of [1, 17, 100]) {
    const kept = all.at(-n - 1)!;
    await t.db.auditEvent.deleteMany({ where: { seq: { gt: kept.seq } } });
    const { problems, afterLastCheckpoint } = await verifyAuditChain(t.db);
    assert.deepEqual(problems, [{ seq: kept.seq, problem: "cut", at: kept.at }], `the last ${n}`);
    assert.equal(afterLastCheckpoint, 0);
    assert.ok(chainReport(problems, 0, []).some((l) => l.includes(`the record was cut after entry #${kept.seq}`)));
    for (const row of all.slice(-n)) await t.db.auditEvent.create({ data: row });
    assert.deepEqual((await verifyAuditChain(t.db)).problems, []);
  }
});
