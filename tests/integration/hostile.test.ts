// Hostile input: thousands of generated bodies for the section save and the import
// (fixed seed), malicious Word files, and the list of every server action and route
// handler read from the code, so that a new one cannot be forgotten.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import JSZip from "jszip";
import { freshDb, actorFor, type TestDb, paras } from "./helpers";
import { seedDemo } from "../../lib/db/seed";
import { createReport } from "../../lib/reports/create";
import { saveSection } from "../../lib/sections/save";
import { AppError } from "../../lib/errors";
import { readJson } from "../../lib/http/body";
import { previewText, textOfUpload } from "../../lib/import/preview";
import { ACTIONS, ROUTES } from "../surface";

let t: TestDb;
let sectionId: string;
before(async () => {
  t = await freshDb();
  const { reportId } = await seedDemo(t.db, "a-demo-password");
  const drafter = await actorFor(t.db, "drafter");
  const { id } = await createReport(t.db, drafter, { source: "lastYear", year: 2023, sourceReportId: reportId });
  sectionId = (await t.db.section.findFirstOrThrow({ where: { reportId: id, kind: "intro" } })).id;
  await saveSection(t.db, drafter, sectionId, { baseVersion: 1, content: paras("原有正文。") });
});
after(async () => t.close());

// A small seeded generator (mulberry32): the same thousands of inputs every run.
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261129);
const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const strings = () =>
  pick([
    "", "正文", "\u0000\u0001\u0002", "\uD800", "a".repeat(100_001), "字".repeat(100_001), "<script>alert(1)</script>", "' OR 1=1 --",
    "\u202Eevil", "😀".repeat(10), String(rand()), "{\"a\":1}", "\n\n\n",
  ]);
function value(depth = 0): unknown {
  const r = rand();
  if (depth > 2 || r < 0.3) return pick<unknown>([null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, NaN, Infinity, strings(), []]);
  if (r < 0.6) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < 1 + Math.floor(rand() * 4); i++) o[pick(["baseVersion", "content", "heading", "note", "__proto__", "constructor", "extra", "version"])] = value(depth + 1);
  return o;
}
function saveBody(): unknown {
  const r = rand();
  if (r < 0.5) return value();
  // Near-valid bodies with one thing wrong.
  const body: Record<string, unknown> = { baseVersion: 2, content: paras("合法正文") };
  const bad = pick(["baseVersion", "content", "heading", "extra", "note"]);
  body[bad] =
    bad === "extra" ? 1
    : bad === "content" ? pick<unknown>([null, 0, "正文", {}, [{}], [{ text: 1 }], [{ text: "x", level: 5 }], [{ text: "x", runIn: "yes" }], [{ text: "x".repeat(100_001) }], [{ text: "x", extra: 1 }]])
    : pick<unknown>([null, 0, -5, 2.5, 2 ** 40, [], {}, "x".repeat(100_001), 1e9 + 1]);
  if (bad === "baseVersion" && typeof body.baseVersion === "number" && Number.isInteger(body.baseVersion) && body.baseVersion > 0 && body.baseVersion <= 1e9) body.baseVersion = -1;
  return body;
}

test("3,000 generated section-save bodies: each is a 4xx with a message, and nothing changes", async () => {
  const drafter = await actorFor(t.db, "drafter");
  const before = await t.db.section.findUniqueOrThrow({ where: { id: sectionId } });
  const revisions = await t.db.sectionRevision.count();
  const statuses = new Map<number, number>();
  for (let i = 0; i < 3000; i++) {
    const body = saveBody();
    try {
      await saveSection(t.db, drafter, sectionId, body as never);
      assert.fail(`accepted: ${JSON.stringify(body)?.slice(0, 120)}`);
    } catch (err) {
      assert.ok(err instanceof AppError, `not a clean refusal for ${JSON.stringify(body)?.slice(0, 120)}: ${err}`);
      assert.ok(err.status >= 400 && err.status < 500, `status ${err.status}`);
      assert.match(err.message, /[\u4e00-\u9fff]/, "the message is Chinese");
      statuses.set(err.status, (statuses.get(err.status) ?? 0) + 1);
    }
  }
  const after = await t.db.section.findUniqueOrThrow({ where: { id: sectionId } });
  assert.deepEqual([after.version, after.content, after.heading], [before.version, before.content, before.heading]);
  assert.equal(await t.db.sectionRevision.count(), revisions);
  assert.ok((statuses.get(400) ?? 0) > 2000, JSON.stringify([...statuses]));
});

