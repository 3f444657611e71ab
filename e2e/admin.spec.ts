import { test, expect } from "@playwright/test";
import { login, loginOk, snap, DEMO_PASSWORD } from "./fixtures";

test("an administrator adds a user, sets roles, resets the password and deactivates the account", async ({ page, browser }) => {
  await loginOk(page, "admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "用户管理" }).click();

  // Bad input first: clear messages tied to the fields, nothing created.
  await page.getByLabel("用户名").fill("Bad Name");
  await page.getByLabel("密码", { exact: true }).fill("short");
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.getByText("用户名只能包含小写字母、数字、下划线、点和连字符。")).toBeVisible();
  await expect(page.getByText("密码至少 10 个字符。")).toBeVisible();
  await expect(page.getByLabel("用户名")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("用户名").fill("sifa");
  await page.getByLabel("姓名").fill("司法所小刘");
  await page.getByLabel("密码", { exact: true }).fill("first-password-1");
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已创建 sifa。" })).toBeVisible();

  const row = page.getByRole("listitem", { name: "sifa" });
  await expect(row).toContainText("司法所小刘");
  await row.getByRole("checkbox", { name: "核稿人" }).check();
  await row.getByRole("button", { name: "保存角色" }).click();
  await expect(row.getByRole("status")).toHaveText("已保存。");

  // The new user logs in with the password set by the admin, with both roles, and must choose their own first.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await login(otherPage, "sifa", "first-password-1");
  await expect(otherPage).toHaveURL(/\/account\/password$/);
  await expect(otherPage.getByTestId("current-user")).toContainText("起草人、核稿人");
  await otherPage.goto("/reports");
  await expect(otherPage).toHaveURL(/\/account\/password$/);
  expect((await otherPage.request.get("/api/reports")).status()).toBe(403);
  await otherPage.getByLabel("当前密码").fill("first-password-1");
  await otherPage.getByLabel("新密码").fill("1234567890");
  await otherPage.getByRole("button", { name: "保存新密码" }).click();
  await expect(otherPage.getByText("这是常见的弱密码，请换一个。")).toBeVisible();
  await otherPage.getByLabel("新密码").fill("my-own-password-9");
  await otherPage.getByRole("button", { name: "保存新密码" }).click();
  await expect(otherPage).toHaveURL(/\/login/);
  await expect(otherPage.getByText("密码已修改，请用新密码登录。")).toBeVisible();
  await login(otherPage, "sifa", "my-own-password-9");
  await expect(otherPage).toHaveURL(/\/reports$/);

  // A reset logs them out everywhere.
  await row.getByLabel("新密码").fill("second-password-2");
  await row.getByRole("button", { name: "重置密码" }).click();
  await expect(row.getByRole("status")).toHaveText("已保存。");
  await otherPage.goto("/reports");
  await expect(otherPage).toHaveURL(/\/login/);
  await login(otherPage, "sifa", "second-password-2");
  await expect(otherPage).toHaveURL(/\/account\/password$/);

  await row.getByRole("button", { name: "停用" }).click();
  await expect(row).toContainText("已停用");
  await otherPage.goto("/reports");
  await expect(otherPage).toHaveURL(/\/login/);
  await login(otherPage, "sifa", "second-password-2");
  await expect(otherPage.getByText("该账户已停用，请联系管理员。")).toBeVisible();
  await other.close();
  expect(DEMO_PASSWORD.length).toBeGreaterThan(0);
});

test("joint issuing: the administrator adds the Party committee, and the 标志 and 署名 show both issuers", async ({ page }, testInfo) => {
  await loginOk(page, "admin");
  await page.goto("/admin/office");
  const form = page.getByRole("form", { name: "发文设置" });
  await form.getByRole("button", { name: "添加联合发文机关" }).click();
  await form.getByRole("button", { name: "保存发文设置" }).click();
  await expect(form.getByText("请输入联合发文机关在标志中的名称。")).toBeVisible();
  await form.getByLabel("联合发文机关 1：标志中的名称").fill("中共大场镇委员会");
  await form.getByLabel("联合发文机关 1：署名（全称）").fill("中共上海市宝山区大场镇委员会");
  await form.getByLabel("段首小标题（如“1．健全领导机制。”）加粗").check();
  await form.getByRole("button", { name: "保存发文设置" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存。");
  await page.goto("/reports");
  await page.getByRole("link", { name: /2022年法治政府建设/ }).click();
  await page.getByRole("link", { name: "版式预览" }).click();
  await expect(page.locator('[data-role="mark"]')).toHaveText(["中共大场镇委员会", "大场镇人民政府", "文件"]);
  await expect(page.locator('[data-role="signatory"]')).toHaveText(["中共上海市宝山区大场镇委员会", "上海市宝山区大场镇人民政府"]);
  await snap(page, testInfo, "joint-preview");
  // Back to issuing alone, for the tests that follow.
  await page.goto("/admin/office");
  await form.getByRole("button", { name: "移除" }).click();
  await form.getByLabel("段首小标题（如“1．健全领导机制。”）加粗").uncheck();
  await form.getByRole("button", { name: "保存发文设置" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存。");
});
