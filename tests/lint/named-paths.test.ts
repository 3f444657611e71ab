// A path a comment, a doc or the Prisma schema names must exist: a moved module otherwise leaves readers looking for
// a file that is gone (the schema still named modules that had moved out of lib/district/ and lib/sections/). Code
// is read for its comments only: string literals (test fixtures of made-up trees) are not references.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const repo = join(import.meta.dirname, "..", "..");
const skipped = new Set(["node_modules", "generated", ".next", ".git", "data", "test-results", "playwright-report", "artifacts", "tmp"]);
const top = "lib|components|app|scripts|docs|tests|e2e|prisma|types";
// One segment: a name (globs allowed), or Next's "(group)" and "[param]" folders.
const segment = String.raw`(?:[\w.*-]+|\([\w-]+\)|\[[\w.-]+\])`;
// Not after a word, a dot, a slash or "@": "@prisma/adapter-pg" and "next/app/…" are packages, not our folders.
const pathPattern = new RegExp(String.raw`(?<![\w./@-])(?:${top})\/${segment}(?:\/${segment})*`, "g");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (skipped.has(name)) return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The text of a file that may name paths: a doc or schema whole, the comments of code and shell scripts. */
function readable(file: string, text: string): string {
  if (/\.(md|prisma)$/.test(file)) return text;
  if (/\.sh$|\.env\.example$/.test(file)) {
    return text.split("\n").filter((l) => l.trimStart().startsWith("#")).join("\n");
  }
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : /\.(mjs|cjs|js)$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const comments = new Map<number, string>();
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) comments.set(r.pos, text.slice(r.pos, r.end));
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, node.getEnd()));
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...comments.values()].join("\n");
}

/** The repository paths a text names that do not exist (an extension may be left out; a glob needs its folder). */
function missingPaths(text: string, root = repo): string[] {
  const missing: string[] = [];
  for (const [match] of text.matchAll(pathPattern)) {
    const path = match.replace(/\.+$/, ""); // a sentence's full stop
    const globAt = path.search(/\/[^/]*\*/);
    const exists = globAt >= 0
      ? existsSync(join(root, path.slice(0, globAt)))
      : ["", ".ts", ".tsx", ".mjs", ".js", ".cjs"].some((ext) => existsSync(join(root, path + ext)));
    if (!exists) missing.push(path);
  }
  return missing;
}

test("every lib/…, docs/…, scripts/… path named in a comment, a doc or prisma/ exists", () => {
  const named = files(repo)
    .filter((f) => /\.(ts|tsx|mjs|cjs|md|prisma|sh)$|\.env\.example$/.test(f))
    .flatMap((f) => missingPaths(readable(f, readFileSync(f, "utf8"))).map((p) => `${relative(repo, f)}: ${p}`));
  assert.deepEqual(named, []);
});

test("the check can fail: a comment naming a moved module is caught, a string literal and a package are not", () => {
  const code = [
    "// the required parts (lib/district/parts.ts) and the statuses (lib/core/workflow/statuses.ts).",
    'const fixture = "lib/reports/view.ts"; // see docs/nowhere.md',
    'import { PrismaPg } from "@prisma/adapter-pg";',
    "/* app/(app)/reports/[id]/page.tsx and lib/core/i18n/catalogue/* are there; lib/gone/* is not */",
  ].join("\n");
  assert.deepEqual(missingPaths(readable("lib/x.ts", code)), ["lib/district/parts.ts", "docs/nowhere.md", "lib/gone/*"]);
  assert.deepEqual(missingPaths(readable("prisma/schema.prisma", "/// RequiredPart[] (lib/district/parts.ts)")), ["lib/district/parts.ts"]);
  assert.deepEqual(missingPaths(readable("scripts/x.sh", 'echo lib/a.ts\n# see docs/fonts.md\n')), ["docs/fonts.md"]);
});
