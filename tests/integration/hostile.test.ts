// Hostile input: thousands of generated bodies for the section save and the import
// (fixed seed), malicious Word files, and the list of every server action and route
// handler read from the code, so that a new one cannot be forgotten.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import JSZip from "jszip";
import { freshDb, actorFor, type TestDb, paras, createReportFor } from "./helpers";
import { seedDemo } from "../../lib/demo/seed";
import { saveSection } from "../../lib/sections/save";
import { AppError } from "../../lib/core/errors";
import { readJson } from "../../lib/http/body";
import { previewText, textOfUpload } from "../../lib/import/preview";
import { readDocx, type ReadCost } from "../../lib/import/docx/read";
import { UnsafeDocxError } from "../../lib/import/docx/unsafe";
import { ZIP_LIMITS } from "../../lib/import/docx/zip";
import { XML_LIMITS } from "../../lib/import/docx/xml";
import { ACTIONS, ROUTES } from "../surface";

let t: TestDb;
let sectionId: string;
let draftId: string;
before(async () => {
  t = await freshDb();
  const { reportId } = await seedDemo(t.db, "a-demo-password");
  const drafter = await actorFor(t.db, "drafter");
  const { id } = await createReportFor(t.db, drafter, { source: "lastYear", year: 2023, sourceReportId: reportId });
  draftId = id;
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
    try {
      const preview = previewText(lines.join(pick(["\n", "\r\n", "\r"])) || "x");
      assert.ok(Array.isArray(preview.outline));
    } catch (err) {
      // Text with half a character or a direction control is refused, saying where.
      assert.ok(err instanceof AppError && err.status === 400 && /第 \d+ 个字符/.test(err.message), String(err));
    }
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

/**
 * The importer's work on a refused file, counted (never timed: a clock measures the machine's load as much as the
 * importer): the file is refused with `message`, and reading it inflated no more than `inflatedAtMost` bytes.
 */
async function refusedWithin(bytes: Buffer, message: RegExp, inflatedAtMost: number): Promise<ReadCost> {
  await assert.rejects(() => textOfUpload("x.docx", bytes), (e: unknown) => e instanceof AppError && e.status === 400 && message.test(e.message));
  const cost = {} as ReadCost;
  await assert.rejects(() => readDocx(bytes, cost), UnsafeDocxError);
  assert.ok(cost.inflatedBytes <= inflatedAtMost, `inflated ${cost.inflatedBytes} bytes, at most ${inflatedAtMost} expected`);
  return cost;
}

test("malicious Word files: zip bomb, macros, external entities, huge images are refused or stripped, before inflating them", async () => {
  // 200 MB of zeros packs into a few hundred kB: refused from the directory, nothing inflated.
  await refusedWithin(await docx({ "word/media/bomb.bin": Buffer.alloc(200 * 1024 * 1024) }), /压缩炸弹/, 0);
  await refusedWithin(await docx({ "word/vbaProject.bin": Buffer.from("macro") }), /宏/, 0);
  const withDtd = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>';
  await refusedWithin(await docx({ "word/document.xml": withDtd }), /外部实体/, 4096);
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

// --- Bounded work ------------------------------------------------------------------

/** A zip of one deflated entry, built by hand so the directory can lie about its size. */
function zipOf(name: string, deflated: Buffer, declared: number): Buffer {
  const n = Buffer.from(name, "utf8");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18); local.writeUInt32LE(declared, 22); local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20); central.writeUInt32LE(declared, 24); central.writeUInt16LE(n.length, 28);
  const dirOffset = local.length + n.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12); end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, n, deflated, central, n, end]);
}

/** `total` bytes of XML-ish text, deflated as a stream (the bytes never exist at once). */
async function deflatedBomb(total: number): Promise<Buffer> {
  const { createDeflateRaw } = await import("node:zlib");
  const chunk = Buffer.alloc(16 * 1024 * 1024, "<w:t>a</w:t>");
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => z.on("end", resolve));
  for (let sent = 0; sent < total; sent += chunk.length) if (!z.write(chunk)) await new Promise((r) => z.once("drain", r));
  z.end();
  await done;
  return Buffer.concat(out);
}

