// An error's words come from the catalogue, so that an English reader reads English: no
// Chinese string is handed to an AppError's constructor (or a subclass's super call), nor
// to uniquely() or fromPrisma(), nor given as a zod schema's own message, anywhere in lib/
// or app/ (the operator's CLI aside). The checks read the sources' syntax trees
// (TypeScript's parser), and are shown failing on small trees that break them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

const repo = join(import.meta.dirname, "..", "..");
/** Han characters and the CJK and full-width punctuation that only Chinese text uses. */
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e]/u;
const ERROR_BASE = "AppError";
const TAKE_WORDS = new Set(["uniquely", "fromPrisma"]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "generated") return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

function eachNode(node: ts.Node, visit: (n: ts.Node) => void) {
  visit(node);
  node.forEachChild((child) => eachNode(child, visit));
}

/** AppError and every class that extends it (by name, through any number of files and steps). */
function errorClasses(files: ts.SourceFile[]): Set<string> {
  const parents = new Map<string, string>();
  for (const file of files) {
    eachNode(file, (n) => {
      if (!ts.isClassDeclaration(n) || !n.name) return;
      const base = n.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      if (base && ts.isIdentifier(base)) parents.set(n.name.text, base.text);
    });
  }
  const isError = (name: string, seen = new Set<string>()): boolean =>
    name === ERROR_BASE || (!seen.has(name) && parents.has(name) && isError(parents.get(name)!, seen.add(name)));
  return new Set([ERROR_BASE, ...[...parents.keys()].filter((name) => isError(name))]);
}

/** The Chinese strings written anywhere inside an argument (a literal, a template, an object of field messages …). */
function chineseIn(arg: ts.Node): string[] {
  const found: string[] = [];
  eachNode(arg, (n) => {
    if ((ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) && CHINESE.test(n.text)) found.push(n.text);
  });
  return found;
}

/** Where a Chinese string is handed to an error or to uniquely/fromPrisma: "file:line: callee: text". */
export function uncatalogued(root: string, dirs: string[]): string[] {
  const files = dirs.flatMap((d) => sources(join(root, d))).map(parse);
  const classes = errorClasses(files);
  const found: string[] = [];
  for (const file of files) {
    eachNode(file, (n) => {
      let callee: string | null = null;
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && classes.has(n.expression.text)) callee = `new ${n.expression.text}`;
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && TAKE_WORDS.has(n.expression.text)) callee = n.expression.text;
      if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword) {
        const owner = ts.findAncestor(n, ts.isClassDeclaration);
        if (owner?.name && classes.has(owner.name.text)) callee = `super in ${owner.name.text}`;
      }
      if (!callee) return;
      const line = file.getLineAndCharacterOfPosition(n.getStart()).line + 1;
      for (const text of (n as ts.CallExpression | ts.NewExpression).arguments?.flatMap(chineseIn) ?? []) {
        found.push(`${relative(root, file.fileName)}:${line}: ${callee}: ${text}`);
      }
    });
  }
  return found;
}

const ZOD_MESSAGE_TAKERS = new Set(["min", "max", "length", "regex", "int", "email", "refine", "superRefine", "addIssue", "enum", "number", "string", "array", "union", "discriminatedUnion", "object", "literal"]);
/** The operator's CLI speaks Chinese, its schemas' messages too. */
const OPERATOR_ONLY = /^lib\/cli\//;

/** A message given to a zod call itself: a string, or an options object's `message`/`error` (nested schemas are calls of their own). */
function ownMessages(arg: ts.Expression): string[] {
  if (ts.isStringLiteralLike(arg) || ts.isTemplateExpression(arg)) return chineseIn(arg);
  if (!ts.isObjectLiteralExpression(arg)) return [];
  return arg.properties.flatMap((p) => (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && ["message", "error"].includes(p.name.text) ? chineseIn(p.initializer) : []));
}

