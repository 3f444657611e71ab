import { test } from "node:test";
import assert from "node:assert/strict";
import { breakParagraph, tokenize, NO_LINE_END, NO_LINE_START } from "./breaking";
import { breakTitle, words } from "./title";
import { layoutDocument, type Fonts, type TextRun, type Rule } from "./engine";
import { CHAR_PITCH, LINE_PITCH, LINES_PER_PAGE, SIZE, TEXT, TEXT_BOTTOM, TEXT_RIGHT, MM, PAGE_NUMBER_GAP } from "./geometry";
import type { BodyBlock, DocumentModel } from "../model";

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
  assert.ok(words(title).includes("宝山区大场镇人民政府"), "the office name is one piece");
  const lines = breakTitle(title, SIZE.title, TEXT.width, measure);
  assert.equal(lines.join(""), title);
  // No two lines keep both the office name (上海市宝山区大场镇人民政府) and 关于宝山区大场镇 whole: three lines, the office on the first.
  assert.deepEqual(lines, ["上海市宝山区大场镇人民政府", "关于宝山区大场镇2022年", "法治政府建设的情况报告"]);
  const widths = lines.map((l) => measure(l, SIZE.title));
  assert.ok(widths.every((w) => w <= TEXT.width));
  assert.ok(widths[1] <= widths[2], "below the office, an upper line no longer than the lower");
  for (const l of lines.slice(1)) assert.ok(!/^[府区镇的年]/.test(l), `broken inside a word: ${lines.join("|")}`);
  assert.deepEqual(breakTitle("关于大场镇2023年法治政府建设的情况报告", SIZE.title, TEXT.width, measure), ["关于大场镇2023年法治政府建设的情况报告"]);
});

const para = (text: string): BodyBlock => ({ kind: "paragraph", level: 0, runs: [{ text, style: "body" }] });
const heading = (level: 1 | 2 | 3 | 4, label: string, text: string): BodyBlock => ({ kind: "heading", level, runs: [{ text: label + text, style: `heading${level}` }] });
const single = (mark: string) => ({ names: [mark], suffix: "" });

function model(body: DocumentModel["body"], extra: Partial<DocumentModel> = {}): DocumentModel {
  return {
    draft: false,
    header: { mark: single("大场镇人民政府文件"), docNumber: "宝大府〔2023〕8号" },
    title: "关于大场镇2022年法治政府建设的情况报告",
    body,
    signature: { signatories: ["上海市宝山区大场镇人民政府"], date: "2023年2月16日" },
    colophon: { copyTo: "区依法治区办", issuer: "上海市宝山区大场镇人民政府", issueDate: "2023年2月16日", copies: 9 },
    style: { runInBold: false },
    ...extra,
  };
}
const runs = (items: (TextRun | Rule)[], role: string) => items.filter((i): i is TextRun => i.kind === "text" && i.role === role);

test("a full body page holds 22 lines on the grid; the header sits where the standard puts it", () => {
  const pages = layoutDocument(model(Array.from({ length: 40 }, () => para(han(140)))), fonts);
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
  const pages = layoutDocument(model(Array.from({ length: 150 }, (_, i) => para(han(240 + (i % 7))))), fonts);
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
  const short = layoutDocument(model([para(han(50))]), fonts);
  assert.equal(short.length, 1);
  const rules = short[0].items.filter((i): i is Rule => i.kind === "rule" && i.role === "colophon");
  assert.ok(Math.abs(rules.at(-1)!.y - TEXT_BOTTOM) < 0.01);
  assert.deepEqual(rules.map((r) => r.width > 0.9), [true, false, false, true], "thick, thin, thin, thick");
  assert.deepEqual(runs(short[0].items, "colophon").map((r) => r.text), ["抄送：区依法治区办。", "上海市宝山区大场镇人民政府", "2023年2月16日印发", "（共印9份）"]);
  // Fill the first page to its last lines: the signature and 版记 move on.
  let n = 1;
  let pages = layoutDocument(model([para(han(n))]), fonts);
  while (pages.length === 1) pages = layoutDocument(model([para(han((n += 28)))]), fonts);
  const last = pages.at(-1)!;
  assert.ok(runs(last.items, "colophon").length > 0, "版记 on the last page");
  assert.ok(runs(pages[0].items, "colophon").length === 0);
});

