import { test, expect } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { buildCorpus } from "../tests/fixtures/word-corpus";
import { loginOk, snap } from "./fixtures";

// A town imports Word files it wrote: every paragraph shows on the report page exactly
// as written (numbers as the report gives them), in order; what the report cannot hold
// is named in the preview before anything is saved.
test.describe.configure({ mode: "serial" });

test("every file of the Word corpus imports into a report page that reads like the file", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  // 庙行镇's drafter: these reports stay out of 大场镇's lists the other tests read.
  await loginOk(page, "other");
  const corpus = await buildCorpus();
  for (const [i, fixture] of corpus.entries()) {
    const file = testInfo.outputPath(fixture.name);
    writeFileSync(file, fixture.file);
    await page.goto("/reports/new");
    await page.getByLabel("年度", { exact: true }).fill(String(2041 + i));
    await page.getByLabel("导入 Word 或粘贴文字").check();
    await page.getByLabel("Word 文件（.docx）或文本文件（.txt）").setInputFiles(file);
    await page.getByRole("button", { name: "识别预览" }).click();
    const preview = page.getByRole("region", { name: "导入预览" });
    await expect(preview).toBeVisible();
    for (const note of fixture.notes) await expect(preview.getByRole("region", { name: "无法导入的内容和说明" })).toContainText(note);
    for (const [from, to] of fixture.renumbered ?? []) await expect(preview.getByRole("region", { name: "编号调整" })).toContainText(`原编号 ${from} → ${to}`);
    if (fixture.name === "table.docx") await snap(page, testInfo, "import-preview-table");
    await page.getByRole("button", { name: "确认导入并创建报告" }).click();
    await expect(page).toHaveURL(/\/reports\/(?!new$)[a-z0-9]+$/);
    const blocks = await page.getByTestId("section-block").allInnerTexts();
    const all = blocks.join("\n").replace(/\s/g, "");
    let from = 0;
    for (const line of fixture.lines) {
      const want = line.replace(/\s/g, "");
      const at = all.indexOf(want, from);
      expect(at, `${fixture.name}: missing or out of order on the report page: ${line}`).toBeGreaterThanOrEqual(0);
      from = at + want.length;
    }
    if (fixture.name === "run-in.docx") await snap(page, testInfo, "report-run-in");
  }
});