test("request bodies: invalid UTF-8, not JSON, and oversized are 400/413", async () => {
  const req = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://x/api", { method: "PUT", body, headers });
  const status = async (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => (e instanceof AppError ? e.status : 500));
  assert.equal(await status(readJson(req(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 1024)), 400);
  assert.equal(await status(readJson(req("{not json"), 1024)), 400);
  assert.equal(await status(readJson(req("x".repeat(2000)), 1024)), 413);
  assert.equal(await status(readJson(req("{}", { "content-length": "99999999" }), 1024)), 413);
  assert.equal(await status(readJson(req('{"a":1}'), 1024)), 200);
  for (let i = 0; i < 500; i++) {
    const bytes = new Uint8Array(Math.floor(rand() * 64)).map(() => Math.floor(rand() * 256));
    const s = await status(readJson(req(bytes), 1024));
    assert.ok(s === 400 || s === 200, `random bytes gave ${s}`);
  }
});

test("2,000 generated imports: text never crashes the importer; random files are refused with a message", async () => {
  for (let i = 0; i < 1000; i++) {
    const lines = Array.from({ length: Math.floor(rand() * 20) }, () =>
      pick(["一、", "（一）", "1.", "（1）", "第一部分 ", "宝大府[2023]08号", "2023年2月16日印发", "（共印9份）", "抄送：", "", "正文"]) + strings().slice(0, 50),
    );
    const preview = previewText(lines.join(pick(["\n", "\r\n", "\r"])) || "x");
    assert.ok(Array.isArray(preview.outline));
  }
  for (let i = 0; i < 1000; i++) {
    const bytes = Buffer.from(Array.from({ length: Math.floor(rand() * 256) }, () => Math.floor(rand() * 256)));
    if (i % 2) bytes.write("PK", 0, "latin1");
    const name = pick(["a.docx", "a.txt", "a.doc", "a.exe", "a"]);
    try {
      await textOfUpload(name, bytes);
      assert.ok(name.endsWith(".txt"), `accepted ${name}`);
    } catch (err) {
      assert.ok(err instanceof AppError && err.status === 400, `${name}: ${err}`);
    }
  }
});

async function docx(files: Record<string, string | Buffer>, compression: "DEFLATE" | "STORE" = "DEFLATE") {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>');
  for (const [k, v] of Object.entries(files)) zip.file(k, v);
  return zip.generateAsync({ type: "nodebuffer", compression });
}

test("malicious Word files: zip bomb, macros, external entities, huge images are refused or stripped, fast", async () => {
  const refuse = async (bytes: Buffer, message: RegExp) => {
    const t0 = Date.now();
    await assert.rejects(() => textOfUpload("x.docx", bytes), (e: unknown) => e instanceof AppError && e.status === 400 && message.test(e.message));
    assert.ok(Date.now() - t0 < 5000, "refused within 5 s");
  };
  // 200 MB of zeros packs into a few hundred kB.
  await refuse(await docx({ "word/media/bomb.bin": Buffer.alloc(200 * 1024 * 1024) }), /压缩炸弹/);
  await refuse(await docx({ "word/vbaProject.bin": Buffer.from("macro") }), /宏/);
  await refuse(
    await docx({ "word/document.xml": '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>' }),
    /外部实体/,
  );
  // A big image is never inflated; the text comes through, and the picture in the text is named.
  const withImage = await textOfUpload(
    "x.docx",
    await docx({
      "word/media/image1.png": Buffer.alloc(5 * 1024 * 1024, 1),
      "word/document.xml": '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文</w:t></w:r><w:r><w:drawing/></w:r></w:p></w:body></w:document>',
    }),
  );
  assert.equal(withImage.text, "正文");
  assert.ok(withImage.notes.some((n) => /图片/.test(n) && /第 1 段/.test(n)), withImage.notes.join("\n"));
});

// --- The attack surface, read from the code -------------------------------------

const root = process.cwd();
function files(dir: string, test: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, test) : test(p) ? [p] : [];
  });
}

test("every server action is in the table, and every non-public one runs behind runAction (or defineAction, which wraps it)", () => {
  const found: string[] = [];
  for (const f of files(join(root, "app/actions"), (p) => p.endsWith(".ts"))) {
    const src = readFileSync(f, "utf8");
    assert.match(src, /^"use server";/, `${f} is a server-action file`);
    const actions = [
      ...[...src.matchAll(/export async function (\w+)\s*\(([^)]*)\)\s*(?::[^{]+)?\{([\s\S]*?)\n\}/g)].map((m) => [m[1], m[3]]),
      ...[...src.matchAll(/export const (\w+) = (defineAction\(.*)/g)].map((m) => [m[1], m[2]]),
    ];
    for (const [name, body] of actions) {
      found.push(name);
      assert.ok(name in ACTIONS, `server action ${name} (${relative(root, f)}) has no entry in the table`);
      if (ACTIONS[name] === "session") assert.match(body, /^defineAction\((?![\s\S]*passwordChange)|runAction\(/, `${name} must go through runAction`);
      if (ACTIONS[name] === "password-change") assert.match(body, /(runAction|defineAction)\([\s\S]*passwordChange: true/, name);
    }
  }
  // defineAction itself runs every action behind runAction, with the schema parsed first.
  assert.match(readFileSync(join(root, "lib/http/action.ts"), "utf8"), /export function defineAction[\s\S]*?runAction\(\(ctx\) => run\(parseInput\(schema, input\), ctx\), options\)/);
  assert.deepEqual(found.sort(), Object.keys(ACTIONS).sort(), "the table lists exactly the actions in the code");
});

test("every route handler is in the table, and every non-public one goes through handleRoute", () => {
  const found: string[] = [];
  for (const f of files(join(root, "app"), (p) => p.endsWith("route.ts"))) {
    const path = "/" + relative(join(root, "app"), f).replace(/\/route\.ts$/, "").replace(/\(.*?\)\//g, "");
    const src = readFileSync(f, "utf8");
    const methods = [
      ...[...src.matchAll(/export (?:async )?function (GET|POST|PUT|DELETE|PATCH)\b/g)].map((m) => m[1]),
      ...[...src.matchAll(/export \{([^}]+)\}/g)].flatMap((m) => [...m[1].matchAll(/as (GET|POST|PUT|DELETE|PATCH)\b/g)].map((x) => x[1])),
    ];
    for (const method of methods) {
      const key = `${method} ${path}`;
      found.push(key);
      assert.ok(key in ROUTES, `route ${key} has no entry in the table`);
      if (ROUTES[key] === 401) assert.match(src, /handleRoute\(/, `${key} must go through handleRoute`);
    }
  }
  assert.deepEqual(found.sort(), Object.keys(ROUTES).sort());
});
