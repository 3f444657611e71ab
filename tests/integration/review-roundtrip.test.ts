// The 修订稿 out to Word and back: pending suggestions and open comments written as Word's
// revisions and comments, read back by the review import as the same suggestions by the
// same people; nothing applied until accepted; the CLI's count line; who may import.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshDb, actorFor, type TestDb, paras, createReportFor, textOf } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { saveSection } from "../../lib/sections/save";
import { addComment } from "../../lib/comments/service";
import { exportReport } from "../../lib/export/service";
import { proposeChanges } from "../../lib/suggestions/propose";
import { decideAll } from "../../lib/suggestions/decide";
import { reportSuggestions } from "../../lib/suggestions/queries";
import { importReview, previewReviewImport } from "../../lib/suggestions/review-import";
import { listComments } from "../../lib/comments/service";
import { runCli } from "../../lib/cli/commands";
import { AppError } from "../../lib/core/errors";
import { asParagraphs } from "../../lib/core/text/paragraphs";
import type { Actor } from "../../lib/core/policy/actor";

let t: TestDb;
let reportId: string;
let drafter: Actor;
let reviewer: Actor;
let approver: Actor;
const texts = ["全年召开党委会4次，专题学法2次。\n依法行政水平不断提升。", "办理行政复议案件5件，全部维持。"];
const ids: string[] = [];
before(async () => {
  t = await freshDb();
  await seedDemo(t.db, "a-demo-password");
  drafter = await actorFor(t.db, "drafter");
  reviewer = await actorFor(t.db, "reviewer");
  approver = await actorFor(t.db, "approver");
  reportId = (await createReportFor(t.db, drafter, { source: "template", year: 2031, themes: [], includeOther: false })).id;
  const sections = (await t.db.section.findMany({ where: { reportId, kind: "heading", parentId: null, ownerId: drafter.userId }, orderBy: { position: "asc" } })).slice(0, 2);
  for (const [i, s] of sections.entries()) {
    await saveSection(t.db, drafter, s.id, { baseVersion: s.version, content: paras(texts[i]) });
    ids.push(s.id);
  }
  await proposeChanges(t.db, reviewer, { sectionId: ids[0], baseVersion: 2, content: paras("全年召开党委会5次，专题学法2次。") });
  await proposeChanges(t.db, approver, { sectionId: ids[1], baseVersion: 2, content: paras("依法办理行政复议案件5件，全部维持。") });
  const { id: root } = await addComment(t.db, reviewer, { sectionId: ids[0], body: "数字请与统计表核对。", anchor: { quote: "4次", prefix: "全年召开党委会", suffix: "，专题学法2次。" } });
  await addComment(t.db, drafter, { sectionId: ids[0], body: "已核对。", parentId: root });
});
after(() => t.close());

const sectionText = async (id: string) => textOf(asParagraphs((await t.db.section.findUniqueOrThrow({ where: { id } })).content));
const pendingKey = async () => (await reportSuggestions(t.db, drafter, reportId)).map((s) => `${s.sectionId.slice(-4)} ${s.kind}:${s.text} ${s.author} ${s.authorId ? "user" : "name"}`);

test("the 修订稿 read back gives the same suggestions by the same people, the comment thread with its reply, and applies nothing", async () => {
  const out = await exportReport(t.db, reviewer, reportId, "docx", undefined, { marks: true });
  assert.ok("file" in out);
  assert.match(out.file.fileName, /^修订稿-/);
  const before = await pendingKey();
  assert.equal(before.length, 4);
  // The owner rejects everything; the file brings it all back.
  await decideAll(t.db, drafter, { reportId, action: "rejectAll" });
  assert.deepEqual(await pendingKey(), []);
  const preview = await previewReviewImport(t.db, approver, reportId, out.file.body);
  // The comment thread is still on the section: not imported again.
  assert.deepEqual(preview.counts, { suggestions: 4, comments: 0, unplaced: 0 });
  assert.equal(preview.alreadyThere, 1);
  assert.deepEqual(preview.outdated, []);
  assert.deepEqual(await pendingKey(), [], "a preview saves nothing");
  const done = await importReview(t.db, approver, reportId, out.file.body);
  assert.deepEqual(done.counts, preview.counts);
  assert.deepEqual(await pendingKey(), before);
  // The same file again brings nothing new: what it carries is there already.
  const again = await previewReviewImport(t.db, approver, reportId, out.file.body);
  assert.deepEqual([again.counts, again.alreadyThere], [{ suggestions: 0, comments: 0, unplaced: 0 }, 5]);
  const threads = (await listComments(t.db, drafter, ids[0])).filter((c) => c.body === "数字请与统计表核对。");
  assert.equal(threads.length, 1);
  assert.deepEqual(threads[0].replies.map((r) => [r.body, r.authorName]), [["已核对。", "李起草"]]);
  // Nothing applied until accepted; then the texts are the reviewers' proposals.
  assert.deepEqual([await sectionText(ids[0]), await sectionText(ids[1])], texts);
  const accepted = await decideAll(t.db, drafter, { reportId, action: "acceptAll" });
  assert.equal(accepted.accepted, 4);
  assert.deepEqual([await sectionText(ids[0]), await sectionText(ids[1])], ["全年召开党委会5次，专题学法2次。", "依法办理行政复议案件5件，全部维持。"]);
  const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "suggestion.import", objectId: reportId } });
  assert.equal(audit.actorId, approver.userId);
});

