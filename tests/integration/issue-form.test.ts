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
import { markOf } from "../../lib/marks/step-marks";
import { roundInk } from "../../lib/core/workflow/ink";
import { issueFormInput } from "../../lib/export/issue-form-source";
import { issueFormLayout } from "../../lib/core/export/issue-form";

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
  return recordAudit(t.db, { actorId: actor.userId, actorName: actor.username, action, objectType: "report", objectId: demo, officeId: (await t.db.report.findUniqueOrThrow({ where: { id: demo } })).officeId, detail: opinion ? { opinion } : {} });
}
const displayName = async (username: string) => (await t.db.user.findUniqueOrThrow({ where: { username } })).displayName;

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
  await step("reviewer", "report.submitForCheck");
  await step("reviewer", "report.checkPass", "文字、格式已核，同意报签。");
  await step("approver", "report.signOff", "同意印发。");
  const [drafter, checker, signer] = [await displayName("reviewer"), await displayName("reviewer"), await displayName("approver")];
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

/** Dark pixels of page 1 at 72 dpi (1 px = 1 pt) inside a box, read from pdftoppm's greyscale PGM. */
function darkPixels(pdf: string, box: { x: number; y: number; w: number; h: number }): number {
  const pgm = execFileSync("pdftoppm", ["-r", "72", "-gray", "-f", "1", "-l", "1", pdf]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString("latin1"))!;
  const width = Number(header[1]);
  const data = pgm.subarray(header[0].length);
  let n = 0;
  for (let y = Math.ceil(box.y + 2); y < box.y + box.h - 2; y++) for (let x = Math.ceil(box.x + 2); x < box.x + box.w - 2; x++) if (data[y * width + x] < 100) n++;
  return n;
}

test("the signer's handwriting is drawn in the 签发 cell, where it was captured", async () => {
  const seq = await step("approver", "report.signOff", "同意。");
  const cell = issueFormLayout(await issueFormInput(t.db, demo)).cells.at(-1)!;
  const without = darkPixels((await formText("district")).file, cell);
  // A zigzag across the pad: strokes, as the dialog sends them.
  const ink = [Array.from({ length: 40 }, (_, i) => [i / 39, i % 2 ? 0.2 : 0.8, 0.7] as [number, number, number]), [[0.1, 0.5, 0.5], [0.9, 0.5, 0.5]] as [number, number, number][]];
  await t.db.stepMark.create({ data: { seq, reportId: demo, strokes: markOf(ink).strokes } });
  const form = issueFormLayout(await issueFormInput(t.db, demo));
  assert.deepEqual(form.cells.at(-1)!.ink, roundInk(ink));
  const { file } = await formText("district");
  const withInk = darkPixels(file, cell);
  assert.ok(withInk > without + 500, `dark pixels in the 签发 cell: ${without} without the mark, ${withInk} with it`);
  // Only there: the 核稿 cell, which has no mark, is as it was.
  const check = form.cells.find((c) => c.kind === "value" && c.y === form.cells.find((l) => l.text === "核　　稿")!.y)!;
  assert.equal(check.ink, undefined);
});
