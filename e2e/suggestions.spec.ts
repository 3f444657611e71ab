import { test, expect } from "@playwright/test";
import { paras, person, snap, templateReport, textOf } from "./fixtures";

test("修订: the reviewer changes a number and deletes a phrase as suggestions and comments; the drafter sees them in colour, accepts one change and rejects the other; the reviewer passes", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const reportUrl = await templateReport(browser, 2033);
  const reportId = reportUrl.split("/").pop()!;
  const drafter = await person(browser, "drafter");
  const reviewer = await person(browser, "reviewer");

  // The drafter's first section has its text and is submitted.
  const report = (await (await drafter.request.get(`/api/reports/${reportId}`)).json()) as { sections: { id: string; kind: string; version: number; reviewState: string }[] };
  const section = report.sections.find((s) => s.kind === "heading" && s.reviewState !== "composed")!;
  const text = "全年召开党委会4次，专题学法2次。依法行政水平不断提升。";
  expect((await drafter.request.put(`/api/sections/${section.id}`, { data: { baseVersion: section.version, content: paras(text) } })).ok()).toBe(true);
  expect((await drafter.request.post(`/api/sections/${section.id}/transitions`, { data: { action: "submit" } })).ok()).toBe(true);
  const sectionUrl = `/reports/${reportId}/sections/${section.id}`;

  // The reviewer switches to 修订 and edits: 4 → 5, and the last sentence struck.
  await reviewer.goto(sectionUrl);
  await reviewer.getByRole("button", { name: "修订模式" }).click();
  const editor = reviewer.getByRole("textbox", { name: "修订正文" });
  await editor.click();
  await reviewer.keyboard.press("End");
  for (let i = 0; i < text.length - "全年召开党委会".length; i++) await reviewer.keyboard.press("ArrowLeft");
  await reviewer.keyboard.press("Shift+ArrowRight");
  await reviewer.keyboard.type("5");
  await reviewer.keyboard.press("End");
  for (let i = 0; i < "依法行政水平不断提升。".length; i++) await reviewer.keyboard.press("Shift+ArrowLeft");
  await reviewer.keyboard.press("Backspace");
  await expect(reviewer.getByTestId("suggest-status")).toHaveText("修订已保存");
  // Typing and undoing it leaves no trace (undo is not itself turned into a suggestion).
  await reviewer.keyboard.press("End");
  await reviewer.keyboard.type("补充");
  await expect(editor.locator("ins")).toContainText(["5", "补充"]);
  await reviewer.keyboard.press("Control+z");
  await expect(editor.locator("ins")).toHaveText(["5"]);
  await expect(editor).not.toContainText("充补");
  // Struck text stays in view as a suggestion; the section's own text is unchanged.
  await expect(editor.locator("del")).toContainText(["4"]);
  await expect(editor.locator("ins")).toContainText(["5"]);
  await snap(reviewer, testInfo, "suggest-01-reviewer-editing");
  const api = (await (await reviewer.request.get(`/api/reports/${reportId}/suggestions`)).json()) as { kind: string; text: string; author: string }[];
  expect(api.map((s) => `${s.kind}:${s.text}`)).toEqual(["delete:4", "insert:5", "delete:依法行政水平不断提升。"]);
  expect(textOf((await (await reviewer.request.get(`/api/sections/${section.id}`)).json()) as { content: { text: string }[] })).toBe(text);
  // And comments on the section.
  await reviewer.getByLabel("发表评论").fill("数字请与统计表核对。");
  await reviewer.getByRole("button", { name: "发表", exact: true }).click();
  await expect(reviewer.getByRole("region", { name: "评论" })).toContainText("数字请与统计表核对。");

  // The drafter sees both in colour, with who made them.
  await drafter.goto(sectionUrl);
  const panel = drafter.getByRole("region", { name: "修订" });
  await expect(panel.getByRole("heading", { name: "修订（3 处待处理）" })).toBeVisible();
  const shown = panel.getByTestId("suggested-text");
  await expect(shown.locator("ins")).toHaveText("5");
  await expect(shown.locator("del").first()).toHaveText("4");
  await expect(shown.locator("ins")).toHaveAttribute("title", /张核稿/);
  const colour = await shown.locator("ins").evaluate((el) => getComputedStyle(el).color);
  expect(colour).not.toBe(await shown.evaluate((el) => getComputedStyle(el).color));
  await snap(drafter, testInfo, "suggest-02-drafter-sees");
  // The reviewer cannot pass it yet: suggestions are pending.
  // Accept the number, reject the deletion.
  await panel.getByRole("button", { name: "接受修订：删除“4”" }).click();
  await expect(panel.getByRole("heading", { name: "修订（2 处待处理）" })).toBeVisible();
  await panel.getByRole("button", { name: "接受修订：插入“5”" }).click();
  await expect(panel.getByRole("heading", { name: "修订（1 处待处理）" })).toBeVisible();
  await panel.getByRole("button", { name: "拒绝修订：删除“依法行政水平不断提升。”" }).click();
  await expect(panel).toHaveCount(0);
  await expect(drafter.getByTestId("section-text").or(drafter.getByRole("textbox", { name: "正文" }))).toContainText("全年召开党委会5次，专题学法2次。依法行政水平不断提升。");
  await snap(drafter, testInfo, "suggest-03-decided");

  // The reviewer passes it.
  await reviewer.goto(sectionUrl);
  await reviewer.getByRole("button", { name: "通过", exact: true }).click();
  await expect(reviewer.getByTestId("section-status")).toHaveText("已通过");
  // The history says who suggested and who accepted.
  await reviewer.goto(`${sectionUrl}/history`);
  await expect(reviewer.getByText("接受 张核稿 的修订").first()).toBeVisible();
});


