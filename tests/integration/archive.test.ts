import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { freshDb, actorFor, createReportFor, type TestDb } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { exportArchive } from "../../lib/archive/archive";
import { MANIFEST, type Manifest } from "../../lib/archive/pack";
import { runCli, CliError } from "../../lib/cli/commands";
import { translate, type MessageKey, type Params } from "../../lib/core/i18n/messages";
import { AppError } from "../../lib/core/errors";

let t: TestDb;
let demo: string;
const words = { locale: "zh" as const, t: (key: MessageKey, params?: Params) => translate("zh", key, params) };
const dir = mkdtempSync(join(tmpdir(), "rs-archive-"));

before(async () => {
  t = await freshDb();
  demo = (await seedDemo(t.db, "a-demo-password")).reportId;
});
after(async () => t.close());

/** `archive verify` on a zip: its lines, or the CliError's message. */
async function verify(name: string, zip: Uint8Array): Promise<{ ok: boolean; text: string }> {
  const file = join(dir, name);
  writeFileSync(file, zip);
  const lines: string[] = [];
  try {
    await runCli(["archive", "verify", file], t.db, { out: (l) => lines.push(l) });
    return { ok: true, text: lines.join("\n") };
  } catch (err) {
    assert.ok(err instanceof CliError, String(err));
    return { ok: false, text: err.message };
  }
}

test("the issued report's 归档包: the PDF, OFD, DOCX, 发文稿纸 and 签发单 with a manifest; verify passes, then fails on a changed byte, a missing and an extra file", async () => {
  const admin = await actorFor(t.db, "admin");
  const outcome = await exportArchive(t.db, admin, demo, words);
  assert.ok("file" in outcome, JSON.stringify(outcome));
  assert.equal(outcome.file.contentType, "application/zip");
  assert.match(outcome.file.fileName, /^宝大府〔2023〕8号.*-归档包\.zip$/);
  const entries = unzipSync(outcome.file.body);
  const manifest = JSON.parse(Buffer.from(entries[MANIFEST]).toString("utf8")) as Manifest;
  const report = await t.db.report.findUniqueOrThrow({ where: { id: demo } });
  assert.equal(manifest.contentHash, report.contentHash);
  assert.equal(manifest.docNumber, "宝大府〔2023〕8号");
  assert.equal(manifest.title, report.title);
  assert.match(manifest.madeAt, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  assert.deepEqual(manifest.files.map((f) => f.name.slice(f.name.lastIndexOf("."))), [".pdf", ".ofd", ".docx", ".pdf", ".csv"]);
  assert.ok(manifest.files[3].name.startsWith("发文稿纸-"), manifest.files[3].name);
  const pdf = manifest.files[0].name;
  assert.equal(Buffer.from(entries[pdf]).subarray(0, 5).toString(), "%PDF-");
  assert.match(Buffer.from(entries[manifest.files[4].name]).toString("utf8"), /宝大府〔2023〕8号/);

  const intact = await verify("intact.zip", outcome.file.body);
  assert.ok(intact.ok, intact.text);
  assert.match(intact.text, /归档包完好/);

  const flipped = { ...entries, [pdf]: Uint8Array.from(entries[pdf]) };
  flipped[pdf][200] ^= 1;
  const changed = await verify("changed.zip", zipSync(flipped));
  assert.equal(changed.ok, false);
  assert.ok(changed.text.includes(pdf), changed.text);
  assert.ok(!changed.text.includes(manifest.files[1].name), "only the changed file is named");

  const withoutDocx = Object.fromEntries(Object.entries(entries).filter(([name]) => name !== manifest.files[2].name));
  const missing = await verify("missing.zip", zipSync(withoutDocx));
  assert.ok(!missing.ok && missing.text.includes(manifest.files[2].name) && /缺失/.test(missing.text), missing.text);

  const extra = await verify("extra.zip", zipSync({ ...entries, "说明.txt": new TextEncoder().encode("x") }));
  assert.ok(!extra.ok && extra.text.includes("说明.txt"), extra.text);

  // A manifest edited to match a changed file is caught by manifest.sha256.
  const forged = JSON.stringify({ ...manifest, title: manifest.title + "（修改）" });
  const edited = await verify("edited.zip", zipSync({ ...entries, [MANIFEST]: new TextEncoder().encode(forged) }));
  assert.ok(!edited.ok && edited.text.includes(MANIFEST), edited.text);
});

test("a draft has no 归档包: refused with its catalogued code", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const { id } = await createReportFor(t.db, drafter, { source: "template", year: 2032, themes: [], includeOther: false });
  await assert.rejects(() => exportArchive(t.db, drafter, id, words), (e: unknown) => e instanceof AppError && e.code === "export.archiveNotIssued" && e.status === 409);
});