test("the signature: 署名 two characters in from the right, the date two characters right of its start", () => {
  const [p] = layoutDocument(model([para(han(20))]), fonts);
  const [sign] = runs(p.items, "signatory");
  const [date] = runs(p.items, "date");
  const signEnd = sign.x + measure(sign.text, sign.size) + [...sign.text].length * grid;
  assert.ok(Math.abs(signEnd - (TEXT_RIGHT - 2 * CHAR_PITCH)) < 0.01);
  assert.ok(Math.abs(date.x - sign.x - 2 * CHAR_PITCH) < 0.01);
  assert.ok(Math.abs(date.y - sign.y - LINE_PITCH) < 0.01);
  // A short 署名 with a longer date: the date sits two characters in from the right.
  const [q] = layoutDocument(model([para("正文。")], { signature: { signatories: ["某镇政府"], date: "2023年12月16日" } }), fonts);
  const [d2] = runs(q.items, "date");
  const [s2] = runs(q.items, "signatory");
  assert.ok(Math.abs(d2.x + measure(d2.text, 16) + [...d2.text].length * grid - (TEXT_RIGHT - 2 * CHAR_PITCH)) < 0.01);
  assert.ok(Math.abs(d2.x - s2.x - 2 * CHAR_PITCH) < 0.01);
});

test("edge cases: an empty section, a very long heading, a paragraph of only digits and Latin, optional elements absent", () => {
  const pages = layoutDocument(
    model(
      [
        heading(1, "一、", "主要举措和成效"),
        heading(2, "（一）", han(70)),
        para("2022 ABC 100% 3.14159 HTTPS://EXAMPLE.GOV.CN/REPORTS/2022"),
        heading(1, "二、", "存在的不足"),
      ],
      { colophon: undefined, signature: undefined, header: { mark: single("某镇人民政府文件") } },
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
      ...Array.from({ length: k }, () => para(han(20))),
      heading(2, "（一）", "小标题"),
      para(han(20)),
    ];
    const pages = layoutDocument(model(body, { colophon: undefined, signature: undefined }), fonts);
    for (const p of pages) {
      const items = runs(p.items, "heading");
      for (const h of items) assert.ok(h.y < TEXT.top + (LINES_PER_PAGE - 1) * LINE_PITCH, `k=${k}: heading on a page's last line`);
    }
  }
});

test("keep with next: a heading and the headings right after it start a page together with the next line", () => {
  for (let k = 1; k < 30; k++) {
    const body: DocumentModel["body"] = [
      ...Array.from({ length: k }, () => para(han(40))),
      heading(1, "二、", "存在的不足和原因"),
      heading(2, "（一）", "小标题"),
      para(han(90)),
    ];
    const pages = layoutDocument(model(body, { colophon: undefined, signature: undefined }), fonts);
    // Wherever the 二、 falls, the （一） and the first line of its text are on the same page.
    const page = pages.find((p) => runs(p.items, "heading").some((h) => h.text.startsWith("二、")))!;
    const hs = runs(page.items, "heading");
    assert.ok(hs.some((h) => h.text.startsWith("（一）")), `k=${k}: （一） left behind`);
    const after = runs(page.items, "body").filter((b) => b.y > hs.at(-1)!.y);
    assert.ok(after.length >= 1, `k=${k}: no text after the headings on their page`);
    // …and the page before is not left short by more than the chain itself (3 lines).
    const before = pages[page.number - 2];
    if (before) {
      const lastRow = Math.max(...runs(before.items, "body").map((r) => Math.floor((r.y - TEXT.top) / LINE_PITCH)));
      assert.ok(lastRow >= LINES_PER_PAGE - 1 - 3, `k=${k}: page ${before.number} ends at line ${lastRow + 1}`);
    }
  }
});

test("the title breaks only between words: never inside 2024年度, a place name or 《…》", () => {
  for (const title of [
    "上海市宝山区青溪镇人民政府关于青溪镇2024年度法治政府建设情况的报告",
    "关于贯彻落实《法治政府建设实施纲要》全面推进依法行政工作情况的报告",
    "中共上海市宝山区大场镇委员会 上海市宝山区大场镇人民政府关于2024年度法治政府建设情况的报告",
  ]) {
    const lines = breakTitle(title, SIZE.title, TEXT.width - 2 * SIZE.title, measure);
    assert.ok(lines.length >= 2, title);
    assert.equal(lines.join("").replace(/\s/g, ""), title.replace(/\s/g, ""), "every character, in order");
    for (let i = 1; i < lines.length; i++) {
      const joint = lines[i - 1].slice(-2) + "|" + lines[i].slice(0, 2);
      assert.ok(!/\d\|年|年\|度|青\|溪|溪\|镇|大\|场|场\|镇/.test(joint), `broken inside a word: ${lines.join(" | ")}`);
      const open = (lines.slice(0, i).join("").match(/《/g) ?? []).length - (lines.slice(0, i).join("").match(/》/g) ?? []).length;
      assert.equal(open, 0, `broken inside 《》: ${lines.join(" | ")}`);
    }
  }
  assert.deepEqual(words("2024年度法治"), ["2024年度", "法治"]);
  // A 《…》 wider than a line is broken at its own words, not between characters of a word.
  const long = breakTitle("关于贯彻落实《法治政府建设实施纲要（2021—2025年）》情况的报告", SIZE.title, TEXT.width - 2 * SIZE.title, measure);
  assert.ok(long.every((l) => measure(l, SIZE.title) <= TEXT.width - 2 * SIZE.title), long.join(" | "));
});

