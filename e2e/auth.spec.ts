import { test, expect } from "@playwright/test";
import { login, loginOk, open2022Report, snap, REPORT_2022 } from "./fixtures";

const ROLE_VIEWS = [
  { username: "admin", role: "管理员", seesReport: true, seesUsers: true },
  { username: "drafter", role: "起草人", seesReport: true, seesUsers: false },
  { username: "reviewer", role: "核稿人", seesReport: true, seesUsers: false },
  { username: "approver", role: "签发人", seesReport: true, seesUsers: false },
  { username: "district", role: "查阅", seesReport: true, seesUsers: false },
  { username: "other", role: "起草人", seesReport: false, seesUsers: false },
];

for (const view of ROLE_VIEWS) {
  test(`${view.username} (${view.role}) logs in and sees what the role allows`, async ({ page }, testInfo) => {
    await loginOk(page, view.username);
    await expect(page.getByTestId("current-user")).toContainText(view.role);
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link", { name: "报告" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "用户管理" })).toHaveCount(view.seesUsers ? 1 : 0);
    if (view.seesReport) {
      await expect(page.getByRole("link", { name: REPORT_2022 })).toBeVisible();
    } else {
      await expect(page.getByText("暂无可查看的报告。")).toBeVisible();
    }
    const users = await page.goto("/admin/users");
    expect(users?.status()).toBe(200);
    if (view.seesUsers) {
      await expect(page.getByRole("heading", { name: "新增用户" })).toBeVisible();
    } else {
      await expect(page.getByText("您没有执行此操作的权限。")).toBeVisible();
    }
    if (view.username === "admin") await snap(page, testInfo, "admin-users");
  });
}

test("a wrong password shows an error and keeps the user on the login page", async ({ page }) => {
  await login(page, "drafter", "not-the-password");
  await expect(page.getByText("用户名或密码错误。")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("after five failures the sixth try is locked, even with the right password", async ({ page }, testInfo) => {
  for (let i = 0; i < 5; i++) {
    await login(page, "locktest", `wrong-password-${i}`);
    await expect(page.getByText("用户名或密码错误。")).toBeVisible();
  }
  await login(page, "locktest");
  await expect(page.getByText(/登录失败次数过多，账户已锁定，请 15 分钟后再试/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await snap(page, testInfo, "login-locked");
});

test("logout ends the session, on the server: a copy of the cookie taken before is refused", async ({ page, browser }) => {
  await loginOk(page, "reviewer");
  const copied = await page.context().cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/reports");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Freports/);
  const api = await page.request.get("/api/reports");
  expect(api.status()).toBe(401);
  // Someone who copied the cookie before the logout gets nothing with it.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  expect((await thief.request.get("/api/reports")).status()).toBe(401);
  // Nor does next-auth's own session endpoint tell whose cookie it was.
  const said = JSON.stringify(await (await thief.request.get("/api/auth/session")).json());
  expect(said).not.toMatch(/张核稿|reviewer|"user"/);
  const stolen = await thief.newPage();
  await stolen.goto("/reports");
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();
});

test("a drafter of another town gets 404 for the report's page and API", async ({ page, browser }) => {
  // Learn the report's URL as a 大场镇 user, then try it as 庙行镇's drafter.
  const dachang = await browser.newContext();
  const dachangPage = await dachang.newPage();
  await loginOk(dachangPage, "drafter");
  const id = await open2022Report(dachangPage);
  await dachang.close();

  await loginOk(page, "other");
  const response = await page.goto(`/reports/${id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("未找到该内容，或您无权查看。")).toBeVisible();
  await expect(page.getByText("大场镇人民政府文件")).toHaveCount(0);
  const api = await page.request.get(`/api/reports/${id}`);
  expect(api.status()).toBe(404);
  // The same answer as for a report that does not exist: its code and words say nothing more.
  const body = await api.json();
  expect(body).toEqual({ code: body.code, error: "未找到该内容，或您无权查看。" });
  expect(body.code).toBe("error.notFound");
  const none = await page.request.get("/api/reports/no-such-report");
  expect(await none.json()).toEqual(body);
});

test("a login link to another site is not followed", async ({ page }) => {
  await page.goto("/login?callbackUrl=https://evil.example/phish");
  await page.getByLabel("用户名").fill("drafter");
  await page.getByLabel("密码").fill(process.env.DEMO_PASSWORD || "Trial-Run-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/reports$/);
});

test("the interface switches to English and back", async ({ page }) => {
  await loginOk(page, "drafter");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Yearly reports" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "年度报告" })).toBeVisible();
});
