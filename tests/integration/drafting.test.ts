import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isoOfCalendarDayOrNull } from "../../lib/core/dates";
import { freshDb, actorFor, type TestDb, paras, textOf, createReportFor } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { createReport, DuplicateReportError } from "../../lib/reports/create";
import { lastEditors, loadNumberedSections } from "../../lib/sections/queries";
import { asParagraphs } from "../../lib/core/text/paragraphs";
import { textOfUpload } from "../../lib/import/preview";
import { saveSection, SaveConflict, restoreRevision, listRevisions } from "../../lib/sections/save";
import { addSection, moveSection, deleteSection, restoreSection, assignOwner } from "../../lib/sections/tree";
import { addPastedSubsections } from "../../lib/sections/paste";
import { updatePlanItem } from "../../lib/reports/plan-service";
import { AppError } from "../../lib/core/errors";
import { ValidationError } from "../../lib/core/validation";

let t: TestDb;
let demoId: string;
let draftId: string;
before(async () => {
  t = await freshDb();
  demoId = (await seedDemo(t.db, "a-demo-password")).reportId;
});
after(async () => t.close());

const outline = async (reportId: string) =>
  (await loadNumberedSections(t.db, reportId)).map((n) => `${n.label}${n.node.kind === "intro" ? "导语" : n.node.heading}`);

test("a report from last year's keeps the tree and owners, bumps the years, copies no text, lists last year's plans", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const { id } = await createReportFor(t.db, drafter, { source: "lastYear", year: 2023, sourceReportId: demoId });
  draftId = id;
  const report = await t.db.report.findUniqueOrThrow({ where: { id } });
  assert.equal(report.title, "关于大场镇2023年法治政府建设的情况报告");
  assert.equal(report.status, "drafting");
  assert.equal(isoOfCalendarDayOrNull(report.dueDate), "2024-03-01");
  assert.equal(report.sourceReportId, demoId);
  const lines = await outline(id);
  assert.equal(lines.length, 10);
  assert.equal(lines[1], "一、大场镇2023年度推进法治政府建设的主要举措和成效");
  assert.equal(lines[9], "四、大场镇2024年度推进法治政府建设的主要安排");
  const sections = await t.db.section.findMany({ where: { reportId: id } });
  assert.ok(sections.every((s) => asParagraphs(s.content).length === 0 && s.status === "not_started" && s.version === 1));
  const old = await t.db.section.findMany({ where: { reportId: demoId } });
  const ownersOld = old.map((s) => s.ownerId).sort();
  assert.deepEqual(sections.map((s) => s.ownerId).sort(), ownersOld);
  const plans = await t.db.planItem.findMany({ where: { reportId: id }, orderBy: { position: "asc" } });
  assert.equal(plans.length, 4);
  assert.equal(plans[0].text, "一是全面推动学习贯彻习近平法治思想");
});

test("one report per office and year: a second attempt names the first", async () => {
  const admin = await actorFor(t.db, "admin");
  await assert.rejects(
    () => createReport(t.db, admin, { source: "template", year: 2023, themes: [], includeOther: false }),
    (err: unknown) => err instanceof DuplicateReportError && err.existingId === draftId && /2023 年度的报告已经存在/.test(err.message),
  );
});

test("a report from the template has the mandated items and the chosen themes", async () => {
  const other = await actorFor(t.db, "other");
  const { id } = await createReport(t.db, other, { source: "template", year: 2024, themes: ["依法决策", "普法"], includeOther: true });
  assert.deepEqual(await outline(id), [
    "导语", "一、主要举措和成效", "（一）依法决策", "（二）普法", "二、存在的不足和原因",
    "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、2025年度主要安排", "五、其他需要报告的情况",
  ]);
  assert.equal((await t.db.report.findUniqueOrThrow({ where: { id } })).title, "关于庙行镇2024年法治政府建设的情况报告");
});

test("the Word export of the demo report imports into the same tree and paragraphs as the demo data", async () => {
  const bytes = readFileSync(join(process.cwd(), "tests/fixtures/dachang-2022-report.docx"));
  const { text } = await textOfUpload("dachang-2022-report.docx", bytes);
  const other = await actorFor(t.db, "other");
  const { id, notes } = await createReport(t.db, other, { source: "import", year: 2022, text });
  const shape = async (reportId: string) =>
    (await loadNumberedSections(t.db, reportId)).map((n) => [n.label, n.node.heading, n.node.content.length]);
  assert.deepEqual(await shape(id), await shape(demoId));
  const imported = await t.db.report.findUniqueOrThrow({ where: { id } });
  // The file's issuing is the file's: no number, 署名 or 印发机关 comes across, and the notes say so.
  assert.deepEqual([imported.docNumber, imported.signatory, imported.issuer, imported.issueDate], [null, null, null, null]);
  assert.ok(notes.some((n) => n.includes("宝大府〔2023〕8号") && n.includes("不沿用")), notes.join("\n"));
  assert.equal(imported.copies, 9);
});

