import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { z } from "zod";
import { ValidationError, line, parseInput, text, visible } from "./validation";

const root = join(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

test("no schema builds a string of its own: every one comes from lib/core/validation (text, line, id, secret, stored), so the text rule cannot be left out", () => {
  const found: string[] = [];
  for (const file of ["lib", "app", "components"].flatMap((d) => sources(join(root, d)))) {
    if (relative(root, file) === join("lib", "core", "validation.ts")) continue;
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/\bz\s*\.\s*(string|coerce\s*\.\s*string)\s*\(/g)) found.push(`${relative(root, file)}: ${m[0]}`);
  }
  assert.deepEqual(found, []);
});

/** Every string a schema takes, with its path. */
function strings(schema: z.ZodType, path: string, out: [string, z.ZodType][] = []): [string, z.ZodType][] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  // zod's own formats (z.email()) refuse anything outside their grammar already.
  if (def.type === "string" && !def.format) out.push([path, schema]);
  else if (def.type === "object") for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) strings(v, `${path}.${k}`, out);
  else if (def.type === "array") strings(def.element as z.ZodType, `${path}[]`, out);
  else if (def.type === "union") (def.options as z.ZodType[]).forEach((o, i) => strings(o, `${path}|${i}`, out));
  else if (def.type === "pipe") strings(def.in as z.ZodType, path, out);
  else if (["optional", "nullable", "default", "readonly", "nonoptional", "catch"].includes(def.type)) strings(def.innerType as z.ZodType, path, out);
  return out;
}

test("every string field of the input schemas refuses U+0008, U+FFFF and a lone surrogate, naming the position (passwords aside: never shown nor written out)", async () => {
  const modules = await Promise.all([
    import("../workflow/schemas"), import("../reports/schemas"), import("../sections/schemas"), import("../users/schemas"),
    import("./offices/schemas"), import("../auth/schemas"), import("../district/year"), import("../district/report-parts"),
    import("../district/remind"), import("../district/submission"), import("../sections/paste"), import("../comments/service"), import("../notify/service"),
  ]);
  const fields = modules.flatMap((m) => Object.entries(m).filter(([, v]) => v instanceof z.ZodType).flatMap(([name, s]) => strings(s as z.ZodType, name)));
  assert.ok(fields.length > 40, `${fields.length} string fields`);
  for (const [path, schema] of fields) {
    if (/password|\.current$|\.next$/i.test(path)) continue;
    for (const bad of ["ab\u0008cdefghij", "ab\uffffcdefghij", "ab\ud800cdefghij"]) {
      const r = schema.safeParse(bad);
      assert.ok(!r.success && r.error.issues.some((i) => i.code === "custom" && (i.params as { position?: number })?.position === 3), `${path} took ${JSON.stringify(bad)}`);
    }
  }
});

test("one-line fields refuse tab and line breaks; text of several lines keeps them", () => {
  for (const ch of ["\t", "\n", "\r"]) {
    assert.throws(() => parseInput(z.object({ title: line() }), { title: `关于${ch}报告` }), (e: unknown) => e instanceof ValidationError && e.message === `标题：第 3 个字符是换行符或制表符（U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}），这里只能填写一行文字，请删除后重新输入。`);
    assert.equal(parseInput(z.object({ body: text() }), { body: `第一段${ch}第二段` }).body, `第一段${ch}第二段`);
  }
});

test("the text rule speaks English too, from the catalogue, naming the field by its label", () => {
  assert.throws(() => parseInput(z.object({ title: line() }), { title: "𠀀a\u0008" }), (e: unknown) => e instanceof ValidationError && e.code === "text.control" && e.localized("en").message === "Title: Character 3 is an invisible control character (U+0008) that an official file cannot hold; delete it.");
});

test("visible text: U+200B alone is refused after trimming, empty is left to the schema's own rule", () => {
  const schema = z.object({ secrecyReviewer: line().trim().check(visible).max(40) });
  assert.throws(() => parseInput(schema, { secrecyReviewer: "\u200b" }), (e: unknown) => e instanceof ValidationError && /保密审查人：只有空白或看不见的字符/.test(e.message));
  assert.throws(() => parseInput(schema, { secrecyReviewer: " \u200b\u3000\u2060 " }), ValidationError);
  assert.equal(parseInput(schema, { secrecyReviewer: "  " }).secrecyReviewer, "");
  assert.equal(parseInput(schema, { secrecyReviewer: " 张三 " }).secrecyReviewer, "张三");
});

test("a comment, a heading, a title or a name of nothing visible is refused: U+200B alone, a Hangul filler, a lone combining mark", async () => {
  const { addCommentSchema } = await import("../comments/service");
  const { addSectionSchema } = await import("../sections/schemas");
  for (const blank of ["\u200b", "\u3164", "\u2800", "\u0301"]) {
    assert.throws(() => parseInput(addCommentSchema, { sectionId: "s1", body: blank }), (e: unknown) => e instanceof ValidationError && /看不见的字符/.test(e.message), JSON.stringify(blank));
    assert.throws(() => parseInput(addSectionSchema, { reportId: "r1", parentId: null, heading: blank }), ValidationError, JSON.stringify(blank));
  }
  assert.equal(parseInput(addCommentSchema, { sectionId: "s1", body: "请核对数字。" }).body, "请核对数字。");
});

test("印数 \"abc\": the message names 印数 (or the English label), never the key `copies`; the schema's own words stay as written", async () => {
  const { reportTransitionSchema } = await import("../workflow/schemas");
  const { reportMetadataSchema } = await import("../reports/schemas");
  for (const [schema, input] of [
    [reportTransitionSchema, { reportId: "r1", action: "issue", copies: "abc" }],
    [reportMetadataSchema, { reportId: "r1", title: "报告", addressee: "", copyTo: "", copies: "abc", dueDate: "2024-03-01" }],
  ] as const) {
    for (const locale of ["zh", "en"] as const) {
      const err = (() => { try { parseInput(schema, input); } catch (e) { return e; } })();
      assert.ok(err instanceof ValidationError);
      const said = err.localized(locale);
      const message = said.fields?.copies;
      assert.ok(message && !/copies/.test(message) && !/copies/.test(said.message), message);
      assert.match(message, locale === "zh" ? /^印数：无效输入：期望 数字/ : /^Copies printed: /);
    }
  }
  const own = (() => { try { parseInput(reportTransitionSchema, { reportId: "r1", action: "issue", copies: 1.5 }); } catch (e) { return e; } })();
  assert.ok(own instanceof ValidationError);
  assert.equal(own.message, "印数须为整数。");
});

test("a field with no label gets zod's own message and no key at all", () => {
  const err = (() => { try { parseInput(z.object({ internalKey: z.number() }), { internalKey: "x" }); } catch (e) { return e; } })();
  assert.ok(err instanceof ValidationError);
  assert.equal(err.message, "无效输入：期望 数字，实际接收 string");
  assert.equal(err.fieldErrors.internalKey, err.message);
});

test("a schema's own message given as a catalogue key is said in the reader's language", () => {
  const schema = z.object({ baseVersion: z.number({ error: "input.baseVersionMissing" }) });
  assert.throws(() => parseInput(schema, {}), (e: unknown) => e instanceof ValidationError && e.code === "input.baseVersionMissing" && e.localized("en").message === "The version this text is based on is missing: reload the page, then save.");
  assert.throws(() => parseInput(schema, {}), (e: unknown) => e instanceof ValidationError && /缺少版本号/.test(e.message));
});
