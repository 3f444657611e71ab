// The one text rule on a real database: a character a file cannot hold is refused where
// it enters, with its position, and nothing is stored; text stored before the rule is
// neither lost from the page nor able to break an export.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { freshDb, actorFor, type TestDb, paras, createReportFor } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { saveSection } from "../../lib/sections/save";
import { addPastedSubsections } from "../../lib/sections/paste";
import { updateReportMetadata } from "../../lib/reports/metadata";
import { transitionReport } from "../../lib/workflow/service";
import { exportReport, modelOfReport } from "../../lib/export/service";
import { previewText, textOfUpload } from "../../lib/import/preview";
import { importReportAsOperator } from "../../lib/reports/create";
import { AppError } from "../../lib/core/errors";

let t: TestDb;
let issuedId: string;
let draftId: string;
let introId: string;
before(async () => {
  t = await freshDb();
  issuedId = (await seedDemo(t.db, "a-demo-password")).reportId;
  const drafter = await actorFor(t.db, "drafter");
  draftId = (await createReportFor(t.db, drafter, { source: "template", year: 2031, themes: [], includeOther: false })).id;
  introId = (await t.db.section.findFirstOrThrow({ where: { reportId: draftId, kind: "intro" } })).id;
  await saveSection(t.db, drafter, introId, { baseVersion: 1, content: paras("原有正文。") });
});
after(async () => t.close());

const refused = (pattern: RegExp) => (e: unknown) => e instanceof AppError && e.status === 400 && pattern.test(e.message);

test("a lone surrogate in a paste is refused with its position, and no section is stored", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const before = await t.db.section.count({ where: { reportId: draftId } });
  await assert.rejects(
    () => addPastedSubsections(t.db, drafter, { sectionId: introId, text: "一、第一部分\n半个\uD800字" }),
    refused(/^文字：第 10 个字符是不完整的字符（孤立的代理项 U\+D800）/),
  );
  assert.equal(await t.db.section.count({ where: { reportId: draftId } }), before);
  assert.equal(await t.db.auditEvent.count({ where: { action: "section.paste" } }), 0);
});

test("U+FFFF in section text is refused with its position; the section keeps its version", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const section = await t.db.section.findUniqueOrThrow({ where: { id: introId } });
  await assert.rejects(
    () => saveSection(t.db, drafter, introId, { baseVersion: section.version, content: [{ text: "第一段。" }, { text: "正文\uFFFF" }] }),
    refused(/第 3 个字符（U\+FFFF）不是有效的文字/),
  );
  assert.equal((await t.db.section.findUniqueOrThrow({ where: { id: introId } })).version, section.version);
});

test("U+0008 in a title is refused naming the title and the position; a line break in a heading too", async () => {
  const admin = await actorFor(t.db, "admin");
  const before = await t.db.report.findUniqueOrThrow({ where: { id: draftId } });
  await assert.rejects(
    () => updateReportMetadata(t.db, admin, { reportId: draftId, title: "关于\u0008报告", addressee: "", copyTo: "", copies: null, dueDate: "2032-03-01" }),
    refused(/^标题：第 3 个字符是看不见的控制字符（U\+0008）/),
  );
  assert.equal((await t.db.report.findUniqueOrThrow({ where: { id: draftId } })).title, before.title);
  const drafter = await actorFor(t.db, "drafter");
  const section = await t.db.section.findUniqueOrThrow({ where: { id: introId } });
  await assert.rejects(
    () => saveSection(t.db, drafter, introId, { baseVersion: section.version, heading: "标\t题", content: paras("正文。") }),
    refused(/^标题：第 2 个字符是换行符或制表符（U\+0009）/),
  );
});

test("a 保密审查 name of U+200B alone is refused, and nothing about the report changes", async () => {
  const admin = await actorFor(t.db, "admin");
  const before = await t.db.report.findUniqueOrThrow({ where: { id: issuedId } });
  const events = await t.db.auditEvent.count();
  for (const [reviewer, result] of [["\u200B", "不含涉密内容，同意公开。"], ["王保密", "\u200B\u2060\uFEFF"]]) {
    await assert.rejects(
      () => transitionReport(t.db, admin, { reportId: issuedId, action: "publish", secrecyReviewer: reviewer, secrecyResult: result }),
      refused(/^保密审查(人|结论)：只有空白或看不见的字符/),
    );
  }
  assert.deepEqual(await t.db.report.findUniqueOrThrow({ where: { id: issuedId } }), before);
  assert.equal(await t.db.auditEvent.count(), events);
});

