import { test, expect } from "@playwright/test";
import { loginOk, open2022Report, snap } from "./fixtures";

test("the demo 2022 report reads as a numbered, read-only document", async ({ page }, testInfo) => {
  await loginOk(page, "drafter");
  await open2022Report(page);
  await expect(page.getByText("大场镇人民政府文件")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("上海市宝山区大场镇人民政府关于宝山区大场镇2022年法治政府建设的情况报告");
  await expect(page.getByText("宝大府〔2023〕8号")).toBeVisible();
  await expect(page.getByTestId("report-status")).toHaveText("已公开");
  const headings = page.getByRole("heading", { level: 2 });
  await expect(headings).toHaveText([
    "导语",
    "一、大场镇2022年度推进法治政府建设的主要举措和成效",
    "二、大场镇2022年度推进法治政府建设存在的不足和原因",
    "三、大场镇主要负责人2022年度履行推进法治政府建设第一责任人职责，加强法治政府建设的有关情况",
    "四、大场镇2023年度推进法治政府建设的主要安排",
  ]);
  await expect(page.getByRole("heading", { level: 3 })).toHaveText([
    "（一）坚持党的全面领导，切实推进法治政府工作建设",
    "（二）持续推进政府职能转变和优化",
    "（三）持续推进严格规范公正文明执法",
    "（四）继续加强行政权力监督工作",
    "（五）持续优化公共法律服务质量",
  ]);
  await expect(page.getByText(/全年行政诉讼案件13件/)).toBeVisible();
  // Read-only: nothing to type into.
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await snap(page, testInfo, "report-2022");
});

test("the district reader reads the town's published report", async ({ page }) => {
  await loginOk(page, "district");
  await open2022Report(page);
  await expect(page.getByRole("heading", { name: "（三）持续推进严格规范公正文明执法" })).toBeVisible();
});
