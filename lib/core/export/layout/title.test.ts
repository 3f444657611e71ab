import { test } from "node:test";
import assert from "node:assert/strict";
import { breakTitle, keepTerms, words } from "./title";
import { TITLE_TERMS, parseTitleTerms } from "./title-terms";
import { SIZE, TITLE_WIDTH } from "./geometry";

// A stand-in font: full-width characters are 1 em, half-width ones 0.5 em (18 characters a title line).
const measure = (text: string, size: number) => [...text].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 0.5 : 1) * size, 0);
const lines = (title: string, terms: string[] = []) => breakTitle(title, SIZE.title, TITLE_WIDTH, measure, terms);

/** Real titles of 法治政府建设 reports (towns, districts, joint issuers, 《》, years), and the lines expected where stated. */
const TITLES: { title: string; expect?: string[] }[] = [
  { title: "青溪镇人民政府关于2024年度法治政府建设情况的报告", expect: ["青溪镇人民政府", "关于2024年度法治政府建设情况的报告"] },
  { title: "大场镇人民政府关于2023年法治政府建设情况的报告", expect: ["大场镇人民政府", "关于2023年法治政府建设情况的报告"] },
  { title: "上海市宝山区青溪镇人民政府关于青溪镇2024年度法治政府建设情况的报告" },
  { title: "上海市宝山区大场镇人民政府关于宝山区大场镇2022年法治政府建设的情况报告" },
  { title: "关于2024年度法治政府建设情况的报告", expect: ["关于2024年度法治政府建设情况的报告"] },
  { title: "关于大场镇2023年法治政府建设的情况报告", expect: ["关于大场镇2023年", "法治政府建设的情况报告"] },
  { title: "宝山区人民政府关于2023年度法治政府建设工作情况的报告", expect: ["宝山区人民政府关于2023年度", "法治政府建设工作情况的报告"] },
  { title: "中共上海市宝山区大场镇委员会 上海市宝山区大场镇人民政府关于2024年度法治政府建设情况的报告", expect: ["中共上海市宝山区大场镇委员会", "上海市宝山区大场镇人民政府", "关于2024年度法治政府建设情况的报告"] },
  { title: "中共青溪镇委员会 青溪镇人民政府关于2024年度法治建设情况的报告" },
  { title: "关于贯彻落实《法治政府建设实施纲要（2021—2025年）》情况的报告" },
  { title: "关于贯彻落实《法治政府建设实施纲要》全面推进依法行政工作情况的报告" },
  { title: "青溪镇人民政府关于2024年度推进综合行政执法改革工作情况的报告" },
  { title: "区司法局关于2024年度行政复议和行政诉讼工作情况的报告", expect: ["区司法局关于2024年度", "行政复议和行政诉讼工作情况的报告"] },
  { title: "青溪镇人民政府关于2024年度规范性文件合法性审查工作情况的报告" },
  { title: "关于2024年度重大行政决策合法性审查情况的报告", expect: ["关于2024年度", "重大行政决策合法性审查情况的报告"] },
  { title: "青溪镇人民政府关于2024年度公共法律服务体系建设情况的报告" },
  { title: "青溪镇人民政府关于开展“八五”普法中期评估工作情况的报告" },
  { title: "宝山区人民政府办公室关于2024年度依法行政工作情况的报告", expect: ["宝山区人民政府办公室", "关于2024年度依法行政工作情况的报告"] },
  { title: "青溪镇关于落实党政主要负责人履行推进法治建设第一责任人职责情况的报告" },
  { title: "大场镇人民政府关于2024年度行政执法工作情况和2025年工作安排的报告" },
  { title: "关于青溪镇2024年法治政府建设工作情况及2025年工作思路的报告" },
  { title: "青溪镇街道办事处关于2024年度行政执法三项制度落实情况的报告" },
  { title: "中共宝山区委全面依法治区委员会办公室关于2024年度依法治区工作情况的报告" },
  { title: "青溪镇人民政府关于2024年度行政机关负责人出庭应诉工作情况的报告" },
];

