import { test } from "node:test";
import assert from "node:assert/strict";
import { issueFormLayout, formDate, linesIn, FORM_PAGE, type IssueFormInput } from "./issue-form";

const base: IssueFormInput = {
  issuer: "上海市宝山区大场镇人民政府",
  docNumber: "宝大府〔2023〕8号",
  title: "关于大场镇2022年法治政府建设的情况报告",
  addressee: "区政府",
  copies: 10,
  draft: { person: "王拟稿", unit: "大场镇人民政府办公室", date: "2023-02-10" },
  check: { person: "李核稿", opinion: "同意。", date: "2023-02-12" },
  countersign: [],
  sign: { person: "张签发", opinion: "同意印发。", date: "2023-02-16", ink: [[[0.1, 0.2, 0.5], [0.6, 0.7, 0.5]]] },
};

const labels = (input: IssueFormInput) => issueFormLayout(input).cells.filter((c) => c.kind === "label").map((c) => c.text);

test("the form's rows come in the order of the field list: facts, then 拟稿 → 核稿 → 会签 → 签发", () => {
  assert.deepEqual(labels(base), ["发文机关", "发文字号", "密　　级", "紧急程度", "印　　数", "标　　题", "主　　送", "抄　　送", "拟　　稿", "核　　稿", "签　　发"]);
  const joint = labels({ ...base, countersign: [{ office: "中共大场镇委员会" }, { office: "大场镇人民政府" }] });
  assert.deepEqual(joint.slice(9), ["核　　稿", "会签\n中共大场镇委员会", "会签\n大场镇人民政府", "签　　发"]);
});

test("each value sits beside its label, and each step's cell says who and when; the ink goes with its step", () => {
  const form = issueFormLayout(base);
  const valueOf = (name: string) => {
    const l = form.cells.find((c) => c.kind === "label" && c.text === name)!;
    return form.cells.find((c) => c.kind === "value" && c.y === l.y && c.x === l.x + l.w)!;
  };
  assert.equal(valueOf("发文字号").text, "宝大府〔2023〕8号");
  assert.equal(valueOf("印　　数").text, "10");
  assert.equal(valueOf("拟　　稿").footer, "王拟稿　2023年2月10日");
  assert.equal(valueOf("核　　稿").text, "同意。");
  assert.equal(valueOf("核　　稿").ink, undefined);
  assert.equal(valueOf("签　　发").footer, "张签发　2023年2月16日");
  assert.deepEqual(valueOf("签　　发").ink, base.sign!.ink);
  assert.equal(form.heading, "上海市宝山区大场镇人民政府发文稿纸");
});

test("a report not yet signed prints as far as it goes: empty 核稿 and 签发 cells, no footer", () => {
  const form = issueFormLayout({ ...base, docNumber: undefined, check: undefined, sign: undefined });
  const sign = form.cells.at(-1)!;
  assert.equal(sign.text, "");
  assert.equal(sign.footer, "");
  assert.ok(!form.cells.some((c) => c.text.includes("undefined") || c.footer?.includes("undefined")));
});

test("rows are contiguous, inside the page, and grow with a long title", () => {
  const form = issueFormLayout(base);
  for (const c of form.cells) assert.ok(c.x >= 0 && c.x + c.w <= FORM_PAGE.width + 0.01 && c.y + c.h <= FORM_PAGE.height);
  assert.equal(form.box.y + form.box.h, Math.max(...form.cells.map((c) => c.y + c.h)));
  const long = issueFormLayout({ ...base, title: "关于".repeat(60) });
  const titleRow = (f: typeof form) => f.cells.find((c) => c.text === "标　　题")!.h;
  assert.ok(titleRow(long) > titleRow(form));
});

test("dates in Chinese, lines counted at a full em", () => {
  assert.equal(formDate("2023-02-06"), "2023年2月6日");
  assert.equal(formDate(undefined), "");
  assert.equal(linesIn("一二三四五", 12 * 5 + 12, 12), 1);
  assert.equal(linesIn("一二三四五六", 12 * 5 + 12, 12), 2);
});
