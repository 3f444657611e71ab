import { test, expect, type Page } from "@playwright/test";
import { loginOk, snap, textOf } from "./fixtures";

test.describe.configure({ mode: "serial" });

let reportUrl = "";

async function openSection(page: Page, name: string | RegExp) {
  await page.goto(reportUrl);
  await page.getByRole("link", { name: typeof name === "string" ? `编辑 ${name}` : name }).click();
  await expect(page.getByRole("textbox", { name: "正文" })).toBeVisible();
}

const editor = (page: Page) => page.getByRole("textbox", { name: "正文" });

test("the administrator starts the 2023 report from the 2022 report; a second try links to it", async ({ page }, testInfo) => {
  await loginOk(page, "admin");
  await page.getByRole("link", { name: "新建报告" }).click();
  await page.getByLabel("年度", { exact: true }).fill("2023");
  await expect(page.getByLabel("从上一年度报告")).toBeChecked();
  await page.getByRole("button", { name: "创建报告" }).click();
  await expect(page).toHaveURL(/\/reports\/(?!new$)[a-z0-9]+$/);
  reportUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("关于大场镇2023年法治政府建设的情况报告");
  await expect(page.getByRole("heading", { level: 2, name: "一、大场镇2023年度推进法治政府建设的主要举措和成效" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "四、大场镇2024年度推进法治政府建设的主要安排" })).toBeVisible();
  // Last year's plans, beside 一、, as a checklist.
  const plans = page.getByRole("complementary", { name: "上年度主要安排落实情况" });
  await expect(plans.getByText("一是全面推动学习贯彻习近平法治思想")).toBeVisible();
  await plans.getByLabel("“一是全面推动学习贯彻习近平法治思想”的落实情况").selectOption("done");
  await plans.getByRole("button", { name: "保存" }).first().click();
  await expect(plans.getByRole("status").first()).toHaveText("已保存");
  await expect(page.getByTestId("deadline")).toContainText(/已逾期|距报送截止/);
  await snap(page, testInfo, "report-2023-new");

  await page.goto("/reports/new");
  await page.getByLabel("年度", { exact: true }).fill("2023");
  await page.getByRole("button", { name: "创建报告" }).click();
  await expect(page.getByText("本单位 2023 年度的报告已经存在，不能重复创建。")).toBeVisible();
  await page.getByRole("link", { name: "打开已有的报告" }).click();
  await expect(page).toHaveURL(reportUrl);
});

test("the drafter writes, sees 已保存; a second browser from the old version gets the conflict screen and chooses", async ({ page, browser }, testInfo) => {
  await loginOk(page, "drafter");
  await openSection(page, "导语");
  const sectionUrl = page.url();
  await editor(page).click();
  await page.keyboard.type("2023年，大场镇坚持依法行政。");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存 \d{2}:\d{2}$/);

  // A second browser opens the same section now (version 2).
  const second = await browser.newContext();
  const other = await second.newPage();
  await loginOk(other, "drafter");
  await other.goto(sectionUrl);
  await expect(editor(other)).toContainText("坚持依法行政");

  // The first browser saves again: the second is now one version behind.
  await editor(page).press("End");
  await page.keyboard.type("全年办结案件9件。");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);

  await editor(other).press("End");
  await other.keyboard.type("第二个浏览器的补充。");
  const conflict = other.getByRole("region", { name: "保存冲突" });
  await expect(conflict).toBeVisible();
  await expect(other.getByTestId("conflict-mine")).toContainText("第二个浏览器的补充。");
  await expect(other.getByTestId("conflict-theirs")).toContainText("全年办结案件9件。");
  await snap(other, testInfo, "conflict");
  // Nothing was overwritten: the server still has the first browser's text.
  const before = await (await other.request.get(`/api/sections/${sectionUrl.split("/").pop()}`)).json();
  expect(textOf(before)).toContain("全年办结案件9件。");
  expect(textOf(before)).not.toContain("第二个浏览器的补充。");

  await conflict.getByRole("button", { name: "手工合并" }).click();
  await other.getByLabel("手工合并（编辑后保存）").fill("2023年，大场镇坚持依法行政。全年办结案件9件。第二个浏览器的补充。");
  await other.getByRole("button", { name: "保存合并结果" }).click();
  await expect(other.getByTestId("save-status")).toHaveText(/^已保存/);
  await expect(conflict).toHaveCount(0);
  const after = await (await other.request.get(`/api/sections/${sectionUrl.split("/").pop()}`)).json();
  expect(textOf(after)).toBe("2023年，大场镇坚持依法行政。全年办结案件9件。第二个浏览器的补充。");
  await second.close();
});

