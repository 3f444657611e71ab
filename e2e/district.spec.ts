// The level above, as its people use it: the district's overview of its three towns,
// 催办, and a report sent up (报送), returned with a reason (退回), corrected, signed and
// issued again, sent again and received (签收) — then published again.
import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { open2022Report, person, snap } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("the overview shows each town's 2022 report where it stands, at 1366 px too; 催办 reaches who can act; the table downloads", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const district = await person(browser, "district");
  await district.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "各镇总览" }).click();
  await district.getByLabel("年度", { exact: true }).fill("2022");
  await district.getByRole("button", { name: "查看" }).click();
  const row = (code: string) => district.getByTestId(`town-${code}`);
  await expect(row("dachang")).toContainText("已公开");
  await expect(row("dachang")).toContainText("无缺项");
  await expect(row("miaohang")).toContainText("未建报告");
  await expect(row("yanghang")).toContainText("起草中");
  await expect(row("yanghang")).toContainText("党政主要负责人履行第一责任人职责情况");
  await snap(district, testInfo, "district-overview");

  // At 1366 px, a common office screen, no town's name wraps.
  await district.setViewportSize({ width: 1366, height: 768 });
  for (const code of ["dachang", "miaohang", "yanghang"]) {
    const lines = await row(code).getByRole("rowheader").evaluate((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, `${code}'s name on one line`).toBe(1);
  }
  await snap(district, testInfo, "district-overview-1366");

  // Sorted by status, the drafting town comes first.
  await district.getByRole("link", { name: "状态" }).click();
  await expect(district.getByRole("row").nth(1)).toContainText("庙行镇");

  await row("dachang").getByRole("button", { name: "催办 大场镇" }).click();
  await expect(row("dachang").getByRole("status")).toContainText("已催办");
  const admin = await person(browser, "admin");
  await admin.goto("/notifications");
  await expect(admin.getByText(/宝山区催办：请抓紧完成2022年度法治政府建设报告/)).toBeVisible();
  // 庙行镇 has no administrator and no report yet: its reviewer, who can start one, is told.
  await row("miaohang").getByRole("button", { name: "催办 庙行镇" }).click();
  await expect(row("miaohang").getByRole("status")).toHaveText("已催办（通知 1 人）");
  const other = await person(browser, "other");
  await other.goto("/notifications");
  await expect(other.getByText(/宝山区催办：请抓紧完成2022年度法治政府建设报告/)).toBeVisible();
  // 杨行镇 has nobody to tell: the district is told so, not "notified 0 people".
  await row("yanghang").getByRole("button", { name: "催办 杨行镇" }).click();
  await expect(row("yanghang").getByRole("status")).toContainText("未催办：杨行镇没有可以接收的人员");

  const [download] = await Promise.all([district.waitForEvent("download"), district.getByRole("link", { name: "导出 CSV" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv).toContain("杨行镇");
  expect(csv).toContain("3 个镇，2 份报告");
});

test("报送, 退回 with a reason, corrected and signed again, sent again, 签收; then published again, and the 专栏 looks like the public page", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const admin = await person(browser, "admin");
  const approver = await person(browser, "approver");
  const district = await person(browser, "district");
  const reportId = await open2022Report(admin);
  const reportUrl = `/reports/${reportId}`;

  // The town sends its issued report up, and the page says so without a reload.
  const requests: string[] = [];
  admin.on("request", (r) => { if (r.isNavigationRequest()) requests.push(r.url()); });
  await admin.getByRole("button", { name: "报送", exact: true }).click();
  // Making the PDF takes seconds (more on a busy machine): the button says so meanwhile, then the page shows the sending.
  await expect(admin.getByTestId("send-state")).toContainText("报送宝山区，待签收", { timeout: 60_000 });
  expect(requests, "no reload").toEqual([]);

  // The district finds it in 收文 with its number and fingerprint, and returns it.
  await district.goto("/district/inbox");
  const item = district.getByRole("listitem").filter({ hasText: "宝大府〔2023〕8号" }).first();
  await expect(item).toContainText("内容指纹");
  const [sentPdf] = await Promise.all([district.waitForEvent("download"), item.getByRole("link", { name: "下载报送的 PDF" }).click()]);
  expect(sentPdf.suggestedFilename()).toMatch(/^宝大府〔2023〕8号.*\.pdf$/);
  expect(readFileSync((await sentPdf.path())!).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await item.getByRole("button", { name: "退回" }).click();
  await item.getByLabel("退回理由（必填）").fill("第三部分请补充主要负责人述法情况。");
  await item.getByRole("button", { name: "确认退回" }).click();
  await expect(item.getByTestId("submission-status")).toHaveText("已退回");

  // The town reads why on top; it cannot send again until it has signed and issued again.
  await admin.goto(reportUrl);
  await expect(admin.getByTestId("send-reason")).toContainText("第三部分请补充主要负责人述法情况。");
  await expect(admin.getByRole("button", { name: "报送", exact: true })).toBeDisabled();
  await snap(admin, testInfo, "district-returned");

  // Back through its own steps: 公开 → 印发 → 签发 (administrator, then the approver), signed and issued again.
  const back = async (page: Page, reason: string) => {
    await page.goto(reportUrl);
    await page.getByRole("region", { name: "报告流转" }).getByRole("button", { name: "退回", exact: true }).click();
    await page.getByLabel("退回理由（必填）").fill(reason);
    await page.getByRole("button", { name: "确认退回" }).click();
  };
  await back(admin, "区里退回，撤回公开。");
  await expect(admin.getByTestId("report-status")).toHaveText("已印发");
  await back(admin, "区里退回，重新签发。");
  await expect(admin.getByTestId("report-status")).toHaveText("已签发");
  await back(approver, "区里退回，重新签发。");
  await expect(approver.getByTestId("report-status")).toHaveText("待签发");
  await approver.getByRole("button", { name: "签发", exact: true }).click();
  const sign = approver.getByRole("dialog", { name: "签发" });
  await sign.getByLabel("签发意见").fill("按区里意见核改后同意印发。");
  await sign.getByLabel("主送机关", { exact: true }).fill("宝山区人民政府");
  await sign.getByRole("button", { name: "确认签发" }).click();
  await expect(approver.getByTestId("report-status")).toHaveText("已签发");
  await admin.goto(reportUrl);
  await admin.getByRole("button", { name: "印发" }).click();
  await admin.getByRole("button", { name: "确认印发（分配发文字号）" }).click();
  await expect(admin.getByTestId("report-status")).toHaveText("已印发");
  await expect(admin.getByText("宝大府〔2023〕8号", { exact: true })).toBeVisible();

  // Sent again, received.
  await admin.getByRole("button", { name: "报送", exact: true }).click();
  await expect(admin.getByTestId("send-state")).toContainText("待签收", { timeout: 60_000 });
  await district.goto("/district/inbox");
  const again = district.getByRole("listitem").filter({ hasText: "待签收" }).first();
  await again.getByRole("button", { name: "签收" }).click();
  await expect(district.getByTestId("submission-status").first()).toHaveText("已签收");
  await expect(district.getByTestId("submission-status").nth(1)).toHaveText("已退回");
  await snap(district, testInfo, "district-inbox");
  await admin.goto(reportUrl);
  await expect(admin.getByTestId("send-state")).toContainText("宝山区已签收");

  // Published again, through the preview.
  await admin.getByRole("button", { name: "公开", exact: true }).click();
  await admin.getByLabel("审查人").fill("王保密");
  await admin.getByRole("button", { name: "确认公开" }).click();
  await expect(admin.getByTestId("report-status")).toHaveText("已公开");
  // The public 专栏 pages list it, logged out: the town's own and the district's.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/public/dachang");
  await expect(visitor.getByRole("link", { name: /关于宝山区大场镇2022年法治政府建设的情况报告/ })).toBeVisible();
  await visitor.goto("/public/baoshan");
  await expect(visitor.getByRole("region", { name: "大场镇" }).getByRole("link", { name: /关于宝山区大场镇2022年法治政府建设的情况报告/ })).toHaveCount(1);
  await expect(visitor.getByRole("region", { name: "杨行镇" })).toContainText("尚无公开的报告。");
  await visitor.getByRole("region", { name: "大场镇" }).getByRole("link", { name: /关于宝山区大场镇2022年法治政府建设的情况报告/ }).click();
  const published = visitor.getByRole("complementary", { name: "发布信息" });
  await expect(published).toContainText("发文字号：宝大府〔2023〕8号");
  await expect(published).toContainText(/内容指纹（SHA-256）：[0-9a-f]{64}/);
  await snap(visitor, testInfo, "public-page");
  // The 专栏 looks like the report's public page: the red mark and rule over the title, the white sheet.
  const look = async (page: Page) => page.evaluate(() => {
    const mark = document.querySelector(".mark");
    const style = (e: Element | null) => (e ? getComputedStyle(e) : null);
    return {
      mark: mark ? [style(mark)!.color, style(mark)!.fontWeight, style(mark)!.textAlign] : null,
      rule: style(document.querySelector("hr.red"))?.borderTopColor ?? null,
      title: [style(document.querySelector("h1"))!.fontFamily, style(document.querySelector("h1"))!.textAlign],
      sheet: [style(document.querySelector("article"))!.backgroundColor, style(document.querySelector("article"))!.maxWidth],
    };
  });
  const reportLook = await look(visitor);
  await visitor.goto("/public/dachang");
  await expect(visitor.getByText("上海市宝山区大场镇人民政府", { exact: true })).toBeVisible();
  expect(await look(visitor)).toEqual(reportLook);
  await snap(visitor, testInfo, "public-column");
  // Both offices' records show each step.
  await admin.goto(`${reportUrl}/trail`);
  const steps = admin.getByRole("list", { name: "流转步骤" });
  for (const word of ["报送", "上级退回", "签收"]) await expect(steps.getByText(word, { exact: true }).first()).toBeVisible();
});

test("a section counts for one required part: three parts on one section are not all present until the town says why, and the overview shows why", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const reviewer = await person(browser, "reviewer");
  await reviewer.goto("/reports/new");
  await reviewer.getByLabel("年度", { exact: true }).fill("2048");
  await reviewer.getByLabel("章节负责人").selectOption({ label: "李起草" });
  await reviewer.getByLabel("导入 Word 或粘贴文字").check();
  await reviewer.getByLabel("或粘贴报告全文").fill("大场镇人民政府关于2048年度法治政府建设情况的报告\n一、工作情况\n本年度开展执法培训。\n二、明年思路\n继续推进。");
  await reviewer.getByRole("button", { name: "识别预览" }).click();
  await reviewer.getByRole("button", { name: "确认导入并创建报告" }).click();
  await expect(reviewer).toHaveURL(/\/reports\/(?!new$)[a-z0-9]+$/);
  const parts = reviewer.getByRole("region", { name: "规定部分（按上级要求）" });
  for (const part of ["主要举措和成效", "存在的不足和原因", "党政主要负责人履行第一责任人职责情况"]) {
    await parts.getByLabel(`“${part}”对应的章节`).selectOption({ label: "一、工作情况" });
  }
  await parts.getByLabel("“下一年度主要安排”对应的章节").selectOption({ label: "二、明年思路" });
  await expect(parts.getByTestId("part-leaders")).toContainText("未计入");
  await expect(parts.getByTestId("part-shortcomings")).toContainText("与“主要举措和成效”是同一章节");
  await expect(parts.getByTestId("part-measures")).toContainText("已有");

  const district = await person(browser, "district");
  await district.goto("/district?year=2048");
  await expect(district.getByTestId("town-dachang")).toContainText("2/4");
  await expect(district.getByTestId("town-dachang")).toContainText("存在的不足和原因");

  await parts.getByLabel(/^一节涵盖多个规定部分的说明/).fill("本镇将工作成效、不足和主要负责人履职情况合写于第一部分。");
  await parts.getByRole("button", { name: "保存说明" }).click();
  await expect(parts.getByTestId("part-leaders")).toContainText("已有");
  await district.reload();
  await expect(district.getByTestId("town-dachang")).toContainText("4/4");
  await expect(district.getByTestId("parts-reason")).toHaveText("一节涵盖多个部分的说明：本镇将工作成效、不足和主要负责人履职情况合写于第一部分。");
  await snap(reviewer, testInfo, "parts-shared");
  await snap(district, testInfo, "district-parts-reason");
});