test("re-importing an issued file and taking it to 印发 gives the register's next number, never the file's", async () => {
  const { transitionReport } = await import("../../lib/workflow/service");
  const { text } = await textOfUpload("dachang-2022-report.docx", readFileSync(join(process.cwd(), "tests/fixtures/dachang-2022-report.docx")));
  const { id } = await createReportFor(t.db, await actorFor(t.db, "drafter"), { source: "import", year: 2031, text });
  await t.db.report.update({ where: { id }, data: { status: "signed" } });
  await transitionReport(t.db, await actorFor(t.db, "admin"), { reportId: id, action: "issue" });
  const issued = await t.db.report.findUniqueOrThrow({ where: { id } });
  assert.notEqual(issued.docNumber, "宝大府〔2023〕8号");
  assert.match(issued.docNumber!, /^宝大府〔\d{4}〕\d+号$/);
  assert.equal(await t.db.report.count({ where: { docNumber: "宝大府〔2023〕8号" } }), 1, "only the demo report carries the file's number");
});

async function sectionOf(reportId: string, label: string, parentId?: string) {
  const n = (await loadNumberedSections(t.db, reportId)).find((s) => s.label === label && (!parentId || s.node.parentId === parentId))!;
  return t.db.section.findUniqueOrThrow({ where: { id: n.node.id } });
}

test("a save names its base version; an old base gets the newer text back and changes nothing", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const s = await sectionOf(draftId, "一、");
  const first = await saveSection(t.db, drafter, s.id, { baseVersion: 1, content: paras("第一段。\n\n  第二段。  ") });
  assert.equal(first.version, 2);
  const stored = await t.db.section.findUniqueOrThrow({ where: { id: s.id } });
  assert.deepEqual(stored.content, paras("第一段。\n第二段。"), "empty paragraphs dropped, spaces trimmed");
  assert.equal(stored.status, "drafting");
  await assert.rejects(
    () => saveSection(t.db, drafter, s.id, { baseVersion: 1, content: paras("过时的修改") }),
    (err: unknown) => err instanceof SaveConflict && err.current.version === 2 && textOf(err.current.content) === "第一段。\n第二段。" && err.current.authorName === "李起草",
  );
  assert.deepEqual((await t.db.section.findUniqueOrThrow({ where: { id: s.id } })).content, paras("第一段。\n第二段。"));
  const same = await saveSection(t.db, drafter, s.id, { baseVersion: 2, content: paras("第一段。\n第二段。") });
  assert.deepEqual([same.version, same.unchanged], [2, true]);
  assert.equal(await t.db.sectionRevision.count({ where: { sectionId: s.id } }), 2);
  assert.equal(await t.db.auditEvent.count({ where: { action: "section.save", objectId: s.id } }), 1);
});

test("limits and rights: over 100,000 characters is refused; only the owner or a reviewer edits; a frozen report refuses", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const drafter2 = await actorFor(t.db, "drafter2");
  const reviewer = await actorFor(t.db, "reviewer");
  const s = await sectionOf(draftId, "一、");
  await assert.rejects(() => saveSection(t.db, drafter, s.id, { baseVersion: 2, content: paras("字".repeat(100_001)) }),
    (err: unknown) => err instanceof ValidationError && /100,000/.test(err.message));
  await assert.rejects(() => saveSection(t.db, drafter, s.id, { baseVersion: 2, content: paras("x"), extra: true } as never), ValidationError);
  await assert.rejects(() => saveSection(t.db, drafter2, s.id, { baseVersion: 2, content: paras("别人的章节") }),
    (err: unknown) => err instanceof AppError && err.status === 403);
  const r = await saveSection(t.db, reviewer, s.id, { baseVersion: 2, content: paras("核稿人修改。") });
  assert.equal(r.version, 3);
  await t.db.report.update({ where: { id: draftId }, data: { status: "checking" } });
  await assert.rejects(() => saveSection(t.db, drafter, s.id, { baseVersion: 3, content: paras("冻结后") }),
    (err: unknown) => err instanceof AppError && err.status === 409 && /冻结/.test(err.message));
  await t.db.report.update({ where: { id: draftId }, data: { status: "drafting" } });
  const other = await actorFor(t.db, "other");
  await assert.rejects(() => saveSection(t.db, other, s.id, { baseVersion: 3, content: paras("x") }),
    (err: unknown) => err instanceof AppError && err.status === 404);
});

