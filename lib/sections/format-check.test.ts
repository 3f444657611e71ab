import { test } from "node:test";
import assert from "node:assert/strict";
import { applyAllFixes, applyFix, checkContent, checkHeading, checkParagraph } from "./format-check";

const kinds = (text: string) => checkParagraph(text).map((i) => `${i.kind}:${i.found}→${i.replacement}`);

test("half-width punctuation inside Chinese text is marked with its full-width fix", () => {
  assert.deepEqual(kinds("加强执法,提升效能."), ["halfWidthPunctuation:,→，", "halfWidthPunctuation:.→。"]);
  assert.deepEqual(kinds("主要表现在:一是"), ["halfWidthPunctuation::→："]);
  assert.deepEqual(kinds("有效吗?是的!"), ["halfWidthPunctuation:?→？", "halfWidthPunctuation:!→！"]);
  assert.deepEqual(kinds("党委(扩大)会"), ["halfWidthPunctuation:(扩大)→（扩大）"]);
  assert.deepEqual(kinds("执法;普法"), ["halfWidthPunctuation:;→；"]);
});

test("numbers, Latin text and decimals are left alone", () => {
  assert.deepEqual(kinds("增长1.5亿元，比例3:2，version 2.0, ok."), []);
  assert.deepEqual(kinds("胜诉率100%。"), []);
});

test("a 发文字号 with square or black brackets, or a leading zero, is marked", () => {
  assert.deepEqual(kinds("宝大府[2023]8号"), ["docNumberBrackets:宝大府[2023]8号→宝大府〔2023〕8号"]);
  assert.deepEqual(kinds("宝大府【2023】8号"), ["docNumberBrackets:宝大府【2023】8号→宝大府〔2023〕8号"]);
  assert.deepEqual(kinds("宝大府〔2023〕08号"), ["docNumberLeadingZero:〔2023〕08号→〔2023〕8号"]);
  assert.deepEqual(kinds("宝大府〔2023〕8号"), []);
});

test("stray spaces between Chinese and digits are marked", () => {
  assert.deepEqual(kinds("2022 年，我镇"), ["spaceBetweenChineseAndDigits: →"]);
  assert.deepEqual(kinds("公开 32 件"), ["spaceBetweenChineseAndDigits: →", "spaceBetweenChineseAndDigits: →"]);
});

test("a hyphen or en dash in a year range is marked", () => {
  assert.deepEqual(kinds("（2021-2025年）"), ["yearRangeDash:2021-2025→2021—2025"]);
  assert.deepEqual(kinds("（2021–2025年）"), ["yearRangeDash:2021–2025→2021—2025"]);
  assert.deepEqual(kinds("（2021 - 2025年）"), ["yearRangeDash:2021 - 2025→2021—2025"]);
  assert.deepEqual(kinds("（2021—2025年）"), []);
});

test("a heading numbered by hand is marked; its fix removes the number", () => {
  const [issue] = checkHeading("（一）坚持党的领导");
  assert.equal(issue.kind, "handNumberedHeading");
  assert.equal(applyFix("（一）坚持党的领导", issue), "坚持党的领导");
  assert.deepEqual(checkHeading("坚持党的领导"), []);
  assert.deepEqual(checkHeading("3.法律顾问").map((i) => i.kind), ["handNumberedHeading"]);
  const body = checkContent("第一段正文。\n1.法律顾问\n一是加强学习。");
  assert.deepEqual(body.map((i) => [i.kind, i.paragraph]), [["handNumberedHeading", 1]]);
});

test("fixes apply to the right paragraph and all fixes together give clean text", () => {
  const text = "2022 年,我镇贯彻《纲要(2021-2025年)》.\n宝大府[2023]08号";
  const fixed = applyAllFixes(text);
  assert.equal(fixed, "2022年，我镇贯彻《纲要（2021—2025年）》。\n宝大府〔2023〕8号");
  assert.deepEqual(checkContent(fixed), []);
});

test("a fix whose text has since changed does nothing", () => {
  const [issue] = checkParagraph("加强执法,提升效能");
  assert.equal(applyFix("完全不同的文字", issue), "完全不同的文字");
});
