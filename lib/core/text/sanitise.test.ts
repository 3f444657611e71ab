import { test } from "node:test";
import assert from "node:assert/strict";
import { codePointLabel, firstForbidden, visibleText, xmlSafe } from "./sanitise";

test("each class of forbidden character is found, with its kind and code point", () => {
  const cases: [string, string, number][] = [
    ["半个\uD800字", "loneSurrogate", 0xd800],
    ["半个\uDC00字", "loneSurrogate", 0xdc00],
    ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c].map((cp): [string, string, number] => [`ab${String.fromCodePoint(cp)}c`, "bidiControl", cp]),
    ...[0x00, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1f].map((cp): [string, string, number] => [`ab${String.fromCodePoint(cp)}c`, "control", cp]),
    ["ab\uFFFEc", "nonCharacter", 0xfffe],
    ["ab\uFFFFc", "nonCharacter", 0xffff],
  ];
  for (const [value, kind, codePoint] of cases) {
    assert.deepEqual(firstForbidden(value, { multiline: true }), { kind, position: 3, codePoint }, JSON.stringify(value));
    assert.deepEqual(firstForbidden(value), { kind, position: 3, codePoint }, JSON.stringify(value));
  }
});

test("tab, LF and CR pass where the field is multi-line and are refused where it is one line", () => {
  for (const ch of ["\t", "\n", "\r"]) {
    assert.equal(firstForbidden(`第一行${ch}第二行`, { multiline: true }), null);
    assert.deepEqual(firstForbidden(`第一行${ch}第二行`), { kind: "lineBreak", position: 4, codePoint: ch.codePointAt(0) });
  }
});

test("positions count characters as a person does: 𠀀 and 𠮷 are one each", () => {
  assert.deepEqual(firstForbidden("𠀀𠮷\u0008"), { kind: "control", position: 3, codePoint: 8 });
  assert.deepEqual(firstForbidden("𠀀\uD800"), { kind: "loneSurrogate", position: 2, codePoint: 0xd800 });
  assert.deepEqual(firstForbidden("\uDC00𠀀"), { kind: "loneSurrogate", position: 1, codePoint: 0xdc00 });
});

test("ordinary text passes untouched: full-width punctuation, ideographic space, astral characters, emoji, U+FFFD, a soft hyphen inside a word", () => {
  for (const ok of ["关于2024年法治政府建设情况的报告。", "一、（一）1．（1）“引号”——破折号", "\u3000\u3000缩进", "𠀀𠮷野家", "👍🏽", "\ufffd", "法治\u00ad政府", "❤️", ""]) {
    assert.equal(firstForbidden(ok), null, JSON.stringify(ok));
    assert.equal(xmlSafe(ok), ok);
  }
});

test("what an outside test slipped past the first rule: DEL and C1 controls, every noncharacter, tag characters and interlinear annotations are refused", () => {
  for (const [value, kind, codePoint] of [
    ["a\u007fb", "control", 0x7f], ["a\u0085b", "control", 0x85], ["a\u009fb", "control", 0x9f],
    ["a\ufdd0b", "nonCharacter", 0xfdd0], ["a\ufdefb", "nonCharacter", 0xfdef], ["a\u{1fffe}b", "nonCharacter", 0x1fffe], ["a\u{10ffff}b", "nonCharacter", 0x10ffff],
    ["a\u{e0041}b", "hidden", 0xe0041], ["a\ufff9b", "hidden", 0xfff9], ["a\ufffbb", "hidden", 0xfffb],
  ] as const) assert.deepEqual(firstForbidden(value), { kind, position: 2, codePoint }, JSON.stringify(value));
  assert.equal(firstForbidden("a\ufdcfb\ufdf0c"), null, "the neighbours of the noncharacter block are characters");
});

test("a heading of a Hangul filler, a blank Braille cell or a lone combining mark shows nothing", () => {
  for (const blank of ["\u3164", "\u2800", "\u0301", "\u3164\u2800\u0301 "]) assert.equal(visibleText(blank), false, JSON.stringify(blank));
  assert.equal(visibleText("e\u0301"), true);
});

test("visible text: whitespace, zero-width and format characters alone are not a name", () => {
  for (const blank of ["", " ", "\u200b", "\u200c\u200d", "\u2060", "\ufeff", "\u3000", "\u00ad", "\u3164", "\u2800", " \u200b\u3000\t"]) {
    assert.equal(visibleText(blank), false, JSON.stringify(blank));
  }
  for (const seen of ["张三", "\u200b张", "。", "A", "𠀀", "0"]) assert.equal(visibleText(seen), true, JSON.stringify(seen));
});

test("xmlSafe drops what XML 1.0 cannot hold and keeps everything else, tab and line breaks included", () => {
  assert.equal(xmlSafe("a\u0000b\u0008c\u000bd\u000ce\u001ff\ufffeg\uffffh\ud800i\udc00j"), "abcdefghij");
  assert.equal(xmlSafe("a\tb\nc\rd𠀀\u202e"), "a\tb\nc\rd𠀀\u202e");
});

test("what xmlSafe drops is exactly XML 1.0's excluded characters, and every one of them is refused when written", () => {
  const dropped: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const ch = cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    if (xmlSafe(ch) === ch) continue;
    dropped.push(cp);
    assert.notEqual(firstForbidden(ch, { multiline: true }), null, codePointLabel(cp));
  }
  // 29 C0 controls (all but tab, LF, CR), 2,048 surrogates, U+FFFE and U+FFFF.
  assert.equal(dropped.length, 29 + 2048 + 2);
  assert.deepEqual([dropped[0], dropped[28], dropped[29], dropped.at(-3), dropped.at(-2), dropped.at(-1)], [0, 0x1f, 0xd800, 0xdfff, 0xfffe, 0xffff]);
});

test("code points are labelled as Unicode writes them", () => {
  assert.equal(codePointLabel(8), "U+0008");
  assert.equal(codePointLabel(0xffff), "U+FFFF");
  assert.equal(codePointLabel(0x20000), "U+20000");
});
