// Every refusal has a stable code, and says its words in the reader's language: the
// boundary (lib/http/action.ts, lib/http/route.ts) asks each error for them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, actorFor, type TestDb, paras, createReportFor, refusal } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { saveSection } from "../../lib/sections/save";
import { transitionReport } from "../../lib/workflow/service";
import { updateReportMetadata } from "../../lib/reports/metadata";
import { loadVisibleReport } from "../../lib/policy/visibility";
import { toFailure } from "../../lib/http/action";
import { AppError, SAVE_CONFLICT } from "../../lib/core/errors";

let t: TestDb;
let reportId: string;
let draftId: string;
before(async () => {
  t = await freshDb();
  await seedDemo(t.db, "a-demo-password");
  reportId = (await t.db.report.findFirstOrThrow({ where: { office: { code: "dachang" } } })).id;
  draftId = (await createReportFor(t.db, await actorFor(t.db, "drafter"), { source: "template", year: 2031, themes: [], includeOther: false })).id;
});
after(() => t.close());

const HAN = /[\u3400-\u9fff]/u;


test("six kinds of refusal each have a code and say it in English to an English reader, in Chinese to a Chinese one", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const other = await actorFor(t.db, "other");
  const approver = await actorFor(t.db, "approver");
  const admin = await actorFor(t.db, "admin");
  const section = await t.db.section.findFirstOrThrow({ where: { reportId: draftId, kind: "intro" } });
  const frozen = await t.db.section.findFirstOrThrow({ where: { reportId, ownerId: drafter.userId } });
  const refusals = {
    "policy (403)": await refusal(() => transitionReport(t.db, drafter, { reportId, action: "submitForCheck" })),
    "state (409)": await refusal(() => transitionReport(t.db, approver, { reportId, action: "signOff", opinion: "同意。" })),
    "not found (404)": await refusal(() => loadVisibleReport(t.db, other, reportId)),
    "validation (400)": await refusal(() => updateReportMetadata(t.db, admin, { reportId, copies: "abc" } as never)),
    "text rule (400)": await refusal(() => saveSection(t.db, drafter, section.id, { baseVersion: section.version, content: paras("坏\u0008字") })),
    "frozen (409)": await refusal(() => saveSection(t.db, drafter, frozen.id, { baseVersion: frozen.version, content: paras("改。") })),
  };
  for (const [what, err] of Object.entries(refusals)) {
    const en = toFailure(err, "en");
    const zh = toFailure(err, "zh");
    assert.ok(en.code && en.code === zh.code, `${what}: one code (${en.code})`);
    if (what === "text rule (400)") assert.ok(/U\+0008/.test(zh.error) && en.code === "text.control", `${en.code}: ${zh.error}`);
    assert.ok(!HAN.test(en.error) && !HAN.test(Object.values(en.fieldErrors ?? {}).join()), `${what} in English: ${en.error}`);
    assert.ok(HAN.test(zh.error), `${what} in Chinese: ${zh.error}`);
    assert.equal(en.status, zh.status);
  }
});

test("a save's version conflict is told by its code, in the reader's language", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const mine = await t.db.section.findFirstOrThrow({ where: { reportId: draftId, kind: "intro" } });
  await saveSection(t.db, drafter, mine.id, { baseVersion: mine.version, content: paras("第一次。") });
  const err = await refusal(() => saveSection(t.db, drafter, mine.id, { baseVersion: mine.version, content: paras("第二次。") }));
  assert.equal(err.code, SAVE_CONFLICT);
  assert.ok(!HAN.test(toFailure(err, "en").error));
});

test("a thing not visible is answered exactly as a thing that is not there: the same code and words", async () => {
  const { addComment } = await import("../../lib/comments/service");
  const drafter = await actorFor(t.db, "drafter");
  const other = await actorFor(t.db, "other");
  const section = await t.db.section.findFirstOrThrow({ where: { reportId: draftId, kind: "intro" } });
  const hidden = await refusal(() => addComment(t.db, other, { sectionId: section.id, body: "看得到吗？" }));
  const absent = await refusal(() => addComment(t.db, drafter, { sectionId: "no-such-section", body: "有吗？" }));
  for (const locale of ["zh", "en"] as const) assert.deepEqual(toFailure(hidden, locale), toFailure(absent, locale));
  assert.equal(hidden.code, "error.notFound");
});