test("history: every save is a revision, and restoring one is a new revision", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const s = await sectionOf(draftId, "一、");
  const { revisions } = await listRevisions(t.db, drafter, s.id);
  assert.deepEqual(revisions.map((r) => r.version), [3, 2, 1]);
  const v2 = revisions.find((r) => r.version === 2)!;
  const restored = await restoreRevision(t.db, drafter, { sectionId: s.id, revisionId: v2.id, baseVersion: 3 });
  assert.equal(restored.version, 4);
  const now = await t.db.section.findUniqueOrThrow({ where: { id: s.id } });
  assert.deepEqual(now.content, paras("第一段。\n第二段。"));
  assert.equal((await t.db.sectionRevision.findFirstOrThrow({ where: { sectionId: s.id, version: 4 } })).note, "恢复自第 2 版");
});

test("the tree: add, move (everything after renumbers), depth limit, delete and restore", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const one = await sectionOf(draftId, "一、");
  const { id: added } = await addSection(t.db, drafter, { reportId: draftId, parentId: one.id, heading: "加强合同管理" });
  let lines = await outline(draftId);
  assert.equal(lines[7], "（六）加强合同管理");
  // Move the new （六） to the front of 一、: the old （一）…（五） become （二）…（六）.
  await moveSection(t.db, drafter, { sectionId: added, parentId: one.id, position: 0 });
  lines = await outline(draftId);
  assert.deepEqual(lines.slice(1, 4), ["一、大场镇2023年度推进法治政府建设的主要举措和成效", "（一）加强合同管理", "（二）坚持党的全面领导，切实推进法治政府工作建设"]);
  // Four levels and no more.
  const l3 = await addSection(t.db, drafter, { reportId: draftId, parentId: added, heading: "合同审查" });
  const l4 = await addSection(t.db, drafter, { reportId: draftId, parentId: l3.id, heading: "审查流程" });
  await assert.rejects(() => addSection(t.db, drafter, { reportId: draftId, parentId: l4.id, heading: "第五级" }), /最多 4 级/);
  assert.ok((await outline(draftId)).includes("（1）审查流程"));
  // Delete （一） with its subtree, then restore it.
  const deleted = await deleteSection(t.db, drafter, { sectionId: added });
  assert.equal(deleted.deleted, 3);
  assert.equal((await outline(draftId))[2], "（一）坚持党的全面领导，切实推进法治政府工作建设");
  await assert.rejects(() => restoreSection(t.db, drafter, { sectionId: l4.id }), /先恢复上级章节/);
  assert.equal((await restoreSection(t.db, drafter, { sectionId: added })).restored, 3);
  assert.equal((await outline(draftId))[2], "（一）加强合同管理");
  // The reader at the district may do none of this.
  const district = await actorFor(t.db, "district");
  await assert.rejects(() => addSection(t.db, district, { reportId: draftId, parentId: null, heading: "x" }), (e: unknown) => e instanceof AppError && e.status === 404);
});

test("owners are drafters of the office; the approver cannot assign", async () => {
  const admin = await actorFor(t.db, "admin");
  const s = await sectionOf(draftId, "二、");
  const drafter2 = await t.db.user.findUniqueOrThrow({ where: { username: "drafter2" } });
  const reviewerUser = await t.db.user.findUniqueOrThrow({ where: { username: "reviewer" } });
  await assignOwner(t.db, admin, { sectionId: s.id, ownerId: drafter2.id });
  assert.equal((await t.db.section.findUniqueOrThrow({ where: { id: s.id } })).ownerId, drafter2.id);
  await assert.rejects(() => assignOwner(t.db, admin, { sectionId: s.id, ownerId: reviewerUser.id }), /起草人/);
  const approver = await actorFor(t.db, "approver");
  await assert.rejects(() => assignOwner(t.db, approver, { sectionId: s.id, ownerId: null }),
    (e: unknown) => e instanceof AppError && e.status === 403);
});

