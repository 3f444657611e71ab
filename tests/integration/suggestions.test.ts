// 修订: a reviewer's edits become suggestions; the owner accepts (a save, with its revision
// and audit entries) or rejects each; pending ones block a pass; stale ones are never applied.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, actorFor, type TestDb, paras, createReportFor, textOf, refusal } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { saveSection, restoreRevision } from "../../lib/sections/save";
import { transitionSection } from "../../lib/workflow/service";
import { proposeChanges } from "../../lib/suggestions/propose";
import { decideAll, decideSuggestion } from "../../lib/suggestions/decide";
import { reportSuggestions } from "../../lib/suggestions/queries";
import { toFailure } from "../../lib/http/action";
import { asParagraphs } from "../../lib/core/text/paragraphs";
import type { Actor } from "../../lib/core/policy/actor";

let t: TestDb;
let reportId: string;
let drafter: Actor;
let reviewer: Actor;
before(async () => {
  t = await freshDb();
  await seedDemo(t.db, "a-demo-password");
  drafter = await actorFor(t.db, "drafter");
  reviewer = await actorFor(t.db, "reviewer");
  reportId = (await createReportFor(t.db, drafter, { source: "template", year: 2031, themes: [], includeOther: false })).id;
});
after(() => t.close());

let sectionNo = 0;
/** A heading section of the drafter's with `text` saved; its id and version. */
async function sectionWith(text: string) {
  const s = (await t.db.section.findMany({ where: { reportId, kind: "heading", ownerId: drafter.userId }, orderBy: [{ parentId: "asc" }, { position: "asc" }] }))[sectionNo++];
  const saved = await saveSection(t.db, drafter, s.id, { baseVersion: s.version, content: paras(text) });
  return { id: s.id, version: saved.version };
}
const current = async (id: string) => {
  const s = await t.db.section.findUniqueOrThrow({ where: { id } });
  return { text: textOf(asParagraphs(s.content)), version: s.version, status: s.status };
};

test("a reviewer's edit becomes suggestions; the owner accepts one and rejects another; the text, versions, history and record say so", async () => {
  const s = await sectionWith("全年召开党委会4次，专题学法2次。\n依法行政水平不断提升。");
  const proposed = await proposeChanges(t.db, reviewer, { sectionId: s.id, baseVersion: s.version, content: paras("全年召开党委会5次，专题学法2次。") });
  assert.equal(proposed.changed, true);
  const kinds = proposed.suggestions.map((x) => `${x.kind}:${x.text}`);
  assert.deepEqual(kinds, ["delete:4", "insert:5", "delete:\n依法行政水平不断提升。"]);
  assert.ok(proposed.suggestions.every((x) => x.author === "张核稿" && !x.stale));
  // The same proposal again changes nothing and keeps the ids.
  const again = await proposeChanges(t.db, reviewer, { sectionId: s.id, baseVersion: s.version, content: paras("全年召开党委会5次，专题学法2次。") });
  assert.equal(again.changed, false);
  assert.deepEqual(again.suggestions.map((x) => x.id), proposed.suggestions.map((x) => x.id));
  // The section's text did not change.
  assert.deepEqual(await current(s.id), { text: "全年召开党委会4次，专题学法2次。\n依法行政水平不断提升。", version: s.version, status: "drafting" });

  // The owner writes elsewhere meanwhile: the suggestions follow their words.
  await saveSection(t.db, drafter, s.id, { baseVersion: s.version, content: paras("全年召开党委会4次，专题学法2次。\n依法行政水平不断提升。\n新增一段。") });
  const listed = await reportSuggestions(t.db, drafter, reportId);
  assert.equal(listed.filter((x) => x.sectionId === s.id && !x.stale).length, 3);

  // Pending suggestions block a pass.
  await transitionSection(t.db, drafter, { sectionId: s.id, action: "submit" });
  const blocked = await refusal(() => transitionSection(t.db, reviewer, { sectionId: s.id, action: "pass" }));
  assert.equal(toFailure(blocked, "zh").code, "refusal.pendingSuggestions");
  assert.match(toFailure(blocked, "en").error, /3 suggested changes/);

  const [del4, ins5, delSentence] = proposed.suggestions;
  const before = (await current(s.id)).version;
  await decideSuggestion(t.db, drafter, { suggestionId: del4.id, action: "accept" });
  await decideSuggestion(t.db, drafter, { suggestionId: ins5.id, action: "accept" });
  await decideSuggestion(t.db, drafter, { suggestionId: delSentence.id, action: "reject" });
  const after = await current(s.id);
  assert.equal(after.text, "全年召开党委会5次，专题学法2次。\n依法行政水平不断提升。\n新增一段。");
  assert.equal(after.version, before + 2);
  const revisions = await t.db.sectionRevision.findMany({ where: { sectionId: s.id, version: { gt: before } }, orderBy: { version: "asc" } });
  assert.deepEqual(revisions.map((r) => [r.note, r.authorId]), [["接受 张核稿 的修订", drafter.userId], ["接受 张核稿 的修订", drafter.userId]]);
  const audit = await t.db.auditEvent.findMany({ where: { action: { in: ["suggestion.accept", "suggestion.reject"] }, objectId: { in: [del4.id, ins5.id, delSentence.id] } }, orderBy: { seq: "asc" } });
  assert.deepEqual(audit.map((a) => [a.action, a.actorId, JSON.parse(String(a.detail)).suggestedBy]), [
    ["suggestion.accept", drafter.userId, "张核稿"],
    ["suggestion.accept", drafter.userId, "张核稿"],
    ["suggestion.reject", drafter.userId, "张核稿"],
  ]);
  // Decided: no longer pending, and a decided one cannot be decided again.
  assert.equal((await reportSuggestions(t.db, drafter, reportId)).filter((x) => x.sectionId === s.id).length, 0);
  assert.equal(toFailure(await refusal(() => decideSuggestion(t.db, drafter, { suggestionId: del4.id, action: "reject" })), "zh").code, "refusal.suggestionDecided");
  // Now the reviewer may pass it: the owner made the last change.
  await transitionSection(t.db, reviewer, { sectionId: s.id, action: "pass" });
  assert.equal((await current(s.id)).status, "passed");
});

