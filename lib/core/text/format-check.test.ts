import { test } from "node:test";
import assert from "node:assert/strict";
import { applyAllFixes, applyFix, applyHeadingFix, checkContent, checkHeading, checkParagraph, issueContext } from "./format-check";

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

const ps = (text: string) => text.split("\n").map((t) => ({ text: t }));

test("a heading numbered by hand is marked; its fix removes the number and nothing else", () => {
  const [issue] = checkHeading("（一）坚持党的领导");
  assert.equal(issue.kind, "handNumberedHeading");
  assert.equal(applyHeadingFix("（一）坚持党的领导", issue), "坚持党的领导");
  assert.equal(applyHeadingFix("2．健全工作机制。", checkHeading("2．健全工作机制。")[0]), "健全工作机制。");
  assert.deepEqual(checkHeading("坚持党的领导"), []);
  assert.deepEqual(checkHeading("3.法律顾问").map((i) => i.kind), ["handNumberedHeading"]);
});

test("a typed 1． in the text becomes a numbered paragraph: only the number goes (the issue's cases)", () => {
  for (const [typed, text, level] of [
    ["2．健全工作机制。", "健全工作机制。", 3],
    ["1.  完善制度  建设。", "完善制度  建设。", 3],
    ["（1）围绕新修订的行政复议法，组织培训150余人参加。", "围绕新修订的行政复议法，组织培训150余人参加。", 4],
    ["1. 聘请法律顾问2名；", "聘请法律顾问2名；", 3],
  ] as const) {
    const [issue] = checkContent([{ text: typed }]);
    assert.equal(issue.kind, "handNumberedParagraph", typed);
    const [fixed] = applyFix([{ text: typed }], issue);
    assert.deepEqual({ text: fixed.text, level: fixed.level }, { text, level }, typed);
    assert.deepEqual(checkContent([fixed]), [], `${typed}: nothing left to fix`);
  }
  const [runIn] = applyFix([{ text: "1．健全领导机制。镇党委定期研究。" }], checkContent([{ text: "1．健全领导机制。镇党委定期研究。" }])[0]);
  assert.deepEqual(runIn, { text: "健全领导机制。镇党委定期研究。", level: 3, runIn: true });
  // 一、 or （一） in the text is a sub-heading: said, not "fixed".
  const [heading] = checkContent(ps("第一段正文。\n（二）法律顾问\n一是加强学习。"));
  assert.deepEqual([heading.kind, heading.paragraph, heading.replacement], ["handNumberedHeading", 1, null]);
});

test("fixes apply to the right paragraph and all fixes together give clean text", () => {
  const fixed = applyAllFixes(ps('2022 年,我镇贯彻《纲要(2021-2025年)》.举办"法治讲座"。 共3场\n宝大府[2023]08号'));
  assert.deepEqual(fixed.map((p) => p.text), ["2022年，我镇贯彻《纲要（2021—2025年）》。举办“法治讲座”。共3场", "宝大府〔2023〕8号"]);
  assert.deepEqual(checkContent(fixed), []);
});

test("a fix whose text has since changed does nothing", () => {
  const [issue] = checkParagraph("加强执法,提升效能");
  assert.deepEqual(applyFix([{ text: "完全不同的文字" }], issue), [{ text: "完全不同的文字" }]);
});

test("property: every fix changes exactly its span; 全部修正 deletes nothing outside the flagged spans", () => {
  // A fixed seed: generated paragraphs mixing every rule's triggers with ordinary text.
  let seed = 20261129;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const pieces = ["依法行政", "法治", "，", ",", ".", "。", " ", "　", "2022", " 年", "(扩大)", '"讲座"', "1.", "2．", "（3）", "（一）", "[2023]", "〔2023〕08号",
    "2021-2025年", "；", "：", ":", "100%", "1.5", "Word", "《纲要》", "“引号”", "……", "一是", "宝大府"];
  for (let round = 0; round < 400; round++) {
    const paragraphs = Array.from({ length: 1 + rnd(4) }, () => ({ text: Array.from({ length: 1 + rnd(12) }, () => pieces[rnd(pieces.length)]).join("") }));
    for (const issue of checkContent(paragraphs)) {
      const fixed = applyFix(paragraphs, issue);
      paragraphs.forEach((p, i) => {
        if (i !== issue.paragraph) return assert.equal(fixed[i], p);
        if (issue.replacement === null) return assert.equal(fixed[i].text, p.text);
        assert.equal(fixed[i].text.slice(0, issue.start), p.text.slice(0, issue.start), `before the span: ${p.text}`);
        assert.equal(fixed[i].text.slice(issue.start + issue.replacement.length), p.text.slice(issue.end), `after the span: ${p.text}`);
      });
    }
    // All fixes together: every character that is not punctuation, a dash, a space, a leading zero or a typed
    // number survives, in order (the fixes change only those).
    const all = applyAllFixes(paragraphs);
    const keep = (t: string) => t.replace(/^(?:(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])[\s\u3000]*)+/u, "").replace(/[\s\u3000,.:;?!()"，。：；？！（）“”〔〕\[\]【】［］0\-‐‑–−~～—]/gu, "");
    assert.deepEqual(all.map((p) => keep(p.text)), paragraphs.map((p) => keep(p.text)), paragraphs.map((p) => p.text).join(" / "));
  }
});

test("an issue's context never cuts a character in half: 𪚥 eight characters before a mark stays whole", () => {
  const text = "生僻字𠀀和表情😀测试，𪚥龘，半角,句号.混用";
  const issue = checkContent([{ text }] as never).find((i) => i.found === ",")!;
  const { before, after } = issueContext(text, issue);
  assert.ok(!/[\ud800-\udfff]/.test(before.replace(/[\ud800-\udbff][\udc00-\udfff]/g, "")), before);
  assert.equal([...before].length, 8);
  assert.ok(text.includes(before + "," + after));
  assert.ok(!(before + after).includes("\ufffd"));
});
