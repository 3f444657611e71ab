// Every refusal has a stable code, and says its words in the reader's language: the
// boundary (lib/http/action.ts, lib/http/route.ts) asks each error for them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDb, actorFor, type TestDb, paras, createReportFor } from "./helpers";
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

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    return err;
  }
  throw new Error("not refused");
}

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
