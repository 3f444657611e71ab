import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { reportTitle, templateSections, defaultDueDate } from "./template";
import { extractPlanItems, findPlanSection } from "./plan-items";
import { parseReportText } from "../core/text/parse-text";
import { numberTree, flattenTree } from "../core/outline/outline-numbers";

test("the template has the mandated items, numbered, with the year words filled in", () => {
  assert.equal(reportTitle("大场镇", 2023), "关于大场镇2023年法治政府建设的情况报告");
  const sections = templateSections({ officeName: "大场镇", year: 2023, includeOther: true });
  const rows = sections.flatMap((s, i) => [
    { id: `s${i}`, parentId: null, position: i, kind: s.kind, heading: s.heading, content: [] },
    ...s.children.map((c, j) => ({ id: `s${i}-${j}`, parentId: `s${i}`, position: j, kind: c.kind, heading: c.heading, content: [] })),
  ]);
  const lines = flattenTree(numberTree(rows)).filter((n) => n.depth === 1).map((n) => n.label + n.node.heading);
  assert.deepEqual(lines, [
    "导语",
    "一、主要举措和成效",
    "二、存在的不足和原因",
    "三、党政主要负责人履行推进法治建设第一责任人职责情况",
    "四、2024年度主要安排",
    "五、其他需要报告的情况",
  ]);
  assert.equal(sections[1].children.length, 5);
  assert.equal(templateSections({ officeName: "x", year: 2023 }).length, 5, "五、 is optional");
  assert.equal(defaultDueDate(2023), "2024-03-01");
});

test("last year's plans become checklist items", () => {
  const demo = parseReportText(readFileSync(join(process.cwd(), "lib/demo/dachang-2022-report.txt"), "utf8"));
  const plan = findPlanSection(demo.sections)!;
  assert.match(plan.heading, /2023年度推进法治政府建设的主要安排/);
  assert.deepEqual(extractPlanItems({ paragraphs: plan.paragraphs.map((p) => p.text), children: plan.children.map((c) => c.heading) }), [
    "一是全面推动学习贯彻习近平法治思想",
    "二是继续深入推进我镇行政决策科学化、民主化、法治化",
    "三是进一步提升我镇行政执法水平",
    "四是坚持和发展新时代“枫桥经验”",
  ]);
  assert.deepEqual(extractPlanItems({ paragraphs: [], children: ["深化普法"] }), ["深化普法"]);
});