test("a suggestion whose words are gone is stale: listed as such, refused alone, left pending by accept-all", async () => {
  const s = await sectionWith("一是加强组织领导。二是完善制度建设。三是严格执法。");
  const { suggestions } = await proposeChanges(t.db, reviewer, { sectionId: s.id, baseVersion: s.version, content: paras("一是加强组织领导。三是严格执法，做到公正文明。") });
  assert.equal(suggestions.length, 2);
  await saveSection(t.db, drafter, s.id, { baseVersion: s.version, content: paras("一是加强组织领导。二是健全制度。三是严格执法。") });
  const listed = (await reportSuggestions(t.db, drafter, reportId)).filter((x) => x.sectionId === s.id);
  assert.deepEqual(listed.map((x) => [x.kind, x.stale]), [["insert", false], ["delete", true]]);
  const staleOne = listed.find((x) => x.stale)!;
  const err = await refusal(() => decideSuggestion(t.db, drafter, { suggestionId: staleOne.id, action: "accept" }));
  assert.equal(toFailure(err, "zh").code, "suggestion.stale");
  assert.equal(toFailure(err, "zh").status, 409);
  const result = await decideAll(t.db, drafter, { reportId, action: "acceptAll", sectionId: s.id });
  assert.deepEqual(result, { accepted: 1, rejected: 0, stale: 1, skippedSections: 0 });
  assert.equal((await current(s.id)).text, "一是加强组织领导。二是健全制度。三是严格执法，做到公正文明。");
  // The stale one is still there to be rejected.
  assert.deepEqual((await decideAll(t.db, drafter, { reportId, action: "rejectAll", author: "张核稿" })).rejected, 1);
});