test("印数 \"abc\" at 印发 is refused with a message that names 印数, never `copies`", async () => {
  const admin = await actorFor(t.db, "admin");
  await assert.rejects(
    () => transitionReport(t.db, admin, { reportId: draftId, action: "issue", copies: "abc" as unknown as number }),
    (e: unknown) => e instanceof AppError && e.status === 400 && /^印数：/.test(e.message) && !/copies/.test(e.message) && !JSON.stringify(e.fields).includes("“copies”"),
  );
});

test("an imported text file with U+000C is refused with its position, in the preview and by the operator's import; nothing is stored", async () => {
  const { text } = await textOfUpload("报告.txt", Buffer.from("关于2032年的报告\n一、工作\n正文\f续", "utf8"));
  assert.throws(() => previewText(text), refused(/^第 19 个字符是看不见的控制字符（U\+000C）/));
  const reports = await t.db.report.count();
  const office = await t.db.office.findFirstOrThrow({ where: { reports: { some: { id: draftId } } } });
  await assert.rejects(() => importReportAsOperator(t.db, office.code, 2032, text), refused(/U\+000C/));
  assert.equal(await t.db.report.count(), reports);
});

/** Every XML part of a zip, parsed with a strict XML 1.0 parser; the text of all of them. */
async function parsedText(zipBytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(zipBytes);
  let text = "";
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    parser.on("error", (e) => {
      throw new Error(`${name}: ${e.message}`);
    });
    parser.on("text", (s) => (text += s));
    parser.write(new TextDecoder("utf-8", { fatal: true }).decode(await entry.async("uint8array"))).close();
  }
  return text;
}

test("an issued report whose rows already hold U+FFFF, U+0008 and a lone surrogate (stored before the rule) keeps its text and exports a DOCX and an OFD that parse", async () => {
  const rows = await t.db.section.findMany({ where: { reportId: issuedId, deletedAt: null }, orderBy: { position: "asc" } });
  const target = rows.find((r) => (r.content as unknown[]).length > 0)!;
  // PostgreSQL's jsonb never took a lone surrogate (it refuses the \ud800 escape); SQLite stored one as given.
  const surrogate = t.provider === "sqlite" ? [{ text: "旧数据丙\uD800丁" }] : [];
  const old = [{ text: "旧数据甲\uFFFF乙" }, ...surrogate, ...(target.content as { text: string }[])];
  await t.db.section.update({ where: { id: target.id }, data: { content: old } });
  const report = await t.db.report.findUniqueOrThrow({ where: { id: issuedId } });
  await t.db.report.update({ where: { id: issuedId }, data: { title: `${report.title}\u0008` } });

  // Read as stored: the section does not vanish from what the page and the export are made of.
  const model = await modelOfReport(t.db, issuedId);
  const body = model.body.map((b) => b.runs.map((r) => r.text).join("")).join("\n");
  assert.ok(body.includes("旧数据甲\uFFFF乙") && (!surrogate.length || body.includes("旧数据丙\uD800丁")));

  const district = await actorFor(t.db, "district");
  for (const format of ["docx", "ofd"] as const) {
    const outcome = await exportReport(t.db, district, issuedId, format);
    assert.ok("file" in outcome, JSON.stringify(outcome));
    const text = await parsedText(outcome.file.body);
    assert.ok(text.replace(/\s/g, "").includes("旧数据甲乙"), `${format}: the old paragraph is there, without U+FFFF`);
    if (surrogate.length) assert.ok(text.replace(/\s/g, "").includes("旧数据丙丁"), `${format}: the lone surrogate is dropped, the rest kept`);
    assert.ok(!text.includes("\ufffd"), `${format}: no U+FFFD`);
  }
  await t.db.section.update({ where: { id: target.id }, data: { content: target.content ?? [] } });
  await t.db.report.update({ where: { id: issuedId }, data: { title: report.title } });
});