// What the importer holds is what it inflated (each piece handed on and dropped) and the elements it keeps: both are
// counted and capped, so the memory bound is checked by those counts, not by sampling the process's memory (which
// the garbage collector and everything else in the process move).
const ONE_INFLATE_CHUNK = 64 * 1024;
test("the caps that bound the importer's memory add up to less than 100 MB of text and 100,000 elements", () => {
  assert.ok(ZIP_LIMITS.maxPartBytes <= ZIP_LIMITS.maxTotalBytes && ZIP_LIMITS.maxTotalBytes < 100 * 1024 * 1024);
  assert.ok(XML_LIMITS.maxHeldElements <= 100_000);
});

test("a zip bomb in the main part is refused, whatever its directory claims, inflating no more than the part's cap", async () => {
  const bomb = await deflatedBomb(1024 * 1024 * 1024); // 1 GB of text in a few MB
  assert.ok(bomb.length < 10 * 1024 * 1024, `${bomb.length} bytes`);
  // Honest (refused from the directory: nothing inflated), within the directory limit (cut at our cap while
  // inflating, or sooner by the parser), lying (cut by the size check).
  for (const [declared, inflatedAtMost] of [[1024 * 1024 * 1024 - 1, 0], [90 * 1024 * 1024, ZIP_LIMITS.maxPartBytes + ONE_INFLATE_CHUNK], [2000, 2000 + ONE_INFLATE_CHUNK]]) {
    const cost = await refusedWithin(zipOf("word/document.xml", bomb, declared), /压缩炸弹|损坏|格式错误/, inflatedAtMost);
    assert.ok(cost.mostHeld <= XML_LIMITS.maxHeldElements + 1, `declared ${declared}: ${cost.mostHeld} elements held`);
  }
});

test("a report of 10,000 sections or of too much text is refused, at preview and at saving, with the limit named", async () => {
  const { MAX_REPORT_SECTIONS, MAX_REPORT_CHARS } = await import("../../lib/sections/limits");
  const many = Array.from({ length: 10_000 }, (_, i) => `${i % 2 ? "（一）" : "一、"}第${i}节\n正文。`).join("\n");
  assert.throws(() => previewText(many), (e: unknown) => e instanceof AppError && e.status === 413 && new RegExp(`最多 ${MAX_REPORT_SECTIONS} 个章节`).test(e.message));
  const drafter = await actorFor(t.db, "drafter");
  const before = await t.db.report.count();
  await assert.rejects(() => createReportFor(t.db, drafter, { source: "import", year: 2040, text: many }), (e: unknown) => e instanceof AppError && e.status === 413);
  assert.equal(await t.db.report.count(), before, "nothing saved");
  // Text: five sections of 100,000 characters each is the limit; one more character is not.
  const big = (n: number) => "一、甲\n" + "字".repeat(n);
  assert.throws(() => previewText(Array.from({ length: 6 }, () => big(99_000)).join("\n")), (e: unknown) => e instanceof AppError && e.status === 413 && /正文最多/.test(e.message));
  assert.ok(MAX_REPORT_CHARS >= 500_000);
  // Far past the limit is refused before it is parsed (the message counts the file, not the parsed report).
  const huge = "正文。".repeat(3_400_000);
  assert.throws(() => previewText(huge), (e: unknown) => e instanceof AppError && e.status === 413 && /这个文件有 10,200,000 个/.test(e.message));
});

test("lone surrogates and direction controls are refused with a message that says where, never changed silently", async () => {
  const { saveSection } = await import("../../lib/sections/save");
  const { updateReportMetadata } = await import("../../lib/reports/metadata");
  const drafter = await actorFor(t.db, "drafter");
  const section = await t.db.section.findFirstOrThrow({ where: { reportId: draftId, ownerId: drafter.userId } });
  for (const bad of ["半个\uD800字", "标题\u202Eexe.txt", "看不见\u2066的隔离"]) {
    await assert.rejects(
      () => saveSection(t.db, drafter, section.id, { baseVersion: section.version, content: [{ text: bad }] }),
      (e: unknown) => e instanceof AppError && e.status === 400 && /第 \d+ 个字符/.test(e.message),
      JSON.stringify(bad),
    );
  }
  const admin = await actorFor(t.db, "admin");
  await assert.rejects(
    () => updateReportMetadata(t.db, admin, { reportId: draftId, title: "关于\u202E报告", addressee: "", copyTo: "", copies: null, dueDate: "2024-03-01" }),
    (e: unknown) => e instanceof AppError && /方向控制符/.test(e.message),
  );
  assert.throws(() => previewText("导入的\uDC00文字"), (e: unknown) => e instanceof AppError && /不完整的字符/.test(e.message));
  // A whole character outside the BMP (two surrogates together) is text like any other.
  const ok = await saveSection(t.db, drafter, section.id, { baseVersion: section.version, content: [{ text: "𠮷野家" }] });
  assert.equal(ok.version, section.version + 1);
});

