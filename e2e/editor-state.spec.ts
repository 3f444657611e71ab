// The editor keeps nothing to itself: after a paste that makes sub-sections every
// character reaches the server, and the section's state on the page (its status,
// its 提交审核) follows each save without a reload.
import { test, expect, type Page } from "@playwright/test";
import { loginOk, person, snap, templateReport, textOf } from "./fixtures";

const editor = (page: Page) => page.getByRole("textbox", { name: "正文" });
const steps = (page: Page) => page.getByRole("group", { name: "审核操作" });

async function openSection(page: Page, reportUrl: string, name: RegExp) {
  await page.goto(reportUrl);
  await page.getByRole("link", { name }).click();
  await expect(editor(page)).toBeVisible();
}

test("a paste that makes sub-sections saves the lead text too: a second browser finds every character", async ({ page, browser }, testInfo) => {
  const reportUrl = await templateReport(browser, 2061);
  await loginOk(page, "drafter");
  await openSection(page, reportUrl, /^编辑 二、存在的不足和原因/);
  const sectionUrl = page.url();
  await editor(page).click();
  await page.keyboard.type("本年度问题如下。");
  // Pasted at once, before the typing's save: the lead paragraph and the typed words wait for the same save.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "主要表现在：\r\n（一）执法队伍能力不足\r\n执法人员培训不够。\r\n（二）制度有待完善\r\n");
    document.querySelector('[aria-label="正文"]')!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByText("粘贴内容中的 2 个小标题已转为子章节。")).toBeVisible();
  await expect(page.getByRole("region", { name: "子章节" }).getByRole("link")).toHaveText(["（一）执法队伍能力不足", "（二）制度有待完善"]);
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);

  // Another browser (no draft of this one's in its storage) reads what the server has.
  const other = await person(browser, "drafter");
  await other.goto(sectionUrl);
  await expect(editor(other)).toHaveText("本年度问题如下。主要表现在：");
  await expect(other.getByText("有未保存的修改")).toHaveCount(0);
  await expect(other.getByRole("region", { name: "子章节" }).getByRole("link")).toHaveText(["（一）执法队伍能力不足", "（二）制度有待完善"]);
  expect(textOf(await (await other.request.get(`/api/sections/${sectionUrl.split("/").pop()}`)).json())).toBe("本年度问题如下。\n主要表现在：");
  // With text of its own beside its sub-sections, the section is submitted like any other.
  await expect(steps(page).getByRole("button", { name: "提交审核" })).toBeEnabled();
  await expect(steps(page)).not.toContainText("此章节没有自己的正文");
  await snap(page, testInfo, "paste-lead-saved");
  await other.context().close();
});

test("提交审核 follows the first save of an empty section, without a reload, and takes the words typed just before it", async ({ page, browser }, testInfo) => {
  const reportUrl = await templateReport(browser, 2062);
  await loginOk(page, "drafter");
  await openSection(page, reportUrl, /^编辑 三、/);
  const submit = steps(page).getByRole("button", { name: "提交审核" });
  await expect(submit).toBeDisabled();
  await expect(steps(page)).toContainText("章节正文为空");
  await editor(page).click();
  await page.keyboard.type("镇党委书记专题研究法治工作4次。");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  await expect(page.getByTestId("section-status")).toHaveText("起草中");
  await expect(submit).toBeEnabled();
  await expect(steps(page)).not.toContainText("章节正文为空");
  await snap(page, testInfo, "submit-enabled-after-save");
  // Clicked before the last words' save: they are saved first, and submitted with the rest.
  await page.keyboard.type("全年听取法治工作汇报2次。");
  await submit.click();
  await expect(page.getByTestId("section-status")).toHaveText("待审核");
  const id = page.url().split("/").pop()!;
  expect(textOf(await (await page.request.get(`/api/sections/${id}`)).json())).toBe("镇党委书记专题研究法治工作4次。全年听取法治工作汇报2次。");
  await page.reload();
  await expect(page.getByTestId("section-text")).toHaveText("镇党委书记专题研究法治工作4次。全年听取法治工作汇报2次。");
});

test("a heading made of sub-sections that gets text of its own is submitted like any other, without a reload", async ({ page, browser }) => {
  const reportUrl = await templateReport(browser, 2063);
  await loginOk(page, "drafter");
  await openSection(page, reportUrl, /^编辑 一、主要举措和成效/);
  await expect(page.getByTestId("section-status")).toHaveText("由子章节组成");
  await expect(steps(page)).toContainText("此章节没有自己的正文");
  await editor(page).click();
  await page.keyboard.type("2063年，全镇坚持依法行政。");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  await expect(page.getByTestId("section-status")).toHaveText("起草中");
  await expect(steps(page).getByRole("button", { name: "提交审核" })).toBeEnabled();
  await expect(steps(page)).not.toContainText("此章节没有自己的正文");
});
