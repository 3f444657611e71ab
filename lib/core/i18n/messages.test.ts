import { test } from "node:test";
import assert from "node:assert/strict";
import { MESSAGES, format, isMessageKey, type MessageKey } from "./messages";

const HAN = /[\u3400-\u9fff]/u;
const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("both languages have every key, with the same parameters", () => {
  for (const key of Object.keys(MESSAGES.zh) as MessageKey[]) {
    assert.ok(MESSAGES.zh[key].trim(), `zh ${key} is empty`);
    assert.ok(MESSAGES.en[key].trim(), `en ${key} is empty`);
    assert.deepEqual(params(MESSAGES.en[key]), params(MESSAGES.zh[key]), `parameters of ${key}`);
  }
});

test("the English catalogue has no Chinese words (the language switch names 中文 in Chinese)", () => {
  const chinese = Object.entries(MESSAGES.en).filter(([key, value]) => key !== "language" && HAN.test(value));
  assert.deepEqual(chinese, []);
});

test("format fills parameters and leaves unknown ones visible", () => {
  assert.equal(format("第 {n} 页", { n: 3 }), "第 3 页");
  assert.equal(format("{a}-{b}", { a: 1 }), "1-{b}");
  assert.ok(isMessageKey("report.status.drafting"));
  assert.ok(!isMessageKey("report.status.unknown"));
});

test("every action the audit records has a name in both languages (no internal word reaches the 流转记录)", async () => {
  const { readdirSync, readFileSync, statSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { SECTION_ACTIONS, REPORT_ACTIONS } = await import("../workflow/machine");
  const { PERMISSIONS } = await import("../permissions");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (n === "generated" ? [] : statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith(".ts") && !n.endsWith(".test.ts") ? [join(dir, n)] : []));
  const recorded = new Set<string>([...SECTION_ACTIONS.map((a) => `section.${a}`), ...REPORT_ACTIONS.map((a) => `report.${a}`)]);
  for (const file of files("lib")) {
    for (const line of readFileSync(file, "utf8").split("\n").filter((l) => /\baction: /.test(l))) {
      // A schema's message keys (input.*) may share the line of an `action` field; they are not actions.
      for (const m of line.matchAll(/"([a-z]+\.[a-zA-Z.]+)"/g)) if (!m[1].startsWith("input.")) recorded.add(m[1]);
    }
  }
  assert.ok(recorded.size > 20, `found ${recorded.size} actions`);
  const unnamed = [...recorded].filter((a) => !a.startsWith("refusal.") && !(PERMISSIONS as readonly string[]).includes(a) && !isMessageKey(`audit.${a}`));
  assert.deepEqual(unnamed, []);
});

test("no key is in two catalogue files (the later one would silently win)", async () => {
  const { readdirSync } = await import("node:fs");
  const files = readdirSync(new URL("./catalogue", import.meta.url)).filter((n) => n.endsWith(".ts"));
  const owners = new Map<string, string[]>();
  for (const name of files) {
    const { zh } = (await import(`./catalogue/${name}`)) as { zh: Record<string, string> };
    for (const key of Object.keys(zh)) owners.set(key, [...(owners.get(key) ?? []), name]);
  }
  assert.ok(files.length >= 9, files.join());
  assert.deepEqual([...owners].filter(([, where]) => where.length > 1), []);
  assert.equal(owners.size, Object.keys(MESSAGES.zh).length);
});