test("saving a section keeps the report's text within the limit: exactly 500,000 characters is saved, one more is refused and nothing changes", async () => {
  const { saveSection } = await import("../../lib/sections/save");
  const { MAX_REPORT_CHARS } = await import("../../lib/sections/limits");
  const drafter = await actorFor(t.db, "drafter");
  const rows = await t.db.section.findMany({ where: { reportId: draftId, deletedAt: null }, orderBy: { position: "asc" } });
  const mine = rows.find((s) => s.ownerId === drafter.userId)!;
  // Four other sections of 100,000 characters and one of 50,000, in paragraphs of 1,000 (written directly: the fixture, not the test).
  const fillers = rows.filter((s) => s.id !== mine.id).slice(0, 5);
  for (const [i, s] of fillers.entries()) await t.db.section.update({ where: { id: s.id }, data: { content: Array.from({ length: i < 4 ? 100 : 50 }, () => ({ text: "字".repeat(1000) })) } });
  const others = (await t.db.section.findMany({ where: { reportId: draftId, deletedAt: null, id: { not: mine.id } }, select: { content: true } }))
    .reduce((n, s) => n + (s.content as { text: string }[]).reduce((m, p) => m + p.text.length, 0), 0);
  const room = MAX_REPORT_CHARS - others;
  assert.ok(room > 0 && room < 100_000, `room ${room}`);
  // The new text in paragraphs of 1,000 characters, as a real section would be.
  const text = (n: number) => Array.from({ length: Math.ceil(n / 1000) }, (_, i) => ({ text: "文".repeat(Math.min(1000, n - i * 1000)) }));
  const fresh = await t.db.section.findUniqueOrThrow({ where: { id: mine.id } });
  await assert.rejects(
    () => saveSection(t.db, drafter, mine.id, { baseVersion: fresh.version, content: text(room + 1) }),
    (e: unknown) => e instanceof AppError && e.status === 413 && /正文最多/.test(e.message),
  );
  assert.equal((await t.db.section.findUniqueOrThrow({ where: { id: mine.id } })).version, fresh.version, "nothing saved");
  const ok = await saveSection(t.db, drafter, mine.id, { baseVersion: fresh.version, content: text(room) });
  assert.equal(ok.version, fresh.version + 1);
  for (const s of fillers) await t.db.section.update({ where: { id: s.id }, data: { content: s.content ?? [] } });
});

test("a 48 KB Word file of 32.5 MB of empty paragraphs, one of a million runs, one nested 10,000 deep: each refused with a clear message by its own counter, the moment it passes", async () => {
  const { emptyParagraphsDocx, oneHugeParagraphDocx, deepDocx } = await import("../fixtures/hostile-docx");
  const paragraphs = await emptyParagraphsDocx();
  assert.ok(paragraphs.length < 64 * 1024, `${paragraphs.length} bytes`);
  const tooLarge = /内部结构过于庞大/;
  const cap = ZIP_LIMITS.maxPartBytes;
  const many = await refusedWithin(paragraphs, tooLarge, cap);
  assert.equal(many.paragraphs, XML_LIMITS.maxParagraphs + 1);
  assert.equal(many.mostHeld, 3, "the document, its body and one paragraph: each paragraph is dropped once read");
  const wide = await refusedWithin(await oneHugeParagraphDocx(), tooLarge, cap);
  assert.equal(wide.mostHeld, XML_LIMITS.maxHeldElements + 1);
  const deep = await refusedWithin(await deepDocx(), tooLarge, cap);
  assert.equal(deep.deepest, XML_LIMITS.maxDepth + 1);
  for (const cost of [many, wide, deep]) assert.ok(cost.elements <= XML_LIMITS.maxElements + 1 && cost.mostHeld <= XML_LIMITS.maxHeldElements + 1, JSON.stringify(cost));
});