test("the 修订稿 goes to Word and comes back: downloaded with its revisions, uploaded as a reviewed file, previewed and imported as suggestions", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const reportUrl = await templateReport(browser, 2034);
  const reportId = reportUrl.split("/").pop()!;
  const drafter = await person(browser, "drafter");
  const reviewer = await person(browser, "reviewer");
  const report = (await (await drafter.request.get(`/api/reports/${reportId}`)).json()) as { sections: { id: string; kind: string; version: number; reviewState: string }[] };
  const section = report.sections.find((s) => s.kind === "heading" && s.reviewState !== "composed")!;
  expect((await drafter.request.put(`/api/sections/${section.id}`, { data: { baseVersion: section.version, content: paras("全年召开党委会4次。") } })).ok()).toBe(true);
  const proposed = await reviewer.request.post(`/api/sections/${section.id}/suggestions`, { data: { baseVersion: section.version + 1, content: paras("全年召开党委会5次。") } });
  expect(proposed.ok()).toBe(true);

  await reviewer.goto(reportUrl);
  const [download] = await Promise.all([reviewer.waitForEvent("download"), reviewer.getByRole("link", { name: "下载修订稿" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^修订稿-.*\.docx$/);
  const file = testInfo.outputPath("reviewed.docx");
  await download.saveAs(file);
  // The owner rejects the suggestions; the reviewed file brings them back.
  expect((await drafter.request.post(`/api/reports/${reportId}/suggestions`, { data: { action: "rejectAll" } })).ok()).toBe(true);

  const panel = reviewer.getByRole("region", { name: "导入审阅稿" });
  await panel.getByLabel("审阅过的 Word 文件（.docx）").setInputFiles(file);
  await panel.getByRole("button", { name: "预览" }).click();
  await expect(panel.getByTestId("review-preview")).toContainText("将导入 2 处修订、0 条评论；0 处无法对应到章节。");
  await snap(reviewer, testInfo, "review-import-preview");
  await panel.getByRole("button", { name: "确认导入" }).click();
  await expect(panel.getByRole("status")).toHaveText("已导入 2 处修订、0 条评论。");
  const back = (await (await reviewer.request.get(`/api/reports/${reportId}/suggestions`)).json()) as { kind: string; text: string; author: string; source: string }[];
  expect(back.map((s) => `${s.kind}:${s.text}:${s.author}:${s.source}`)).toEqual(["delete:4:张核稿:word", "insert:5:张核稿:word"]);
});
