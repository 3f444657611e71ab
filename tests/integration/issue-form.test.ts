import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshDb, actorFor, type TestDb } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { exportReport } from "../../lib/export/service";
import { recordAudit } from "../../lib/audit/record";

let t: TestDb;
let demo: string;
before(async () => {
  t = await freshDb();
  demo = (await seedDemo(t.db, "a-demo-password")).reportId;
});
after(async () => t.close());

/** A step as the workflow records it: by this user, on this report, with this opinion. */
async function step(username: string, action: string, opinion?: string) {
  const actor = await actorFor(t.db, username);
  await recordAudit(t.db, { actorId: actor.userId, actorName: actor.username, action, objectType: "report", objectId: demo, officeId: (await t.db.report.findUniqueOrThrow({ where: { id: demo } })).officeId, detail: opinion ? { opinion } : {} });
  return (await t.db.user.findUniqueOrThrow({ where: { id: actor.userId } })).displayName;
}

async function formText(username: string): Promise<{ text: string; file: string; fileName: string }> {
  const outcome = await exportReport(t.db, await actorFor(t.db, username), demo, "form");
  assert.ok("file" in outcome);
  assert.equal(outcome.file.contentType, "application/pdf");
  const file = join(mkdtempSync(join(tmpdir(), "rs-form-")), "form.pdf");
  writeFileSync(file, outcome.file.body);
  return { text: execFileSync("pdftotext", ["-enc", "UTF-8", "-raw", file, "-"]).toString(), file, fileName: outcome.file.fileName };
}

test("the 发文稿纸 prints as far as the report has gone, then holds each step's person and opinion in order", async () => {
  const before = await formText("district");
  assert.match(before.text, /宝大府〔2023〕8号/);
  assert.match(before.text, /发文稿纸/);
  assert.doesNotMatch(before.text, /同意印发/);
  const drafter = await step("reviewer", "report.submitForCheck");
  const checker = await step("reviewer", "report.checkPass", "文字、格式已核，同意报签。");
  const signer = await step("approver", "report.signOff", "同意印发。");
  const { text, fileName } = await formText("district");
  assert.equal(fileName, "发文稿纸-宝大府〔2023〕8号上海市宝山区大场镇人民政府关于宝山区大场镇2022年法治政府建设的情况报告.pdf");
  const flat = text.replace(/\s+/g, "");
  assert.ok(flat.includes("法治政府建设的情况报告"), flat);
  const at = (s: string, from = 0) => flat.indexOf(s.replace(/\s+/g, ""), from);
  const draftAt = at("拟　　稿");
  const checkAt = at("文字、格式已核，同意报签。");
  const signAt = at("同意印发。");
  assert.ok(draftAt >= 0 && checkAt > draftAt && signAt > checkAt, flat);
  assert.ok(at(drafter, draftAt) > draftAt && at(checker, checkAt) > checkAt && at(signer, signAt) > signAt, flat);
  assert.ok(await t.db.auditEvent.findFirst({ where: { action: "report.export", objectId: demo, detail: { contains: '"form"' } } }));
});