test("the services' own refusals have their catalogue key as their code, and its words in either language", async () => {
  const { addSection } = await import("../../lib/sections/tree");
  const { previewText } = await import("../../lib/import/preview");
  const { resetPassword, setActive } = await import("../../lib/users/service");
  const { districtOverview } = await import("../../lib/district/overview");
  const reviewer = await actorFor(t.db, "reviewer");
  const admin = await actorFor(t.db, "admin");
  // Four levels deep under a heading of the draft; a fifth is refused.
  let parentId = (await t.db.section.findFirstOrThrow({ where: { reportId: draftId, kind: "heading", parentId: null } })).id;
  for (let level = 2; level <= 4; level++) parentId = (await addSection(t.db, reviewer, { reportId: draftId, parentId, heading: `第${level}级` })).id;
  const drafter2 = await t.db.user.findUniqueOrThrow({ where: { username: "drafter2" } });
  const cases: [string, AppError, { status: number; zh: string; en: string; fields?: Record<string, [string, string]> }][] = [
    ["section.tooDeep", await refusal(() => addSection(t.db, reviewer, { reportId: draftId, parentId, heading: "第5级" })),
      { status: 409, zh: "章节最多 4 级（一、（一）1.（1））。", en: "Sections go at most 4 levels deep." }],
    ["user.selfDeactivate", await refusal(() => setActive(t.db, admin, { userId: admin.userId, active: false })),
      { status: 409, zh: "不能停用自己的账户。", en: "You cannot deactivate your own account." }],
    ["report.tooManySections", await refusal(async () => previewText(Array.from({ length: 501 }, (_, i) => `${i + 1}．第${i + 1}节`).join("\n"))),
      { status: 413, zh: "一份报告最多 500 个章节，导入后将有 501 个，未保存。", en: "A report has at most 500 sections; this import would make 501. Nothing was saved." }],
    ["password.hasUsername", await refusal(() => resetPassword(t.db, admin, { userId: drafter2.id, password: "drafter2-likes-long-words" })),
      { status: 400, zh: "密码不能包含用户名。", en: "The password cannot contain the username.", fields: { password: ["密码不能包含用户名。", "The password cannot contain the username."] } }],
    ["refusal.notDistrict", await refusal(() => districtOverview(t.db, admin, 2022)),
      { status: 403, zh: "只有区级单位的管理员和查阅人员可以查看和督办所辖各镇的报告。", en: "Only the administrators and readers of a district office may view and follow up the reports of its towns." }],
  ];
  for (const [code, err, want] of cases) {
    const [zh, en] = [toFailure(err, "zh"), toFailure(err, "en")];
    assert.equal(err.code, code);
    assert.deepEqual([zh.code, zh.status, zh.error], [code, want.status, want.zh], code);
    assert.deepEqual([en.code, en.status, en.error], [code, want.status, want.en], code);
    assert.deepEqual([zh.fieldErrors, en.fieldErrors], want.fields ? [0, 1].map((i) => Object.fromEntries(Object.entries(want.fields!).map(([f, w]) => [f, w[i]]))) : [undefined, undefined], code);
  }
});

test("an invalid input's field message is said in the reader's language too: 主送机关 before 签发", async () => {
  const approver = await actorFor(t.db, "approver");
  const r = await createReportFor(t.db, await actorFor(t.db, "drafter"), { source: "template", year: 2033, themes: [], includeOther: false });
  // As when every section has passed and 核稿 is done.
  await t.db.section.updateMany({ where: { reportId: r.id }, data: { status: "passed" } });
  await t.db.report.update({ where: { id: r.id }, data: { status: "awaiting_signoff" } });
  const err = await refusal(() => transitionReport(t.db, approver, { reportId: r.id, action: "signOff", opinion: "同意。", partsReason: "只有标题的报告。" }));
  assert.deepEqual(toFailure(err, "zh"), {
    ok: false, status: 400, code: "workflow.addresseeRequired",
    error: "报送上级的报告是上行文，须有主送机关：请在签发前填写主送机关（如：区政府）。", fieldErrors: { addressee: "请填写主送机关。" },
  });
  assert.deepEqual(toFailure(err, "en"), {
    ok: false, status: 400, code: "workflow.addresseeRequired",
    error: "A report sent to the office above needs an addressee: fill it in (e.g. the district government) before signing.", fieldErrors: { addressee: "Fill in the addressee." },
  });
});
