import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseReportText, allParagraphs, splitLines } from "./parse-text";
import { matchHeading } from "./headings";

const demo = readFileSync(join(process.cwd(), "lib/demo/dachang-2022-report.txt"), "utf8");

test("the demo 2022 report parses into its metadata and section tree", () => {
  const { metadata, sections } = parseReportText(demo);
  assert.deepEqual(metadata, {
    headerMark: "大场镇人民政府文件",
    docNumber: "宝大府〔2023〕8号",
    title: "上海市宝山区大场镇人民政府关于宝山区大场镇2022年法治政府建设的情况报告",
    issuer: "上海市宝山区大场镇人民政府",
    issueDate: "2023-02-16",
    copies: 9,
  });
  assert.deepEqual(
    sections.map((s) => [s.kind, s.heading.slice(0, 8), s.children.length]),
    [
      ["intro", "导语", 0],
      ["heading", "大场镇2022年", 5],
      ["heading", "大场镇2022年", 0],
      ["heading", "大场镇主要负责人", 0],
      ["heading", "大场镇2023年", 0],
    ],
  );
  assert.equal(sections[1].children[2].heading, "持续推进严格规范公正文明执法");
  // Every body line of the file is a paragraph of some section: nothing lost.
  assert.equal(allParagraphs(sections).length, 18);
});

test("no body line is lost: paragraphs + headings + metadata lines = all lines", () => {
  const { sections } = parseReportText(demo);
  const count = (list: typeof sections): number =>
    list.reduce((n, s) => n + (s.kind === "heading" ? 1 : 0) + s.paragraphs.length + count(s.children), 0);
  // 33 lines: 6 metadata lines (标志, 字号, 标题, 印发机关, 印发日期, 印数) + 27 in the tree.
  assert.equal(splitLines(demo).length, 33);
  assert.equal(count(sections), 27);
});

test("matchHeading recognises the four levels and the 第一 variants", () => {
  assert.deepEqual(matchHeading("一、主要举措和成效"), { depth: 1, heading: "主要举措和成效", rest: "" });
  assert.deepEqual(matchHeading("（二）依法决策"), { depth: 2, heading: "依法决策", rest: "" });
  assert.deepEqual(matchHeading("(三) 半角括号"), { depth: 2, heading: "半角括号", rest: "" });
  assert.deepEqual(matchHeading("3.法律顾问"), { depth: 3, heading: "法律顾问", rest: "" });
  assert.deepEqual(matchHeading("3．法律顾问"), { depth: 3, heading: "法律顾问", rest: "" });
  assert.deepEqual(matchHeading("（4）合同管理"), { depth: 4, heading: "合同管理", rest: "" });
  assert.deepEqual(matchHeading("第二部分 存在的不足"), { depth: 1, heading: "存在的不足", rest: "" });
  assert.deepEqual(matchHeading("第三、下一步安排"), { depth: 1, heading: "下一步安排", rest: "" });
  // A run-in heading keeps its 。; the text after it stays whole.
  assert.deepEqual(matchHeading("（一）强化组织领导。镇党委定期研究法治工作。"), {
    depth: 2,
    heading: "强化组织领导。",
    rest: "镇党委定期研究法治工作。",
  });
});

test("matchHeading leaves body text alone", () => {
  for (const line of ["2022年，大场镇法治政府建设工作……", "一是行政执法效能有待提高；二是……", "1.5亿元用于……", "第一责任人职责规定，带头做好依法治镇的重要组织者。"]) {
    assert.equal(matchHeading(line), null, line);
  }
});

test("signature, date, 抄送 and a bracketed 发文字号 are read from head and tail", () => {
  const text = [
    "某镇人民政府文件",
    "某府[2024]03号",
    "关于某镇2023年法治政府建设情况的报告",
    "区政府：",
    "导语一段。",
    "一、主要举措",
    "正文。",
    "某镇人民政府",
    "2024年2月20日",
    "抄送：区依法治区办。",
    "某镇人民政府办公室 2024年2月21日印发",
  ].join("\n");
  const { metadata, sections, notes } = parseReportText(text);
  assert.equal(metadata.docNumber, "某府〔2024〕3号");
  assert.equal(metadata.addressee, "区政府");
  assert.equal(metadata.signatory, "某镇人民政府");
  assert.equal(metadata.writtenDate, "2024-02-20");
  assert.equal(metadata.copyTo, "区依法治区办");
  assert.equal(metadata.issuer, "某镇人民政府办公室");
  assert.equal(metadata.issueDate, "2024-02-21");
  assert.equal(sections[0].kind, "intro");
  assert.deepEqual(sections[1].paragraphs, [{ text: "正文。" }]);
  assert.equal(notes.length, 0);
});

test("headings nest by their numbering's level, wherever the text starts", async () => {
  const { buildTree } = await import("./parse-text");
  const shape = (lines: string[]) => {
    const walk = (nodes: ReturnType<typeof buildTree>["roots"]): unknown[] => nodes.map((n) => [n.heading, ...walk(n.children)]);
    return walk(buildTree(lines).roots);
  };
  // A paste that starts at （一）: both （一） and （二） are siblings; 1. sits under （二）.
  assert.deepEqual(shape(["（一）甲", "（二）乙", "1.丙", "（1）丁", "2.戊"]), [["甲"], ["乙", ["丙", ["丁"]], ["戊"]]]);
  // A 1. directly under 一、 nests one below it; the next 二、 closes everything.
  assert.deepEqual(shape(["一、甲", "1.乙", "二、丙"]), [["甲", ["乙"]], ["丙"]]);
  const notes: string[] = [];
  buildTree(["一、甲", "1.乙"], notes);
  assert.equal(notes.length, 1);
});

test("levels 3 and 4: a heading on its own line, a run-in heading, a numbered paragraph; no character but the number moves", () => {
  const { sections } = parseReportText(
    [
      "一、主要举措和成效",
      "（一）坚持党的领导",
      "1．健全领导机制。镇党委、镇政府主要负责人定期研究法治工作。",
      "2．健全工作机制。",
      "3．完善制度建设",
      "（1）围绕新修订的行政复议法，组织专题培训，150余人参加。",
      "1. 聘请法律顾问2名；",
      "（二）强化组织领导。镇党委定期研究法治工作。",
    ].join("\n"),
  );
  const one = sections[0].children[0];
  assert.deepEqual(one.paragraphs.map((p) => [p.text, p.level, !!p.runIn, p.sourceNumber]), [
    ["健全领导机制。镇党委、镇政府主要负责人定期研究法治工作。", 3, true, "1．"],
    ["健全工作机制。", 3, false, "2．"],
  ]);
  const own = one.children[0];
  assert.deepEqual([own.heading, own.sourceNumber], ["完善制度建设", "3．"]);
  assert.deepEqual(own.paragraphs.map((p) => [p.text, p.level]), [
    ["围绕新修订的行政复议法，组织专题培训，150余人参加。", 4],
    ["聘请法律顾问2名；", 3],
  ]);
  const two = sections[0].children[1];
  assert.deepEqual([two.heading, two.runIn, two.paragraphs.map((p) => p.text)], ["强化组织领导。", true, ["镇党委定期研究法治工作。"]]);
});
