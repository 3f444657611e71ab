import { expect, type Browser, type Page, type TestInfo } from "@playwright/test";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || "Trial-Run-2026";
export const REPORT_2022 = /关于宝山区大场镇2022年法治政府建设的情况报告/;

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

export async function loginOk(page: Page, username: string) {
  await login(page, username);
  // A login hashes the password (argon2): on a machine shared with other builds it can take longer than expect's 5 s.
  await expect(page).toHaveURL(/\/reports$/, { timeout: 30_000 });
  await expect(page.getByTestId("current-user")).toContainText(username);
}

/** One person in a browser context of their own, logged in. */
export async function person(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginOk(page, username);
  return page;
}

/** A screenshot attached to the test report and kept in test-results/ to look at. */
export async function snap(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** The id of the demo 2022 report, read from the list the way a person finds it. */
export async function open2022Report(page: Page): Promise<string> {
  await page.goto("/reports");
  await page.getByRole("link", { name: REPORT_2022 }).click();
  await expect(page).toHaveURL(/\/reports\/[a-z0-9]+$/);
  return page.url().split("/").pop()!;
}

/** A section body as the API takes it: ordinary paragraphs, one a line. */
export function paras(text: string) {
  return text.split("\n").map((t) => ({ text: t }));
}

/** The text of a section as the API gives it: its paragraphs, one a line (numbers left out). */
export function textOf(section: { content: { text: string }[] }): string {
  return section.content.map((p) => p.text).join("\n");
}

/** The reviewer starts a report for the year from the template, every section 李起草's (drafter); its URL. */
export async function templateReport(browser: Browser, year: number): Promise<string> {
  const reviewer = await person(browser, "reviewer");
  await reviewer.goto("/reports/new");
  await reviewer.getByLabel("年度", { exact: true }).fill(String(year));
  await reviewer.getByLabel("从规定模板").check();
  await reviewer.getByLabel("章节负责人").selectOption({ label: "李起草" });
  await reviewer.getByRole("button", { name: "创建报告" }).click();
  await expect(reviewer).toHaveURL(/\/reports\/(?!new$)[a-z0-9]+$/);
  const url = reviewer.url();
  await reviewer.context().close();
  return url;
}