test("history shows a character diff between revisions, and restore brings an old text back", async ({ page }, testInfo) => {
  await loginOk(page, "drafter");
  await openSection(page, "导语");
  await page.getByRole("link", { name: "修订历史" }).click();
  const diff = page.getByTestId("diff");
  await expect(diff.locator("ins")).toContainText(["第二个浏览器的补充。"]);
  await page.getByLabel("比较的起始版本").selectOption("1");
  await page.getByRole("button", { name: "比较" }).click();
  await expect(page.getByRole("heading", { name: /第 1 版 → 第 4 版：新增 \d+ 字/ })).toBeVisible();
  await snap(page, testInfo, "history");
  await page.getByRole("button", { name: "恢复第 2 版" }).click();
  // It asks first, then says what it did.
  await expect(page.getByRole("group", { name: /用第 2 版的文字替换当前的第 4 版/ })).toBeVisible();
  await page.getByRole("button", { name: "确认恢复" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已恢复：第 2 版的文字已保存为第 5 版。" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "恢复自第 2 版" })).toBeVisible();
  await page.getByRole("link", { name: "返回章节" }).click();
  await expect(editor(page)).toHaveText("2023年，大场镇坚持依法行政。");
});

test("moving a section renumbers the ones after it; keyboard moves work too", async ({ page }) => {
  await loginOk(page, "reviewer");
  await page.goto(reportUrl);
  const level3 = page.getByRole("heading", { level: 3 });
  await expect(level3.first()).toHaveText("（一）坚持党的全面领导，切实推进法治政府工作建设");
  await page.getByRole("button", { name: "下移 （一）坚持党的全面领导，切实推进法治政府工作建设" }).click();
  await expect(level3.nth(0)).toHaveText("（一）持续推进政府职能转变和优化");
  await expect(level3.nth(1)).toHaveText("（二）坚持党的全面领导，切实推进法治政府工作建设");
  // Alt+↑ on the focused section moves it back.
  await page.getByRole("region", { name: "（二）坚持党的全面领导，切实推进法治政府工作建设" }).focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(level3.nth(0)).toHaveText("（一）坚持党的全面领导，切实推进法治政府工作建设");
  // Add, delete with confirmation, restore.
  await page.getByRole("button", { name: "在 一、大场镇2023年度推进法治政府建设的主要举措和成效 下添加子章节" }).click();
  await page.getByLabel("新章节标题").fill("加强合同管理");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByRole("heading", { name: "（六）加强合同管理" })).toBeVisible();
  await page.getByRole("button", { name: "删除 （六）加强合同管理" }).click();
  await page.getByRole("button", { name: "确认删除" }).click();
  await expect(page.getByRole("heading", { name: "（六）加强合同管理" })).toHaveCount(0);
  await page.getByText(/已删除的章节/).click();
  await page.getByRole("button", { name: "恢复“加强合同管理”" }).click();
  await expect(page.getByRole("heading", { name: "（六）加强合同管理" })).toBeVisible();
});

test("Chinese input-method composition is kept whole by autosave", async ({ page }) => {
  await loginOk(page, "drafter");
  await openSection(page, /^编辑 一、/);
  await editor(page).click();
  const cdp = await page.context().newCDPSession(page);
  // Type 法治 the way an IME does: pinyin composition, then the committed characters.
  for (const step of ["f", "fa", "fazh", "fazhi"]) {
    await cdp.send("Input.imeSetComposition", { text: step, selectionStart: step.length, selectionEnd: step.length });
    // Each step is in the editor before the next: a save in between would store the pinyin.
    await expect(editor(page)).toContainText(step);
  }
  await cdp.send("Input.insertText", { text: "法治" });
  await page.keyboard.type("建设。");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  await expect(editor(page)).toHaveText("法治建设。");
  const id = page.url().split("/").pop();
  expect(textOf(await (await page.request.get(`/api/sections/${id}`)).json())).toBe("法治建设。");
});

test("a failed save says so, keeps the text in the browser, and saves on retry or on the next visit", async ({ page }) => {
  await loginOk(page, "drafter");
  await openSection(page, /^编辑 （三）/);
  const id = page.url().split("/").pop();
  await page.route("**/api/sections/**", (route) => (route.request().method() === "PUT" ? route.abort("connectionrefused") : route.continue()));
  await editor(page).click();
  await page.keyboard.type("断网时写下的文字。");
  await expect(page.getByTestId("save-status")).toHaveText("保存失败");
  await expect(page.getByText("无法连接服务器，文字已保存在本浏览器中，稍后自动重试。")).toBeVisible();
  // The server never got it; the browser kept it: a reload brings it back and saves it.
  expect(textOf(await (await page.request.get(`/api/sections/${id}`)).json())).toBe("");
  await page.unroute("**/api/sections/**");
  await page.reload();
  await expect(editor(page)).toHaveText("断网时写下的文字。");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  expect(textOf(await (await page.request.get(`/api/sections/${id}`)).json())).toBe("断网时写下的文字。");
  // And the retry button, when the connection comes back while the page is open.
  await page.route("**/api/sections/**", (route) => (route.request().method() === "PUT" ? route.abort("connectionrefused") : route.continue()));
  await editor(page).press("End");
  await page.keyboard.type("再补一句。");
  await expect(page.getByTestId("save-status")).toHaveText("保存失败");
  await page.unroute("**/api/sections/**");
  await page.getByRole("button", { name: "重试" }).click();
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  expect(textOf(await (await page.request.get(`/api/sections/${id}`)).json())).toBe("断网时写下的文字。再补一句。");
});

test("format checks mark problems with one-click fixes; pasted numbered headings become sub-sections", async ({ page }, testInfo) => {
  await loginOk(page, "drafter2");
  await page.goto(reportUrl);
  await page.getByRole("link", { name: /^编辑 二、/ }).click();
  await editor(page).click();
  await page.keyboard.type("2023 年我镇执法规范化,精细度还有提升空间。");
  const panel = page.getByRole("region", { name: "格式检查" });
  await expect(panel).toContainText("2 处提示");
  await panel.getByRole("button", { name: "修正：中文与数字之间不应有空格。" }).click();
  await panel.getByRole("button", { name: /修正：中文中使用了半角标点/ }).click();
  await expect(panel).toContainText("未发现问题");
  await expect(editor(page)).toHaveText("2023年我镇执法规范化，精细度还有提升空间。");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  await snap(page, testInfo, "editor");

  // Paste from Word: styling dropped, numbered headings become sub-sections.
  await editor(page).press("End");
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "主要表现在：\r\n（一）执法队伍能力不足\r\n执法人员培训不够。\r\n（二）制度有待完善\r\n");
    data.setData("text/html", '<p style="font-family:仿宋">主要表现在：</p><h2>（一）执法队伍能力不足</h2>');
    document.querySelector('[aria-label="正文"]')!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByText("粘贴内容中的 2 个小标题已转为子章节。")).toBeVisible();
  await expect(editor(page)).toContainText("主要表现在：");
  await expect(page.getByRole("region", { name: "子章节" }).getByRole("link")).toHaveText(["（一）执法队伍能力不足", "（二）制度有待完善"]);
});