/** Where a zod schema's own message is written out in Chinese rather than given as a catalogue key. */
export function uncataloguedSchemaMessages(root: string, dirs: string[]): string[] {
  const found: string[] = [];
  for (const file of dirs.flatMap((d) => sources(join(root, d))).map(parse)) {
    const path = relative(root, file.fileName);
    const usesZod = file.statements.some((st) => ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text === "zod");
    if (!usesZod || OPERATOR_ONLY.test(path)) continue;
    eachNode(file, (n) => {
      if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || !ZOD_MESSAGE_TAKERS.has(n.expression.name.text)) return;
      const line = file.getLineAndCharacterOfPosition(n.getStart()).line + 1;
      for (const text of n.arguments.flatMap(ownMessages)) found.push(`${path}:${line}: .${n.expression.name.text}: ${text}`);
    });
  }
  return found;
}

test("lib/ and app/ hand no Chinese string to an error or to uniquely/fromPrisma: the words are the catalogue's", () => {
  assert.deepEqual(uncatalogued(repo, ["lib", "app"]), []);
});

test("the check fails on each way of writing an error's words out, and passes catalogue keys", () => {
  const dir = mkdtempSync(join(tmpdir(), "rs-lint-errors-"));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  try {
    write("lib/core/errors.ts", "export class AppError extends Error {}\nexport class Conflict extends AppError {}\nexport class Invalid extends AppError {}\n");
    write("lib/a/bad.ts", [
      'throw new Conflict("导语下不能有子章节。");',
      'throw new Invalid("workflow.addresseeRequired", {}, { addressee: "请填写主送机关。" });',
      "await uniquely(() => write(), `用户名“${name}”已被使用`);",
      'fromPrisma(err, { code: "机关代码已存在。" });',
      'class Mine extends Conflict { constructor() { super("本单位的报告已经存在。"); } }',
      'class Deeper extends Mine {}\nthrow new Deeper("还是中文");',
    ].join("\n"));
    write("app/api/good.ts", [
      'throw new Conflict("section.introNoChildren");',
      'throw new Invalid("workflow.addresseeRequired", {}, { addressee: "workflow.addresseeField" });',
      'await uniquely(() => write(), "user.usernameTaken", { username: name });',
      'class Fine extends Conflict { constructor() { super("report.duplicate"); } }',
      '// A comment may say 中文; an error other than ours may too (an operator\'s).',
      'throw new Error("数据库正被其他进程使用。");',
    ].join("\n"));
    assert.deepEqual(uncatalogued(dir, ["lib", "app"]), [
      "lib/a/bad.ts:1: new Conflict: 导语下不能有子章节。",
      "lib/a/bad.ts:2: new Invalid: 请填写主送机关。",
      "lib/a/bad.ts:3: uniquely: 用户名“",
      "lib/a/bad.ts:3: uniquely: ”已被使用",
      "lib/a/bad.ts:4: fromPrisma: 机关代码已存在。",
      "lib/a/bad.ts:5: super in Mine: 本单位的报告已经存在。",
      "lib/a/bad.ts:7: new Deeper: 还是中文",
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the schemas' own messages are catalogue keys (but the operator's CLI's), and the check fails on one written out", () => {
  assert.deepEqual(uncataloguedSchemaMessages(repo, ["lib", "app"]), []);
  const dir = mkdtempSync(join(tmpdir(), "rs-lint-schemas-"));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  try {
    write("lib/a/schemas.ts", [
      'import { z } from "zod";',
      'export const a = z.object({ title: line().trim().min(1, "请输入标题。").max(200, "input.titleTooLong") });',
      'export const b = z.enum(["x"], { error: "未知的操作。" });',
      'export const c = z.object({ r: text() }).refine((v) => !!v.r, { path: ["r"], message: "退回必须填写理由。" });',
    ].join("\n"));
    write("lib/cli/commands.ts", 'import { z } from "zod";\nexport const d = z.string().min(1, "请指定机关代码（--office）。");\n');
    assert.deepEqual(uncataloguedSchemaMessages(dir, ["lib"]), [
      "lib/a/schemas.ts:2: .min: 请输入标题。",
      "lib/a/schemas.ts:3: .enum: 未知的操作。",
      "lib/a/schemas.ts:4: .refine: 退回必须填写理由。",
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
