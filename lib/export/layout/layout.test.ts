import { test } from "node:test";
import assert from "node:assert/strict";
import { breakParagraph, tokenize, NO_LINE_END, NO_LINE_START } from "./breaking";
import { breakTitle, words } from "./title";
import { layoutDocument, type Fonts, type TextRun, type Rule } from "./engine";
import { CHAR_PITCH, LINE_PITCH, LINES_PER_PAGE, SIZE, TEXT, TEXT_BOTTOM, TEXT_RIGHT, MM, PAGE_NUMBER_GAP } from "./geometry";
import type { DocumentModel } from "../model";

// A stand-in font: full-width characters are 1 em, half-width ones 0.5 em.
const halfWidth = (c: string) => /[\x20-\x7e]/.test(c);
const measure = (text: string, size: number) => [...text].reduce((w, c) => w + (halfWidth(c) ? 0.5 : 1) * size, 0);
const fonts: Fonts = { measure: (_f, text, size) => measure(text, size) };
const grid = CHAR_PITCH - SIZE.body;
const opts = { size: SIZE.body, gridSpacing: grid, firstLineWidth: TEXT.width - 2 * CHAR_PITCH, width: TEXT.width, measure };
const han = (n: number) => "法治政府建设年度报告".repeat(Math.ceil(n / 10)).slice(0, n);

test("28 characters a line, 26 on an indented first line, justified to the measure", () => {
  const lines = breakParagraph(han(100), opts);
  assert.deepEqual(lines.map((l) => [...l.text].length), [26, 28, 28, 18]);
  for (const l of lines.slice(0, -1)) assert.ok(Math.abs(l.width - (l === lines[0] ? opts.firstLineWidth : TEXT.width)) < 0.01);
  assert.equal(lines.at(-1)!.charSpacing, grid, "the last line is not stretched");
});

test("no closing punctuation starts a line: the character before goes down with it", () => {
  const text = han(26) + "，" + han(10);
  const [first, second] = breakParagraph(text, opts);
  assert.equal([...first.text].length, 25);
  assert.ok(second.text.startsWith(han(26).slice(-1) + "，"));
  for (const l of breakParagraph(text, opts)) assert.ok(!NO_LINE_START.has([...l.text][0]), l.text);
});

test("no opening punctuation ends a line", () => {
  const text = han(25) + "《" + han(10) + "》";
  const lines = breakParagraph(text, opts);
  assert.ok(lines[1].text.startsWith("《"));
  for (const l of lines) assert.ok(!NO_LINE_END.has([...l.text].at(-1)!), l.text);
});

test("half-width runs never split and are measured by their real width", () => {
  assert.deepEqual(tokenize("胜诉率100%，2022年"), ["胜", "诉", "率", "100%", "，", "2022", "年"]);
  const text = han(24) + "2022" + han(30);
  const lines = breakParagraph(text, opts);
  // 24 + four half-width digits (2 em) = 26 em: it fits the indented first line exactly.
  assert.equal(lines[0].text, han(24) + "2022");
  const digits = breakParagraph("1234567890".repeat(12), opts);
  assert.ok(digits.length >= 2, "a run longer than a line is still placed");
  for (const l of digits.slice(0, -1)) assert.ok(l.width <= TEXT.width + 0.01);
});

test("the title breaks at word boundaries into a trapezoid", () => {
  const title = "上海市宝山区大场镇人民政府关于宝山区大场镇2022年法治政府建设的情况报告";
  assert.ok(words(title).includes("人民政府"));
  const lines = breakTitle(title, SIZE.title, TEXT.width, measure);
  assert.equal(lines.join(""), title);
  assert.ok(lines.length === 2, lines.join("|"));
  const widths = lines.map((l) => measure(l, SIZE.title));
  assert.ok(widths.every((w) => w <= TEXT.width));
  assert.ok(widths[0] <= widths[1], "upper line no longer than the lower");
  for (const l of lines.slice(1)) assert.ok(!/^[府区镇的年]/.test(l), `broken inside a word: ${lines.join("|")}`);
  assert.deepEqual(breakTitle("关于大场镇2023年法治政府建设的情况报告", SIZE.title, TEXT.width, measure), ["关于大场镇2023年法治政府建设的情况报告"]);
});

