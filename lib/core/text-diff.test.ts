import { test } from "node:test";
import assert from "node:assert/strict";
import { boundedDiff, paragraphs, sentences, type DiffPart } from "./text-diff";

const side = (parts: DiffPart[], drop: DiffPart["type"]) => parts.filter((p) => p.type !== drop).map((p) => p.text).join("");
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
const COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你能而子那得着下自之年过发后里";
const chinese = (rand: () => number, n: number) =>
  Array.from({ length: n }, (_, i) => (i % 23 === 22 ? "。" : i % 400 === 399 ? "\n" : COMMON[Math.floor(rand() * COMMON.length)])).join("");

test("paragraphs and sentences cut the text without losing a character", () => {
  const text = "一、总体情况。\n全年完成立法3件！其中：“条例”两件；规章一件？\n\n（一）结尾没有句号";
  assert.equal(paragraphs(text).join(""), text);
  assert.equal(sentences(text).join(""), text);
  assert.deepEqual(sentences("他说：“好。”然后走了。"), ["他说：“好。”", "然后走了。"]);
});

test("a small edit is found character by character, and characters outside the BMP are never cut", () => {
  const d = boundedDiff("姓名：𠀀先生，年龄30岁。", "姓名：𠀁先生，年龄31岁。");
  assert.equal(d.byChars, true);
  assert.deepEqual(d.parts.filter((p) => p.type !== "equal"), [
    { type: "delete", text: "𠀀" }, { type: "insert", text: "𠀁" }, { type: "delete", text: "0" }, { type: "insert", text: "1" },
  ]);
});

test("two different texts of 100,000 characters are compared coarsely within the budget, every character kept", () => {
  const rand = rng(11);
  const before = chinese(rand, 100_000);
  const after = chinese(rand, 100_000);
  const d = boundedDiff(before, after);
  assert.equal(d.byChars, false, "too different for a character diff");
  assert.equal(side(d.parts, "insert"), before);
  assert.equal(side(d.parts, "delete"), after);
  assert.ok(d.parts.every((p) => wellFormed(p.text)));
});

test("an edit in every sentence of a long text stays readable: sentences are paired in place", () => {
  const rand = rng(5);
  const before = chinese(rand, 60_000);
  const after = before.replace(/的/g, "地");
  const d = boundedDiff(before, after, { chars: 10_000, coarse: 10_000_000 });
  assert.equal(d.byChars, false);
  assert.equal(side(d.parts, "insert"), before);
  assert.equal(side(d.parts, "delete"), after);
  const changed = d.parts.filter((p) => p.type !== "equal").reduce((n, p) => n + p.text.length, 0);
  const edits = [...before].filter((c) => c === "的").length * 2;
  assert.ok(changed < edits * 2, `${changed} characters marked for ${edits / 2} replaced ones`);
});

test("random edits of random texts always give back both texts exactly, at any budget", () => {
  const rand = rng(2);
  const alphabet = ["甲", "乙", "。", "\n", "𠀀", "a", "；"];
  const text = () => Array.from({ length: Math.floor(rand() * 200) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
  for (let round = 0; round < 300; round++) {
    const a = text();
    const cut = () => Math.floor(rand() * [...a].length);
    const b = rand() < 0.5 ? text() : [...a].slice(0, cut()).join("") + text() + [...a].slice(cut()).join("");
    const budget = { chars: Math.floor(rand() * 2_000), coarse: Math.floor(rand() * 5_000) };
    const d = boundedDiff(a, b, budget);
    assert.equal(side(d.parts, "insert"), a, `round ${round}`);
    assert.equal(side(d.parts, "delete"), b, `round ${round}`);
    assert.ok(d.parts.every((p) => p.text && wellFormed(p.text)), `round ${round}`);
  }
});
