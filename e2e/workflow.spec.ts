import { test, expect, type Browser, type Page } from "@playwright/test";
import { loginOk, paras, snap } from "./fixtures";

test.describe.configure({ mode: "serial" });

async function person(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginOk(page, username);
  return page;
}

test("the whole path: submit, return with a comment, fix, pass, 核稿, 签发, 印发, with every step recorded", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const drafter = await person(browser, "drafter");
  const drafter2 = await person(browser, "drafter2");
  const reviewer = await person(browser, "reviewer");
  const approver = await person(browser, "approver");
  const admin = await person(browser, "admin");

  // The administrator starts the 2024 report from the 2022 one (its owners carry over).
  await admin.goto("/reports/new");
  await admin.getByLabel("年度", { exact: true }).fill("2024");
  await admin.getByLabel(/上一年度报告（沿用/).selectOption({ label: "2022 · 上海市宝山区大场镇人民政府关于宝山区大场镇2022年法治政府建设的情况报告" });
  await admin.getByRole("button", { name: "创建报告" }).click();
  await expect(admin).toHaveURL(/\/reports\/(?!new$)[a-z0-9]+$/);
  const reportUrl = admin.url();
  const reportId = reportUrl.split("/").pop()!;

  // Each drafter writes their sections (through the same API the editor autosaves to).
  const report = await (await drafter.request.get(`/api/reports/${reportId}`)).json();
  for (const s of report.sections) {
    for (const p of [drafter, drafter2]) {
      const r = await p.request.put(`/api/sections/${s.id}`, { data: { baseVersion: s.version, content: paras(`${s.heading}：本年度工作情况。`) } });
      if (r.ok()) break;
    }
  }

  // Drafters submit.
  for (const p of [drafter, drafter2]) {
    await p.goto(reportUrl);
    await p.getByRole("button", { name: /^提交我负责的全部章节/ }).click();
    await expect(p.getByRole("status").filter({ hasText: /已提交 \d+ 个章节/ })).toBeVisible();
  }

  // The reviewer sees them waiting, returns one with a reason and a comment on a passage.
  await reviewer.goto("/inbox");
  await expect(reviewer.getByTestId("nav-inbox")).toContainText("10");
  const waiting = reviewer.getByRole("region", { name: "待审核的章节" });
  await waiting.getByRole("link", { name: /存在的不足和原因/ }).click();
  const text = reviewer.getByRole("textbox", { name: "正文" });
  await expect(text).toContainText("本年度工作情况");
  await text.selectText();
  await reviewer.getByRole("button", { name: "评论所选文字" }).click();
  await reviewer.getByLabel("发表评论").fill("请补充具体数据。");
  await reviewer.getByRole("button", { name: "发表" }).click();
  await expect(reviewer.getByRole("region", { name: "评论" })).toContainText("请补充具体数据。");
  await reviewer.getByRole("button", { name: "退回修改" }).click();
  await reviewer.getByLabel("退回理由（必填）").fill("缺少具体数据，请补充。");
  await reviewer.getByRole("button", { name: "确认退回" }).click();
  await expect(reviewer.getByTestId("section-status")).toHaveText("退回修改");

  // drafter2 is told, fixes and resubmits.
  await drafter2.goto("/notifications");
  await drafter2.getByRole("link", { name: /被退回修改：缺少具体数据/ }).click();
  await expect(drafter2.getByRole("region", { name: "评论" })).toContainText("退回修改：缺少具体数据，请补充。");
  const editor = drafter2.getByRole("textbox", { name: "正文" });
  await editor.click();
  await drafter2.keyboard.press("End");
  await drafter2.keyboard.type("全年开展执法培训6次。");
  await expect(drafter2.getByTestId("save-status")).toHaveText(/^已保存/);
  await drafter2.getByRole("button", { name: "提交审核" }).click();
  await expect(drafter2.getByRole("button", { name: "撤回" })).toBeVisible();
  await snap(drafter2, testInfo, "resubmitted");

  // The reviewer passes all ten, then submits the whole for 核稿 and passes the 核稿.
  for (let i = 0; i < 10; i++) {
    await reviewer.goto("/inbox");
    const next = reviewer.getByRole("region", { name: "待审核的章节" }).getByRole("link").first();
    await next.click();
    await reviewer.getByRole("button", { name: "通过" }).click();
    await expect(reviewer.getByRole("button", { name: "通过" })).toHaveCount(0);
  }
  await reviewer.goto(reportUrl);
  await expect(reviewer.getByTestId("count-passed")).toHaveText("10");
  await reviewer.getByRole("button", { name: "提交核稿" }).click();
  await expect(reviewer.getByTestId("report-status")).toHaveText("核稿中");
  await reviewer.getByRole("button", { name: "核稿通过" }).click();
  await expect(reviewer.getByTestId("report-status")).toHaveText("待签发");

  // The approver signs off.
  await approver.goto("/inbox");
  await approver.getByRole("region", { name: "待签发的报告" }).getByRole("link").click();
  await approver.getByRole("button", { name: "签发", exact: true }).click();
  await expect(approver.getByTestId("report-status")).toHaveText("已签发");
  await expect(approver.locator("dt", { hasText: /^签发人$/ }).locator("xpath=following-sibling::dd")).toHaveText("陈签发");

  // The text is frozen: an edit through the API is refused.
  const section = report.sections[1];
  const current = await (await drafter.request.get(`/api/sections/${section.id}`)).json();
  const attempt = await drafter.request.put(`/api/sections/${section.id}`, { data: { baseVersion: current.version, content: paras("签发后的修改") } });
  expect(attempt.status()).toBe(409);
  expect((await attempt.json()).error).toMatch(/冻结/);

  // The administrator issues it: the 发文字号 appears.
  await admin.goto(reportUrl);
  await admin.getByRole("button", { name: "印发" }).click();
  const flow = admin.getByRole("region", { name: "报告流转" });
  await flow.getByLabel("抄送").fill("区依法治区办");
  await flow.getByLabel("印数").fill("9");
  await admin.getByRole("button", { name: "确认印发（分配发文字号）" }).click();
  await expect(admin.getByTestId("report-status")).toHaveText("已印发");
  const docNumber = admin.getByText(/^宝大府〔\d{4}〕\d+号$/);
  await expect(docNumber).toBeVisible();
  const number = await docNumber.textContent();
  await snap(admin, testInfo, "issued");

  // Every step is in the 流转记录, readable by the drafter too.
  await drafter.goto(`${reportUrl}/trail`);
  const steps = drafter.getByRole("list", { name: "流转步骤" });
  for (const word of ["创建报告", "提交审核", "评论", "退回修改", "通过", "提交核稿", "核稿通过", "签发", "印发"]) {
    await expect(steps.getByText(word, { exact: true }).first()).toBeVisible();
  }
  await expect(steps).toContainText("理由：缺少具体数据，请补充。");
  await expect(steps).toContainText(`发文字号：${number}`);
  const table = drafter.getByRole("region", { name: "签发单" });
  await expect(table.getByRole("row", { name: /签发 陈签发/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /印发 王管理/ })).toBeVisible();
  const csv = await drafter.request.get(`/api/reports/${reportId}/signoff`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(number!);
  await snap(drafter, testInfo, "trail");
});

test("an illegal step through the API answers 409 with a clear message", async ({ page }) => {
  await loginOk(page, "reviewer");
  const list = await (await page.request.get("/api/reports")).json();
  const published = list.find((r: { status: string }) => r.status === "published");
  const r = await page.request.post(`/api/reports/${published.id}/transitions`, { data: { action: "submitForCheck" } });
  expect(r.status()).toBe(409);
  expect((await r.json()).error).toBe("报告当前为“已公开”，不能提交核稿。");
});