function model(body: DocumentModel["body"], extra: Partial<DocumentModel> = {}): DocumentModel {
  return {
    draft: false,
    header: { mark: "大场镇人民政府文件", docNumber: "宝大府〔2023〕8号" },
    title: "关于大场镇2022年法治政府建设的情况报告",
    body,
    signature: { signatory: "上海市宝山区大场镇人民政府", date: "2023年2月16日" },
    colophon: { copyTo: "区依法治区办", issuer: "上海市宝山区大场镇人民政府", issueDate: "2023年2月16日", copies: 9 },
    ...extra,
  };
}
const runs = (items: (TextRun | Rule)[], role: string) => items.filter((i): i is TextRun => i.kind === "text" && i.role === role);

test("a full body page holds 22 lines on the grid; the header sits where the standard puts it", () => {
  const pages = layoutDocument(model(Array.from({ length: 40 }, () => ({ level: 0 as const, label: "", text: han(140) }))), fonts);
  const second = pages[1];
  const body = runs(second.items, "body");
  assert.equal(body.length, LINES_PER_PAGE);
  const ys = body.map((r) => r.y);
  for (let i = 1; i < ys.length; i++) assert.ok(Math.abs(ys[i] - ys[i - 1] - LINE_PITCH) < 0.01);
  const mark = runs(pages[0].items, "mark")[0];
  assert.ok(Math.abs(mark.y - 0.88 * mark.size - (37 + 35) * MM) < 0.01, "标志 top 72 mm from the page top");
  const order = ["mark", "docNumber", "title", "body"].map((r) => runs(pages[0].items, r)[0].y);
  const red = pages[0].items.find((i): i is Rule => i.kind === "rule" && i.role === "redLine")!;
  assert.ok(order[0] < order[1] && order[1] < red.y && red.y < order[2] && order[2] < order[3]);
  assert.ok(Math.abs(red.x2 - red.x1 - TEXT.width) < 0.01);
});

test("a 60-page report: page numbers alternate sides, 7 mm below the 版心", () => {
  const pages = layoutDocument(model(Array.from({ length: 150 }, (_, i) => ({ level: 0 as const, label: "", text: han(240 + (i % 7)) }))), fonts);
  assert.ok(pages.length >= 60, `${pages.length} pages`);
  for (const p of pages) {
    const [n] = runs(p.items, "pageNumber");
    assert.equal(n.text, `— ${p.number} —`);
    assert.ok(Math.abs(n.y - 0.3 * n.size - TEXT_BOTTOM - PAGE_NUMBER_GAP) < 0.01);
    if (p.number % 2) assert.ok(Math.abs(n.x + measure(n.text, n.size) - (TEXT_RIGHT - SIZE.pageNumber)) < 0.01, "odd: one character in from the right");
    else assert.ok(Math.abs(n.x - (TEXT.left + SIZE.pageNumber)) < 0.01, "even: one character in from the left");
    for (const r of runs(p.items, "body")) assert.ok(r.y < TEXT_BOTTOM && r.x + measure(r.text, r.size) + [...r.text].length * r.charSpacing <= TEXT_RIGHT + 0.5);
  }
});

test("the 版记 ends on the 版心's bottom edge of the last page; with no room it gets a page of its own", () => {
  const short = layoutDocument(model([{ level: 0, label: "", text: han(50) }]), fonts);
  assert.equal(short.length, 1);
  const rules = short[0].items.filter((i): i is Rule => i.kind === "rule" && i.role === "colophon");
  assert.ok(Math.abs(rules.at(-1)!.y - TEXT_BOTTOM) < 0.01);
  assert.deepEqual(rules.map((r) => r.width > 0.9), [true, false, false, true], "thick, thin, thin, thick");
  assert.deepEqual(runs(short[0].items, "colophon").map((r) => r.text), ["抄送：区依法治区办。", "上海市宝山区大场镇人民政府", "2023年2月16日印发", "（共印9份）"]);
  // Fill the first page to its last lines: the signature and 版记 move on.
  let n = 1;
  let pages = layoutDocument(model([{ level: 0, label: "", text: han(n) }]), fonts);
  while (pages.length === 1) pages = layoutDocument(model([{ level: 0, label: "", text: han((n += 28)) }]), fonts);
  const last = pages.at(-1)!;
  assert.ok(runs(last.items, "colophon").length > 0, "版记 on the last page");
  assert.ok(runs(pages[0].items, "colophon").length === 0);
});

