import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_PARTS, matchParts, missingParts } from "../core/district/required-parts";
import { daysLate, defaultPublishDue, defaultSubmitDue } from "./calendar";
import { carriedOverShare, sentencesOf } from "../core/text/similarity";

const top = (id: string, heading: string, hasText = true) => ({ id, heading, hasText });

test("parts are matched by their keywords, in the report's own words", () => {
  const got = matchParts([
    top("a", "一、2023年度推进法治政府建设的主要举措和成效", false),
    top("b", "二、存在的问题和原因"),
    top("c", "三、党政主要负责人履行推进法治建设第一责任人职责情况"),
    top("d", "四、2024年工作打算"),
  ]);
  assert.deepEqual(got.map((m) => [m.part.key, m.sectionId, m.state]), [
    ["measures", "a", "empty"], ["shortcomings", "b", "present"], ["leaders", "c", "present"], ["plans", "d", "present"], ["other", null, "missing"],
  ]);
  // An empty heading is missing its part; the optional fifth part is not asked for.
  assert.deepEqual(missingParts(got), ["主要举措和成效"]);
});

test("a heading worded differently is mapped by hand; a missing part is named", () => {
  const sections = [top("a", "一、围绕中心服务大局"), top("b", "二、短板弱项"), top("c", "三、明年思路")];
  assert.deepEqual(missingParts(matchParts(sections)), ["主要举措和成效", "存在的不足和原因", "党政主要负责人履行第一责任人职责情况", "下一年度主要安排"]);
  const mapped = matchParts(sections, DEFAULT_PARTS, { measures: "a", shortcomings: "b", plans: "c" });
  assert.deepEqual(missingParts(mapped), ["党政主要负责人履行第一责任人职责情况"]);
  // A section mapped to one part is not matched again by another part's keywords.
  assert.equal(matchParts([top("x", "主要举措和下一步安排")], DEFAULT_PARTS, { plans: "x" }).find((m) => m.part.key === "measures")!.state, "missing");
});

test("one section counts for one part unless the town says why it covers several", () => {
  const sections = [top("a", "一、工作情况"), top("b", "二、明年思路")];
  const threeInOne = { measures: "a", shortcomings: "a", leaders: "a", plans: "b" };
  const gamed = matchParts(sections, DEFAULT_PARTS, threeInOne);
  assert.deepEqual(gamed.map((m) => [m.part.key, m.state, m.sharedWith ?? null]), [
    ["measures", "present", null], ["shortcomings", "shared", "主要举措和成效"], ["leaders", "shared", "主要举措和成效"], ["plans", "present", null], ["other", "missing", null],
  ]);
  assert.deepEqual(missingParts(gamed), ["存在的不足和原因", "党政主要负责人履行第一责任人职责情况"]);
  // With the town's reason, the section covers all three.
  assert.deepEqual(missingParts(matchParts(sections, DEFAULT_PARTS, threeInOne, "本镇把工作情况、不足和履职情况合为一节。")), []);
  assert.deepEqual(missingParts(matchParts(sections, DEFAULT_PARTS, threeInOne, "  ")), ["存在的不足和原因", "党政主要负责人履行第一责任人职责情况"], "a blank reason is no reason");
});

test("deadlines: 1 March and 1 April of the next year; a leap year and a weekend change nothing", () => {
  assert.equal(defaultSubmitDue(2023), "2024-03-01");
  assert.equal(defaultPublishDue(2023), "2024-04-01");
  // 2024 is a leap year: 29 February is the last day before the deadline, not after it.
  assert.equal(daysLate("2024-03-01", null, "2024-02-29"), 0);
  assert.equal(daysLate("2024-03-01", null, "2024-03-02"), 1);
  assert.equal(daysLate("2025-03-01", null, "2025-03-03"), 2, "1 March 2025 is a Saturday; the deadline stands");
  // Done: late by the days between the deadline and the day it was done, whatever today is.
  assert.equal(daysLate("2024-04-01", "2024-04-05", "2024-12-31"), 4);
  assert.equal(daysLate("2024-04-01", "2024-03-20", "2024-12-31"), 0);
});

test("similarity: the share of this year's sentences carried over, a changed year still counting as carried", () => {
  const last = "2023年，全镇开展执法培训6次。组织法治讲座12场；完成合同审查45件。";
  assert.deepEqual(sentencesOf("  开展 培训 6 次。"), ["开展培训6次"]);
  assert.equal(carriedOverShare("2024年，全镇开展执法培训6次。组织法治讲座12场。新增普法阵地3处。", last), 2 / 3);
  assert.equal(carriedOverShare(last, last), 1);
  assert.equal(carriedOverShare("全新的内容写法。", last), 0);
  assert.equal(carriedOverShare("", last), 0);
});

test("the district edits its parts as lines of name｜keywords｜必需/可选; the regulation's five read back the same", async () => {
  const { parsePartsText, partsToText } = await import("../core/district/required-parts");
  assert.deepEqual(parsePartsText(partsToText(DEFAULT_PARTS)), { parts: [...DEFAULT_PARTS] });
  // In English the syntax's words are English, and read back the same.
  const english = partsToText(DEFAULT_PARTS, "en");
  assert.match(english.split("\n")[0], /^主要举措和成效 \| 主要举措, 举措和成效, 主要做法, 工作成效 \| required$/);
  assert.match(english, /\| optional$/);
  assert.doesNotMatch(english, /必需|可选|｜/);
  assert.deepEqual(parsePartsText(english), { parts: [...DEFAULT_PARTS] });
  const edited = parsePartsText("主要举措和成效｜举措、成效\n法治督察整改情况｜督察、整改｜可选");
  assert.ok("parts" in edited);
  assert.deepEqual(edited.parts.map((p) => [p.key, p.required]), [["measures", true], ["shortcomings", false]]);
  assert.deepEqual(parsePartsText("只有名称"), { error: { key: "district.partsLine", params: { line: 1 } } });
  const { say } = await import("../core/i18n/messages");
  assert.equal(say("zh", { key: "district.partsLine", params: { line: 1 } }), "第 1 行应写作“名称｜关键词、关键词｜必需或可选”。");
});