test("a 修订稿 read back after the text changed here is compared with the text it was made from: today's words are not proposed for deletion", async () => {
  const s0 = await t.db.section.findUniqueOrThrow({ where: { id: ids[0] } });
  const made = await proposeChanges(t.db, reviewer, { sectionId: ids[0], baseVersion: s0.version, content: paras(`${await sectionText(ids[0])}\n补充一段。`) });
  assert.ok(made.changed);
  const out = await exportReport(t.db, reviewer, reportId, "docx", undefined, { marks: true });
  assert.ok("file" in out);
  await decideAll(t.db, drafter, { reportId, action: "rejectAll" });
  // The owner rewrites the section meanwhile.
  const now = await t.db.section.findUniqueOrThrow({ where: { id: ids[0] } });
  await saveSection(t.db, drafter, ids[0], { baseVersion: now.version, content: paras("全年召开党委会5次，专题学法3次，集体学法12次。") });
  const preview = await previewReviewImport(t.db, approver, reportId, out.file.body);
  assert.deepEqual(preview.outdated.length, 1);
  const here = preview.sections.find((x) => x.sectionId === ids[0])!;
  assert.deepEqual(here.suggestions.map((x) => `${x.kind}:${x.text}:${x.author}`), ["insert:\n补充一段。:张核稿"]);
});

test("the CLI imports a reviewed file as a user and ends with the counts; one who may not suggest is refused and nothing is stored", async () => {
  await proposeChanges(t.db, reviewer, { sectionId: ids[1], baseVersion: (await t.db.section.findUniqueOrThrow({ where: { id: ids[1] } })).version, content: paras("依法办理行政复议案件6件，全部维持。") });
  const out = await exportReport(t.db, reviewer, reportId, "docx", undefined, { marks: true });
  assert.ok("file" in out);
  await decideAll(t.db, drafter, { reportId, action: "rejectAll" });
  const file = join(mkdtempSync(join(tmpdir(), "rs-review-")), "reviewed.docx");
  writeFileSync(file, out.file.body);
  const drafter2 = await actorFor(t.db, "drafter2");
  await assert.rejects(() => importReview(t.db, drafter2, reportId, out.file.body), (e: unknown) => e instanceof AppError && e.status === 403);
  assert.deepEqual(await pendingKey(), []);
  const lines: string[] = [];
  const code = await runCli(["review", "import", reportId, file, "--by", "approver"], t.db, { out: (l) => lines.push(l) });
  assert.equal(code, 0, lines.join("\n"));
  assert.match(lines.at(-1)!, /^suggestions 2, comments \d+, unplaced 0$/);
  assert.equal((await pendingKey()).length, 2);
});

test("a reviewed file's text passes the text rule: a revision with a bidi control is refused by name, nothing stored", async () => {
  const JSZip = (await import("jszip")).default;
  const s1 = await t.db.section.findUniqueOrThrow({ where: { id: ids[1] } });
  await proposeChanges(t.db, reviewer, { sectionId: ids[1], baseVersion: s1.version, content: paras(`${await sectionText(ids[1])}另加。`) });
  const out = await exportReport(t.db, reviewer, reportId, "docx", undefined, { marks: true });
  assert.ok("file" in out);
  await decideAll(t.db, drafter, { reportId, action: "rejectAll" });
  const zip = await JSZip.loadAsync(out.file.body);
  const xml = await zip.file("word/document.xml")!.async("string");
  assert.ok(xml.includes("另加。"));
  zip.file("word/document.xml", xml.replace("另加。", "另\u202E加。"));
  const hostile = await zip.generateAsync({ type: "nodebuffer" });
  const err = await previewReviewImport(t.db, approver, reportId, hostile).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof AppError, String(err));
  assert.equal(err.code, "text.bidiControl");
  await assert.rejects(() => importReview(t.db, approver, reportId, hostile));
  assert.deepEqual(await pendingKey(), []);
});