test("a 上行文 shows 签发人 on the 发文字号 line: the number one character in from the left, the name one in from the right", () => {
  const [p] = layoutDocument(model([para(han(30))], { header: { mark: single("大场镇人民政府文件"), docNumber: "宝大府〔2024〕3号", signer: "陈签发" } }), fonts);
  const [doc] = runs(p.items, "docNumber");
  const signer = runs(p.items, "signer");
  assert.ok(Math.abs(doc.x - (TEXT.left + CHAR_PITCH)) < 0.01, "number one character in from the left");
  assert.deepEqual(signer.map((r) => [r.text, r.font]), [["签发人：", "fang"], ["陈签发", "kai"]]);
  assert.ok(signer.every((r) => Math.abs(r.y - doc.y) < 0.01), "on the same line");
  const name = signer[1];
  assert.ok(Math.abs(name.x + measure(name.text, 16) + 3 * grid - (TEXT_RIGHT - CHAR_PITCH)) < 0.01, "name ends one character in from the right");
});

test("joint issuing: the issuers stacked in red, 文件 beside them and centred on their height; one 署名 per issuer", () => {
  const mark = { names: ["中共大场镇委员会", "大场镇人民政府"], suffix: "文件" };
  const [p] = layoutDocument(
    model([para(han(30))], { header: { mark, docNumber: "宝大委〔2024〕1号" }, signature: { signatories: ["中共上海市宝山区大场镇委员会", "上海市宝山区大场镇人民政府"], date: "2024年2月20日" } }),
    fonts,
  );
  const marks = runs(p.items, "mark");
  assert.deepEqual(marks.map((m) => m.text), ["中共大场镇委员会", "大场镇人民政府", "文件"]);
  assert.ok(marks.every((m) => m.color === "#FF0000"));
  const [a, b, suffix] = marks;
  assert.ok(Math.abs(a.x - b.x) < 0.01, "issuers start together");
  const widthOf = (r: TextRun) => measure(r.text, r.size) + ([...r.text].length - 1) * r.charSpacing;
  assert.ok(Math.abs(widthOf(a) - widthOf(b)) < 0.5, "issuers spread to one width");
  assert.ok(Math.abs(suffix.y - (a.y + b.y) / 2) < 0.01, "文件 centred on the issuers' height");
  assert.ok(suffix.x > a.x + widthOf(a), "文件 to their right");
  assert.ok(Math.abs((a.x + suffix.x + measure("文件", suffix.size)) / 2 - (TEXT.left + TEXT.width / 2)) < 0.5, "the whole centred");
  assert.ok(Math.abs(a.y - 0.88 * a.size - (37 + 35) * MM) < 0.01, "top 35 mm below the 版心's top");
  const signs = runs(p.items, "signatory");
  assert.equal(signs.length, 2);
  const end = (r: TextRun) => r.x + measure(r.text, r.size) + [...r.text].length * grid;
  assert.ok(Math.abs(end(signs[0]) - end(signs[1])) < 0.01, "署名 end together");
  assert.ok(Math.abs(end(signs[0]) - (TEXT_RIGHT - 2 * CHAR_PITCH)) < 0.01);
  const [date] = runs(p.items, "date");
  assert.ok(date.y > signs[1].y && signs[1].y > signs[0].y);
});

test("a run-in heading keeps both faces on one line; the lead-in is bold when the office says so", () => {
  const block: BodyBlock = { kind: "paragraph", level: 2, runs: [{ text: "（一）强化组织领导。", style: "heading2" }, { text: han(60), style: "body" }] };
  const [p] = layoutDocument(model([block]), fonts);
  const body = [...runs(p.items, "body")];
  assert.equal(body[0].font, "kai");
  assert.equal(body[1].font, "fang");
  assert.ok(Math.abs(body[0].y - body[1].y) < 0.01, "one line");
  assert.ok(Math.abs(body[1].x - (body[0].x + measure(body[0].text, 16) + 10 * body[0].charSpacing)) < 0.01, "the text follows the heading");
  const lead: BodyBlock = { kind: "paragraph", level: 3, runs: [{ text: "1．健全领导机制。", style: "lead" }, { text: han(10), style: "body" }] };
  const [q] = layoutDocument(model([lead], { style: { runInBold: true } }), fonts);
  assert.deepEqual(runs(q.items, "body").map((r) => !!r.bold), [true, false]);
});