test("修正 and 全部修正 change only the flagged span: typed numbers become numbered paragraphs, every other character stays", async ({ page }) => {
  await loginOk(page, "drafter");
  await openSection(page, /^编辑 （二）/);
  const panel = page.getByRole("region", { name: "格式检查" });
  await editor(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.insertText("2．健全工作机制。");
  await page.keyboard.press("Enter");
  await page.keyboard.insertText("1.  完善制度  建设。");
  await panel.getByRole("button", { name: /修正：段落以手工编号“2．”开头/ }).click();
  await panel.getByRole("button", { name: /修正：段落以手工编号“1.”开头/ }).click();
  // The numbers now come from position; the text is what was typed, to the last space and 。.
  await expect(editor(page).locator("p[data-level='3']")).toHaveText(["1．健全工作机制。", "2．完善制度  建设。"]);
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  const id = page.url().split("/").pop()!;
  const body = await (await page.request.get(`/api/sections/${id}`)).json();
  expect(body.content.slice(-2)).toEqual([{ text: "健全工作机制。", level: 3 }, { text: "完善制度  建设。", level: 3 }]);

  // 全部修正: half-width marks, a space after 。, straight quotes, hand numbers; nothing else is touched.
  await editor(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.insertText('3. 开展"谁执法谁普法"宣传12次,发放资料3000余份。 （1）培训150余人。');
  // Enter continues the numbering; Enter again on the empty numbered line ends it, as in Word.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.insertText("（2）依法行政,提升效能。");
  await panel.getByRole("button", { name: "全部修正正文" }).click();
  await expect(editor(page).locator("p").nth(-2)).toHaveText("3．开展“谁执法谁普法”宣传12次，发放资料3000余份。（1）培训150余人。");
  await expect(editor(page).locator("p").last()).toHaveText("（1）依法行政，提升效能。");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  const after = await (await page.request.get(`/api/sections/${id}`)).json();
  expect(after.content.slice(-2)).toEqual([
    { text: "开展“谁执法谁普法”宣传12次，发放资料3000余份。（1）培训150余人。", level: 3 },
    { text: "依法行政，提升效能。", level: 4 },
  ]);
});

test("a Word list pasted into a section stays its paragraphs, numbered by position; a table is said and left out; it all saves", async ({ page }, testInfo) => {
  await loginOk(page, "drafter");
  await openSection(page, /^编辑 （三）/);
  await editor(page).click();
  await page.keyboard.press("Control+End");
  // What Word puts on the clipboard for a numbered list: the numbers in the text, a tab after them.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "法律顾问工作：\r\n1.\t聘请法律顾问2名；\r\n2.\t审查合同56份。\r\n");
    data.setData("text/html", "<p>法律顾问工作：</p><p>1.&nbsp;聘请法律顾问2名；</p><p>2.&nbsp;审查合同56份。</p>");
    document.querySelector('[aria-label="正文"]')!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByText("2 个带编号的段落已改为自动编号。")).toBeVisible();
  await expect(editor(page).locator("p[data-level='3']")).toHaveText(["1．聘请法律顾问2名；", "2．审查合同56份。"]);
  // The save runs with no key pressed after the paste.
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  const id = page.url().split("/").pop()!;
  const body = await (await page.request.get(`/api/sections/${id}`)).json();
  expect(body.content.slice(-3)).toEqual([{ text: "法律顾问工作：" }, { text: "聘请法律顾问2名；", level: 3 }, { text: "审查合同56份。", level: 3 }]);
  expect(body.content.some((p: { text: string }) => p.text.includes("聘请法律顾问") && p.text.startsWith("1"))).toBe(false);
  await expect(page.getByRole("region", { name: "子章节" })).toHaveCount(0);

  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "统计如下：\t类别\t件数");
    data.setData("text/html", "<p>统计如下：</p><table><tr><td>类别</td><td>件数</td></tr><tr><td>复议</td><td>12</td></tr></table><p>以上为全年数据。</p>");
    document.querySelector('[aria-label="正文"]')!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByText("粘贴的内容含有 1 个表格：报告正文暂不支持表格，表格未粘贴，请改写为文字。")).toBeVisible();
  await expect(editor(page)).toContainText("以上为全年数据。");
  await expect(editor(page)).not.toContainText("件数");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  await snap(page, testInfo, "paste-word-list");
});

test("a Word file is recognised and previewed before it is saved", async ({ page }, testInfo) => {
  await loginOk(page, "other");
  await page.goto("/reports/new");
  await page.getByLabel("年度", { exact: true }).fill("2022");
  await page.getByLabel("导入 Word 或粘贴文字").check();
  await page.getByLabel("Word 文件（.docx）或文本文件（.txt）").setInputFiles("tests/fixtures/dachang-2022-report.docx");
  await page.getByRole("button", { name: "识别预览" }).click();
  const preview = page.getByRole("region", { name: "导入预览" });
  await expect(preview.getByTestId("import-summary")).toHaveText("共 10 个章节，18 个段落。");
  await expect(preview).toContainText("宝大府〔2023〕8号");
  await expect(preview).toContainText("（五）持续优化公共法律服务质量");
  await snap(page, testInfo, "import-preview");
  await page.getByRole("button", { name: "确认导入并创建报告" }).click();
  await expect(page).toHaveURL(/\/reports\/(?!new$)[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 3, name: "（三）持续推进严格规范公正文明执法" })).toBeVisible();
});
