// Every word the interface shows comes from the catalogue (lib/core/i18n/catalogue/*):
// app/ and components/ hold no Chinese outside comments. Content (the report's own
// text) never sits in code, so any Chinese character found here is an interface
// string that the English switch would miss.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "../..");
/** Han characters and the CJK and full-width punctuation that only Chinese text uses. */
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e]/u;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The code without its comments (// to the end of a line, block comments), strings kept. */
export function withoutComments(src: string): string {
  let out = "";
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'" || c === "`") {
      const end = closing(src, i, c);
      out += src.slice(i, end + 1);
      i = end;
    } else if (src.startsWith("//", i)) {
      while (i < src.length && src[i] !== "\n") i++;
      out += "\n";
    } else if (src.startsWith("/*", i)) {
      const end = src.indexOf("*/", i + 2);
      out += src.slice(i, end + 2).replace(/[^\n]/g, "");
      i = end + 1;
    } else out += c;
  }
  return out;
}

function closing(src: string, start: number, quote: string): number {
  for (let i = start + 1; i < src.length; i++) {
    if (src[i] === "\\") i++;
    else if (src[i] === quote) return i;
    else if (quote !== "`" && src[i] === "\n") return i; // JSX text with an apostrophe is not a string
  }
  return src.length - 1;
}

test("comments are taken out and strings kept", () => {
  assert.equal(withoutComments('a // 注释\nb /* 说明 */ "保留" // x'), 'a \nb  "保留" \n');
});

test("app/ and components/ have no Chinese outside comments: every UI string is in the catalogue", () => {
  const found: string[] = [];
  for (const file of [...sources(join(root, "app")), ...sources(join(root, "components"))]) {
    withoutComments(readFileSync(file, "utf8")).split("\n").forEach((line, i) => {
      if (CHINESE.test(line)) found.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(found, []);
});