/** Every term found in the title, with where it starts. */
function termsIn(title: string, terms: readonly string[]): { term: string; at: number }[] {
  const found: { term: string; at: number }[] = [];
  for (const term of terms) for (let i = title.indexOf(term); i >= 0; i = title.indexOf(term, i + 1)) found.push({ term, at: i });
  return found;
}

test("at least 40 terms of the trade ship", () => {
  assert.ok(TITLE_TERMS.length >= 40, String(TITLE_TERMS.length));
  for (const t of ["法治政府", "依法行政", "行政执法", "法治政府建设", "合法性审查", "行政复议", "行政诉讼", "人民政府", "法治建设", "依法治国", "规范性文件", "重大行政决策", "公共法律服务", "普法", "综合行政执法"]) {
    assert.ok(TITLE_TERMS.includes(t), t);
  }
});

test("real titles: every character in order, each line within the measure, no term split", () => {
  assert.ok(TITLES.length >= 20);
  for (const { title, expect } of TITLES) {
    const got = lines(title);
    const joined = got.join("");
    assert.equal(joined.replace(/\s/g, ""), title.replace(/\s/g, ""), title);
    for (const l of got) assert.ok(measure(l, SIZE.title) <= TITLE_WIDTH + 0.01, `too wide: ${got.join(" | ")}`);
    // Offsets (in the title without spaces) where a line ends.
    const ends = got.slice(0, -1).reduce<number[]>((acc, l) => [...acc, (acc.at(-1) ?? 0) + l.replace(/\s/g, "").length], []);
    const flat = title.replace(/\s/g, "");
    for (const { term, at } of termsIn(flat, TITLE_TERMS)) {
      assert.ok(!ends.some((e) => e > at && e < at + term.length), `${term} split: ${got.join(" | ")}`);
    }
    if (process.env.SHOW_TITLES) console.log(got.join(" | "));
    if (expect) assert.deepEqual(got, expect, title);
  }
});

test("the office name and its 关于… are where the line breaks, never 关于 at a line's end", () => {
  // 关于 ends a line only as a last resort: when "office | 关于…" would not fit in as many lines.
  for (const { title } of TITLES) {
    const got = lines(title);
    const i = got.findIndex((l, n) => n < got.length - 1 && l.endsWith("关于"));
    if (i < 0) continue;
    const rest = got.slice(i + 1).join("");
    assert.ok(measure("关于" + rest, SIZE.title) > TITLE_WIDTH * (got.length - 1 - i), `${title}: ${got.join(" | ")}`);
  }
  assert.deepEqual(lines("上海市宝山区青溪镇人民政府关于青溪镇2024年度法治政府建设情况的报告"), ["上海市宝山区青溪镇人民政府关于", "青溪镇2024年度法治政府建设情况的报告"]);
  // Joint issuers stay on their line; a place name is not parted from its office (上海市 | 宝山区…).
  assert.deepEqual(lines("中共青溪镇委员会 青溪镇人民政府关于2024年度法治建设情况的报告"), ["中共青溪镇委员会 青溪镇人民政府", "关于2024年度法治建设情况的报告"]);
});

test("an office's own terms are kept whole too", () => {
  const title = "青溪镇人民政府关于2024年度枫桥经验推广和诉源治理工作情况的报告";
  const own = parseTitleTerms(" 枫桥经验 \r\n\n诉源治理\n");
  assert.deepEqual(own, ["枫桥经验", "诉源治理"]);
  assert.ok(keepTerms(words("枫桥经验"), own).length === 1);
  for (const ends of [lines(title, own)]) {
    const joined = ends.slice(0, -1).map((l) => l.slice(-2));
    assert.ok(!joined.some((e) => e === "枫桥" || e === "诉源"), ends.join(" | "));
  }
});

test("the term list holds across pieces ICU splits: 法治|政府|建设 is one piece", () => {
  assert.deepEqual(keepTerms(["关于", "2024年度", "法治", "政府", "建设", "情况"]), ["关于", "2024年度", "法治政府建设", "情况"]);
});
