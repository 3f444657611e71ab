import { test, expect } from "@playwright/test";
import { loginOk, open2022Report, snap } from "./fixtures";

test("the issued report downloads as PDF, Word and OFD named by its 发文字号, and previews page by page", async ({ page }, testInfo) => {
  await loginOk(page, "drafter");
  const id = await open2022Report(page);
  const pdf = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 PDF" }).click();
  const file = await pdf;
  expect(file.suggestedFilename()).toBe("宝大府〔2023〕8号上海市宝山区大场镇人民政府关于宝山区大场镇2022年法治政府建设的情况报告.pdf");
  const bytes = await (await page.request.get(`/api/reports/${id}/export?format=pdf`)).body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const docx = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 Word" }).click();
  expect((await docx).suggestedFilename()).toMatch(/^宝大府〔2023〕8号.*\.docx$/);
  const ofd = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 OFD" }).click();
  expect((await ofd).suggestedFilename()).toBe(file.suggestedFilename().replace(/\.pdf$/, ".ofd"));
  const ofdRes = await page.request.get(`/api/reports/${id}/export?format=ofd`);
  expect(ofdRes.headers()["content-type"]).toBe("application/ofd");
  expect((await ofdRes.body()).subarray(0, 2).toString()).toBe("PK");

  await page.getByRole("link", { name: "版式预览" }).click();
  const pages = page.getByRole("img", { name: /^第 \d+ 页$/ });
  await expect(pages.first()).toBeVisible();
  expect(await pages.count()).toBeGreaterThanOrEqual(5);
  await expect(pages.first().locator('[data-role="mark"]')).toHaveText("大场镇人民政府文件");
  await expect(pages.first().locator('[data-role="docNumber"]')).toHaveText("宝大府〔2023〕8号");
  await snap(page, testInfo, "preview");
  const bad = await page.request.get(`/api/reports/${id}/export?format=exe`);
  expect(bad.status()).toBe(400);
});

test("the public page needs no login and shows only what is published", async ({ page, browser }, testInfo) => {
  await loginOk(page, "drafter");
  const id = await open2022Report(page);
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  const res = await visitor.goto(`/public/reports/${id}`);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["content-security-policy"]).toContain("default-src 'none'");
  // Caches ask again every time: an unchanged page costs a 304, a withdrawn one is gone at once.
  expect(res?.headers()["cache-control"]).toBe("no-cache");
  const etag = res!.headers()["etag"];
  expect(etag).toMatch(/^"[\w-]+"$/);
  expect((await anonymous.request.get(`/public/reports/${id}`, { headers: { "if-none-match": etag } })).status()).toBe(304);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("上海市宝山区大场镇人民政府关于宝山区大场镇2022年法治政府建设的情况报告");
  await expect(visitor.getByText("宝大府〔2023〕8号", { exact: true })).toBeVisible();
  await expect(visitor.getByRole("heading", { level: 3, name: "（一）坚持党的全面领导，切实推进法治政府工作建设" })).toBeVisible();
  await visitor.setViewportSize({ width: 390, height: 844 });
  await snap(visitor, testInfo, "public-phone");
  // A report that is not published has no public page, and a draft's download says 草稿.
  const list = await (await page.request.get("/api/reports")).json();
  const draft = list.find((r: { status: string }) => r.status === "drafting");
  if (draft) {
    expect((await visitor.goto(`/public/reports/${draft.id}`))?.status()).toBe(404);
    const d = await page.request.get(`/api/reports/${draft.id}/export?format=docx`);
    expect(decodeURIComponent(d.headers()["content-disposition"])).toContain("草稿-");
  }
  expect((await visitor.goto("/public/reports/nonexistent"))?.status()).toBe(404);
  await anonymous.close();
});

test("the administrator sets the 主送机关 and it appears in the layout", async ({ page }) => {
  await loginOk(page, "admin");
  await page.goto("/reports/new");
  await page.getByLabel("年度", { exact: true }).fill("2036");
  await page.getByLabel("从规定模板").check();
  await page.getByRole("button", { name: "创建报告" }).click();
  await expect(page).toHaveURL(/\/reports\/(?!new$)[a-z0-9]+$/);
  await page.getByText(/编辑报告信息/).click();
  const info = page.locator("details").filter({ hasText: "编辑报告信息" });
  await info.getByLabel("主送机关（如：区政府）").fill("区政府");
  await info.getByLabel("印数").fill("abc");
  await page.getByRole("button", { name: "保存报告信息" }).click();
  await expect(page.getByRole("status").filter({ hasText: "印数" })).toBeVisible();
  await info.getByLabel("印数").fill("9");
  // 报送截止 is picked from a calendar, and reads YYYY-MM-DD.
  await info.getByRole("button", { name: "选择日期" }).click();
  const calendar = page.getByRole("dialog", { name: "报送截止（YYYY-MM-DD）：日历" });
  await calendar.getByRole("combobox", { name: "选择年份" }).selectOption("2037");
  await calendar.getByRole("combobox", { name: "选择月份" }).selectOption("2");
  await calendar.getByRole("button", { name: /2037年3月2日/ }).click();
  await expect(calendar).toHaveCount(0);
  await expect(info.getByLabel("报送截止（YYYY-MM-DD）")).toHaveValue("2037-03-02");
  await page.getByRole("button", { name: "保存报告信息" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();
  await expect(page.getByTestId("deadline")).toBeVisible();
  await expect(page.locator("dt", { hasText: /^报送截止/ }).locator("xpath=following-sibling::dd")).toHaveText("2037-03-02");
  await page.getByRole("link", { name: "版式预览" }).click();
  await expect(page.locator('[data-role="addressee"]')).toHaveText("区政府：");
});

test("an export that must wait in line says how many are ahead, then downloads when its turn comes", async ({ page }, testInfo) => {
  await loginOk(page, "drafter");
  await open2022Report(page);
  // The server's answers while two and then one export render before this one (as
  // tests/integration/export.test.ts makes a real line); then the real file.
  const ahead = [2, 1];
  await page.route(/\/api\/reports\/[a-z0-9]+\/export\?format=ofd$/, async (route) => {
    const n = ahead.shift();
    if (n === undefined) return route.continue();
    await route.fulfill({ status: 202, headers: { "retry-after": "3" }, contentType: "application/json", body: JSON.stringify({ queued: true, ahead: n }) });
  });
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 OFD" }).click();
  const status = page.getByRole("status").filter({ hasText: "排队中" });
  await expect(status).toHaveText("排队中，前面还有 2 个导出，轮到时自动下载…");
  await snap(page, testInfo, "export-queued");
  await expect(status).toHaveText("排队中，前面还有 1 个导出，轮到时自动下载…");
  expect((await download).suggestedFilename()).toBe("宝大府〔2023〕8号上海市宝山区大场镇人民政府关于宝山区大场镇2022年法治政府建设的情况报告.ofd");
  await expect(page.getByText("排队中")).toHaveCount(0);
});