test("who may suggest and decide: a drafter who does not own the section may neither; each refusal is audited", async () => {
  const s = await sectionWith("第一段。");
  const drafter2 = await actorFor(t.db, "drafter2");
  const other = await actorFor(t.db, "other");
  const denied = () => t.db.auditEvent.count({ where: { action: "permission.denied" } });
  const n = await denied();
  assert.equal((await refusal(() => proposeChanges(t.db, drafter2, { sectionId: s.id, baseVersion: s.version, content: paras("第一段，改。") }))).status, 403);
  assert.equal((await refusal(() => proposeChanges(t.db, other, { sectionId: s.id, baseVersion: s.version, content: paras("第一段，改。") }))).status, 404);
  const { suggestions } = await proposeChanges(t.db, reviewer, { sectionId: s.id, baseVersion: s.version, content: paras("第一段，改。") });
  assert.equal((await refusal(() => decideSuggestion(t.db, drafter2, { suggestionId: suggestions[0].id, action: "accept" }))).status, 403);
  assert.equal(await denied(), n + 2);
  // The owner may suggest on their own section too, by choice.
  const own = await proposeChanges(t.db, drafter, { sectionId: s.id, baseVersion: s.version, content: paras("第一段，改。\n补充一段。") });
  assert.ok(own.suggestions.some((x) => x.author === "李起草"));
  // The reviewer withdraws theirs by proposing the text as it was.
  const withdrawn = await proposeChanges(t.db, reviewer, { sectionId: s.id, baseVersion: s.version, content: paras("第一段。") });
  assert.ok(withdrawn.suggestions.every((x) => x.author === "李起草"));
});

test("suggestions survive a restore and a conflicting save; two people accepting the same one: exactly one wins", async () => {
  const s = await sectionWith("原文第一句。原文第二句。");
  const { suggestions } = await proposeChanges(t.db, reviewer, { sectionId: s.id, baseVersion: s.version, content: paras("原文第一句。修改后的第二句。") });
  const v2 = await saveSection(t.db, drafter, s.id, { baseVersion: s.version, content: paras("原文第一句。原文第二句。另加一句。") });
  const revision = await t.db.sectionRevision.findFirstOrThrow({ where: { sectionId: s.id, version: s.version } });
  await restoreRevision(t.db, drafter, { sectionId: s.id, revisionId: revision.id, baseVersion: v2.version });
  const stale409 = await refusal(() => saveSection(t.db, drafter, s.id, { baseVersion: s.version, content: paras("过时的保存。") }));
  assert.equal(stale409.status, 409);
  const listed = (await reportSuggestions(t.db, drafter, reportId)).filter((x) => x.sectionId === s.id);
  assert.deepEqual(listed.map((x) => x.id).sort(), suggestions.map((x) => x.id).sort());
  assert.ok(listed.every((x) => !x.stale));
  const second = t.second();
  const results = await Promise.allSettled([
    decideAll(t.db, drafter, { reportId, action: "acceptAll", sectionId: s.id }),
    decideAll(second, reviewer, { reportId, action: "acceptAll", sectionId: s.id }),
  ]);
  const won = results.filter((r) => r.status === "fulfilled" && (r.value as { accepted: number }).accepted > 0).length;
  const text = (await current(s.id)).text;
  assert.equal(text, "原文第一句。修改后的第二句。");
  assert.ok(won >= 1);
  const accepted = await t.db.auditEvent.count({ where: { action: "suggestion.accept", objectId: { in: suggestions.map((x) => x.id) } } });
  assert.equal(accepted, suggestions.length, "each suggestion accepted once");
});

test("a proposal of more changes than a section may hold pending is refused before anything is stored", async () => {
  const sentences = Array.from({ length: 320 }, (_, i) => `第${i}项工作已完成。`).join("");
  const other = (await createReportFor(t.db, drafter, { source: "template", year: 2032, themes: [], includeOther: false })).id;
  const row = await t.db.section.findFirstOrThrow({ where: { reportId: other, kind: "heading", ownerId: drafter.userId } });
  const s = { id: row.id, version: (await saveSection(t.db, drafter, row.id, { baseVersion: row.version, content: paras(sentences) })).version };
  const changed = Array.from({ length: 320 }, (_, i) => `第${i}项工作已经完成。`).join("");
  const err = await refusal(() => proposeChanges(t.db, reviewer, { sectionId: s.id, baseVersion: s.version, content: paras(changed) }));
  assert.equal(toFailure(err, "zh").code, "suggestion.tooMany");
  assert.equal(err.status, 413);
  assert.equal(await t.db.suggestion.count({ where: { sectionId: s.id } }), 0);
});