test("the signature: 署名 two characters in from the right, the date two characters right of its start", () => {
  const [p] = layoutDocument(model([{ level: 0, label: "", text: han(20) }]), fonts);
  const [sign] = runs(p.items, "signatory");
  const [date] = runs(p.items, "date");
  const signEnd = sign.x + measure(sign.text, sign.size) + [...sign.text].length * grid;
  assert.ok(Math.abs(signEnd - (TEXT_RIGHT - 2 * CHAR_PITCH)) < 0.01);
  assert.ok(Math.abs(date.x - sign.x - 2 * CHAR_PITCH) < 0.01);
  assert.ok(Math.abs(date.y - sign.y - LINE_PITCH) < 0.01);
  // A short 署名 with a longer date: the date sits two characters in from the right.
  const [q] = layoutDocument(model([{ level: 0, label: "", text: "正文。" }], { signature: { signatory: "某镇政府", date: "2023年12月16日" } }), fonts);
  const [d2] = runs(q.items, "date");
  const [s2] = runs(q.items, "signatory");
  assert.ok(Math.abs(d2.x + measure(d2.text, 16) + [...d2.text].length * grid - (TEXT_RIGHT - 2 * CHAR_PITCH)) < 0.01);
  assert.ok(Math.abs(d2.x - s2.x - 2 * CHAR_PITCH) < 0.01);
});

test("edge cases: an empty section, a very long heading, a paragraph of only digits and Latin, optional elements absent", () => {
  const pages = layoutDocument(
    model(
      [
        { level: 1, label: "一、", text: "主要举措和成效" },
        { level: 2, label: "（一）", text: han(70) },
        { level: 0, label: "", text: "2022 ABC 100% 3.14159 HTTPS://EXAMPLE.GOV.CN/REPORTS/2022" },
        { level: 1, label: "二、", text: "存在的不足" },
      ],
      { colophon: undefined, signature: undefined, header: { mark: "某镇人民政府文件" } },
    ),
    fonts,
  );
  const headings = runs(pages[0].items, "heading");
  assert.equal(headings[0].font, "hei");
  assert.ok(headings.filter((h) => h.font === "kai").length >= 3, "the long （一） heading wraps in 楷体");
  assert.equal(runs(pages[0].items, "docNumber").length, 0, "no 发文字号 when not set");
  assert.equal(runs(pages[0].items, "signatory").length, 0);
  const latin = runs(pages[0].items, "body");
  assert.ok(latin.length >= 1 && latin.every((r) => r.x + measure(r.text, r.size) + [...r.text].length * r.charSpacing <= TEXT_RIGHT + 0.5));
});

test("a heading never ends a page away from its text", () => {
  // Fill until a heading would fall on the last line of page 1.
  for (let k = 1; k < 40; k++) {
    const body: DocumentModel["body"] = [
      ...Array.from({ length: k }, () => ({ level: 0 as const, label: "", text: han(20) })),
      { level: 2, label: "（一）", text: "小标题" },
      { level: 0, label: "", text: han(20) },
    ];
    const pages = layoutDocument(model(body, { colophon: undefined, signature: undefined }), fonts);
    for (const p of pages) {
      const items = runs(p.items, "heading");
      for (const h of items) assert.ok(h.y < TEXT.top + (LINES_PER_PAGE - 1) * LINE_PITCH, `k=${k}: heading on a page's last line`);
    }
  }
});
