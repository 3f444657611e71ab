// The smaller dead ends of a town office's journeys, each driven as the role meets it.
import { test, expect } from "@playwright/test";
import { DEMO_PASSWORD, loginOk, paras, person, snap, templateReport } from "./fixtures";

test("a drafter is not offered 新建报告, and is told who creates reports", async ({ page }) => {
  await loginOk(page, "drafter");
  await expect(page.getByRole("link", { name: "新建报告" })).toHaveCount(0);
  await page.goto("/reports/new");
  await expect(page.getByText("报告由本单位的管理员或审核人创建；起草人在分配给自己的章节中写作。")).toBeVisible();
});

test("a new report defaults to the year that is due and starts from the report before it", async ({ page }) => {
  await loginOk(page, "admin");
  await page.goto("/reports/new");
  const year = Number(await page.getByLabel("年度", { exact: true }).inputValue());
  const now = new Date().getFullYear();
  // Last year's report is the one due, unless it exists (then this year's).
  expect([now - 1, now]).toContain(year);
  await page.getByLabel("年度", { exact: true }).fill("2023");
  await expect(page.getByLabel(/上一年度报告（沿用/).locator("option:checked")).toHaveText(/^2022 · /);
});

test("我的章节 lists sections in reading order with their numbers; a heading made of sub-sections says so", async ({ page }) => {
  await loginOk(page, "drafter");
  await page.goto("/my-sections");
  const rows = page.getByRole("row").filter({ hasText: "2022 ·" });
  const titles = await rows.locator("td:nth-child(2)").allTextContents();
  expect(titles.length).toBeGreaterThan(2);
  // A parent comes before its sub-sections: 一、 before （一）.
  const parent = titles.findIndex((t) => t.startsWith("一、"));
  const child = titles.findIndex((t) => t.startsWith("（一）"));
  expect(parent).toBeGreaterThanOrEqual(0);
  expect(child).toBeGreaterThan(parent);
  await expect(rows.nth(parent).locator("td").nth(3)).toHaveText("由子章节组成");
});

test("password rules are shown before typing, and every broken one is named at once", async ({ page }, testInfo) => {
  await loginOk(page, "admin");
  await page.goto("/admin/users");
  const password = page.getByLabel("密码", { exact: true });
  await expect(page.getByText(/密码规则：至少 10 个字符；不能是用户名，也不能包含用户名；不能是常见弱密码；不能由同一个字符重复组成。/).first()).toBeVisible();
  await page.getByLabel("用户名").fill("rules-test");
  await page.getByLabel("姓名").fill("规则测试");
  await password.fill("aaaa");
  await page.getByRole("button", { name: "创建", exact: true }).click();
  await expect(page.getByText("密码至少 10 个字符。密码不能由同一个字符重复组成。")).toBeVisible();
  await snap(page, testInfo, "password-rules");
});

test("changing one's password shows one message per attempt: the server's refusal at its field, cleared by the next try", async ({ page }, testInfo) => {
  await loginOk(page, "drafter2");
  await page.goto("/account/password");
  await page.getByLabel("当前密码").fill(DEMO_PASSWORD);
  const next = page.getByLabel("新密码");
  await next.fill("drafter2-is-here");
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page.getByText("密码不能包含用户名。")).toHaveCount(1);
  await next.fill("password123");
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page.getByText("这是常见的弱密码，请换一个。")).toHaveCount(1);
  await expect(page.getByText("密码不能包含用户名。")).toHaveCount(0);
  await snap(page, testInfo, "password-one-message");
});

test("the editor shows its format rules on request and marks straight quotes and a space after 。", async ({ page }) => {
  await loginOk(page, "reviewer");
  await page.goto("/reports/new");
  await page.getByLabel("年度", { exact: true }).fill("2037");
  await page.getByLabel("从规定模板").check();
  await page.getByLabel("章节负责人").selectOption({ label: "李起草" });
  await page.getByRole("button", { name: "创建报告" }).click();
  await expect(page).toHaveURL(/\/reports\/(?!new$)[a-z0-9]+$/);
  const reportUrl = page.url();

  await loginOk(page, "drafter");
  await page.goto(reportUrl);
  await page.getByRole("link", { name: "编辑 导语" }).click();
  const panel = page.getByRole("region", { name: "格式检查" });
  await panel.getByText("格式规则（GB/T 15834 标点、GB/T 9704 公文格式）").click();
  await expect(panel).toContainText("引号用弯引号“ ”和‘ ’");
  await page.getByRole("textbox", { name: "正文" }).click();
  await page.keyboard.type('组织"法治讲座"12场。 全镇干部参加。');
  await expect(panel).toContainText("2 处提示");
  await expect(panel).toContainText("中文中使用了直引号");
  await expect(panel).toContainText("中文标点后不应有空格。");
  await panel.getByRole("button", { name: "全部修正正文" }).click();
  await expect(page.getByRole("textbox", { name: "正文" })).toHaveText("组织“法治讲座”12场。全镇干部参加。");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
});

test("a notice is read once it is opened; the others stay unread", async ({ page, browser }, testInfo) => {
  const reportUrl = await templateReport(browser, 2064);
  const reportId = reportUrl.split("/").pop()!;
  // The drafter writes two sections under headings of their own and submits them: the reviewers are told twice.
  const drafter = await person(browser, "drafter");
  const report = await (await drafter.request.get(`/api/reports/${reportId}`)).json();
  const submit = async (heading: string, newHeading: string) => {
    const section = report.sections.find((s: { heading: string }) => s.heading === heading);
    const saved = await drafter.request.put(`/api/sections/${section.id}`, { data: { baseVersion: section.version, heading: newHeading, content: paras("执法培训不足。") } });
    expect(saved.status()).toBe(200);
    expect((await drafter.request.post(`/api/sections/${section.id}/transitions`, { data: { action: "submit" } })).status()).toBe(200);
    return section.id as string;
  };
  const sectionId = await submit("存在的不足和原因", "2064年存在的不足");
  await submit("2065年度主要安排", "2064年的下一步安排");
  await drafter.context().close();

  await loginOk(page, "reviewer");
  await page.goto("/notifications");
  // The menu's 通知 carries the number of unread notices.
  const count = async () => Number((await page.getByTestId("nav-notifications").innerText()).replace(/\D/g, "") || 0);
  const before = await count();
  expect(before).toBeGreaterThan(1);
  const notice = page.getByRole("listitem").filter({ hasText: "章节“2064年存在的不足”已提交审核" });
  await expect(notice).toContainText("未读");
  await snap(page, testInfo, "notices-unread");
  await notice.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/reports/${reportId}/sections/${sectionId}$`));
  await page.goto("/notifications");
  await expect(notice).not.toContainText("未读");
  await expect(page.getByRole("listitem").filter({ hasText: "章节“2064年的下一步安排”已提交审核" })).toContainText("未读");
  expect(await count()).toBe(before - 1);
});

test("the district's reader, who holds no sections, is not offered 我的章节", async ({ page }, testInfo) => {
  await loginOk(page, "district");
  const menu = page.getByRole("navigation", { name: "主导航" });
  await expect(menu.getByRole("link", { name: "报告" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "我的章节" })).toHaveCount(0);
  await snap(page, testInfo, "district-menu");
  await loginOk(page, "drafter");
  await expect(menu.getByRole("link", { name: "我的章节" })).toBeVisible();
});