test("pasted headings 一、/（一） become sub-sections; list items 1． stay numbered paragraphs of theirs", async () => {
  const drafter = await actorFor(t.db, "drafter2");
  const s = await sectionOf(draftId, "二、");
  const r = await addPastedSubsections(t.db, drafter, {
    sectionId: s.id,
    text: "导言一句。\n（一）执法规范化不足\n执法细节有待提升。\n（二）制度化有待完善\n1.流程\n流程正文。",
  });
  assert.equal(r.created, 2);
  assert.deepEqual(r.leadingParagraphs, [{ text: "导言一句。" }]);
  const lines = await outline(draftId);
  const at = lines.indexOf("二、大场镇2023年度推进法治政府建设存在的不足和原因");
  assert.deepEqual(lines.slice(at + 1, at + 3), ["（一）执法规范化不足", "（二）制度化有待完善"]);
  const second = await sectionOf(draftId, "（二）", s.id);
  assert.deepEqual(second.content, [{ text: "流程", level: 3 }, { text: "流程正文。" }]);
});

test("last year's plans are checked off with a note", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const item = await t.db.planItem.findFirstOrThrow({ where: { reportId: draftId } });
  await updatePlanItem(t.db, drafter, { itemId: item.id, outcome: "done", note: "全年组织专题学习12次。" });
  assert.equal((await t.db.planItem.findUniqueOrThrow({ where: { id: item.id } })).outcome, "done");
  await assert.rejects(() => updatePlanItem(t.db, drafter, { itemId: item.id, outcome: "finished", note: "" } as never), ValidationError);
});

test("a save repeated after it had in fact arrived is no conflict", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const s = await sectionOf(draftId, "（二）");
  const first = await saveSection(t.db, drafter, s.id, { baseVersion: s.version, content: paras("网络中断前已送达的文字。") });
  const again = await saveSection(t.db, drafter, s.id, { baseVersion: s.version, content: paras("网络中断前已送达的文字。") });
  assert.deepEqual([again.version, again.unchanged], [first.version, true]);
});

test("the last editor of each live section is the author of its newest revision, however many there are", async () => {
  const report = await t.db.report.create({ data: { officeId: (await t.db.office.findFirstOrThrow()).id, year: 2031, title: "编辑者", status: "drafting" } });
  const [a, b] = await Promise.all(["drafter", "reviewer"].map((username) => t.db.user.findUniqueOrThrow({ where: { username } })));
  const make = (heading: string, position: number, authors: (string | null)[], deletedAt: Date | null = null) =>
    t.db.section.create({
      data: {
        reportId: report.id, position, heading, version: authors.length, deletedAt,
        // authors[0] wrote the newest version; rows are written newest first, so the answer cannot come from insertion order.
        revisions: { create: authors.map((authorId, i) => ({ version: authors.length - i, heading, content: [], authorId })) },
      },
    });
  const many = await make("多次保存", 0, Array.from({ length: 40 }, (_, i) => (i === 0 ? b.id : a.id)));
  const nobody = await make("无作者", 1, [null, a.id]);
  const fresh = await t.db.section.create({ data: { reportId: report.id, position: 2, heading: "无修订" } });
  const gone = await make("已删除", 3, [a.id], new Date());
  const editors = await lastEditors(t.db, report.id);
  assert.equal(editors.get(many.id), b.id);
  assert.equal(editors.get(nobody.id), null);
  assert.equal(editors.get(fresh.id) ?? null, null);
  assert.equal(editors.has(gone.id), false);
});

test("a save says when it changed what the section's steps depend on: its status, its own text, who saved it last", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const reviewer = await actorFor(t.db, "reviewer");
  const { id } = await createReportFor(t.db, drafter, { source: "template", year: 2032, themes: ["依法决策"], includeOther: false });
  const s = await sectionOf(id, "二、");
  const facts = async (who: typeof drafter, content: string) => {
    const now = await t.db.section.findUniqueOrThrow({ where: { id: s.id } });
    return (await saveSection(t.db, who, s.id, { baseVersion: now.version, content: paras(content) })).factsChanged;
  };
  assert.equal(await facts(drafter, "第一句。"), true, "an empty section has text now, and is being drafted");
  assert.equal(await facts(drafter, "第一句。第二句。"), false, "more words by the same person change no step");
  assert.equal(await facts(drafter, "第一句。第二句。"), false, "the same text is no save");
  assert.equal(await facts(drafter, ""), true, "empty again: nothing to submit");
  assert.equal(await facts(drafter, "重新写。"), true);
  assert.equal(await facts(reviewer, "重新写，核稿人改过。"), true, "the reviewer saved it last (four eyes)");
});
