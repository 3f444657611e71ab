import { test, expect, type Page } from "@playwright/test";
import { loginOk, paras, person, snap } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("the whole journey: new report from last year, owners, writing, review in threads, 核稿, 签发 and 公开 through their dialogs", async ({ browser }, testInfo) => {
  test.setTimeout(480_000);
  const drafter = await person(browser, "drafter");
  const drafter2 = await person(browser, "drafter2");
  const reviewer = await person(browser, "reviewer");
  const approver = await person(browser, "approver");
  const admin = await person(browser, "admin");
  const owners: Record<string, Page> = { 李起草: drafter, 赵起草: drafter2 };

  // The administrator starts the 2024 report from the 2022 one (its owners carry over).
  await admin.goto("/reports/new");
  await admin.getByLabel("年度", { exact: true }).fill("2024");
  await admin.getByLabel(/上一年度报告（沿用/).selectOption({ label: "2022 · 上海市宝山区大场镇人民政府关于宝山区大场镇2022年法治政府建设的情况报告" });
  await snap(admin, testInfo, "journey-01-new-report");
  await admin.getByRole("button", { name: "创建报告" }).click();
  await expect(admin).toHaveURL(/\/reports\/(?!new$)[a-z0-9]+$/);
  const reportUrl = admin.url();
  const reportId = reportUrl.split("/").pop()!;

  // It assigns the owners, 导语 included.
  // The choice is saved by a server action: wait for its answer before reading the page again.
  await Promise.all([
    admin.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/reports/${reportId}`)),
    admin.getByLabel("导语 的负责人").selectOption({ label: "赵起草" }),
  ]);
  await expect(admin.getByLabel("导语 的负责人")).toHaveValue(/.+/);
  await admin.reload();
  await expect(admin.getByLabel("导语 的负责人").locator("option:checked")).toHaveText("赵起草");
  // Headings made only of sub-sections say so, and need no review.
  await expect(admin.getByRole("region", { name: /^一、/ }).first()).toContainText("由子章节组成");
  await snap(admin, testInfo, "journey-02-owners");

  // Each drafter writes their sections in the editor, then submits them all.
  type Section = { id: string; label: string; heading: string; kind: string; reviewState: string; ownerId: string | null };
  const report = (await (await admin.request.get(`/api/reports/${reportId}`)).json()) as { sections: Section[]; drafters: { id: string; name: string }[] };
  const toWrite = report.sections.filter((s) => s.reviewState !== "composed");
  for (const s of toWrite) {
    const page = owners[report.drafters.find((d) => d.id === s.ownerId)!.name];
    const title = s.kind === "intro" ? "导语" : `${s.label}${s.heading}`;
    await page.goto(reportUrl);
    await page.getByRole("link", { name: `编辑 ${title}`, exact: true }).click();
    const editor = page.getByRole("textbox", { name: "正文" });
    await editor.click();
    await page.keyboard.type(`${s.kind === "intro" ? "2024年" : s.heading}：本年度工作情况。`);
    await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
    await expect(page.getByTestId("section-status")).toHaveText("起草中");
    await expect(page.getByTestId("section-version")).toHaveText("第 2 版");
  }
  await snap(drafter, testInfo, "journey-03-writing");
  for (const p of [drafter, drafter2]) {
    await p.goto(reportUrl);
    await p.getByRole("button", { name: /^提交我负责的全部章节/ }).click();
    await expect(p.getByRole("status").filter({ hasText: /已提交 \d+ 个章节/ })).toBeVisible();
  }

  // The reviewer sees them waiting, in reading order and numbered; comments on a passage and returns one.
  await reviewer.goto("/inbox");
  const waiting = reviewer.getByRole("region", { name: "待审核的章节" });
  const ours = waiting.getByRole("listitem").filter({ hasText: "2024 ·" });
  await expect(ours).toHaveCount(toWrite.length);
  await expect(ours.first()).toContainText("导语");
  await snap(reviewer, testInfo, "journey-04-inbox");
  await waiting.getByRole("link", { name: /存在的不足和原因/ }).click();
  const text = reviewer.getByRole("textbox", { name: "正文" });
  await expect(text).toContainText("本年度工作情况");
  await text.selectText();
  await reviewer.getByRole("button", { name: "评论所选文字" }).click();
  await reviewer.getByLabel("发表评论").fill("请补充具体数据。");
  await reviewer.getByRole("button", { name: "发表", exact: true }).click();
  await expect(reviewer.getByRole("region", { name: "评论" })).toContainText("请补充具体数据。");
  await reviewer.getByRole("button", { name: "退回修改" }).click();
  await reviewer.getByLabel("退回理由（必填）").fill("缺少具体数据，请补充。");
  await reviewer.getByRole("button", { name: "确认退回" }).click();
  await expect(reviewer.getByTestId("section-status")).toHaveText("退回修改");

  // Its owner is told, reads the reason on top, answers in the thread, fixes and resubmits.
  const returned = report.sections.find((s) => s.heading.includes("存在的不足和原因"))!;
  const fixer = owners[report.drafters.find((d) => d.id === returned.ownerId)!.name];
  await fixer.goto("/notifications");
  await fixer.getByRole("link", { name: /被退回修改：缺少具体数据/ }).click();
  await expect(fixer.getByRole("region", { name: "退回修改的理由" })).toContainText("缺少具体数据，请补充。");
  const thread = fixer.getByRole("region", { name: "评论" }).getByRole("listitem").filter({ hasText: "请补充具体数据。" });
  await thread.getByRole("button", { name: "回复" }).click();
  await fixer.getByLabel("回复内容").fill("已补充全年执法培训的次数。");
  await fixer.getByRole("button", { name: "发表回复" }).click();
  await expect(thread.getByRole("list", { name: "回复" })).toContainText("已补充全年执法培训的次数。");
  const editor = fixer.getByRole("textbox", { name: "正文" });
  // The commented passage is highlighted in the editor too.
  await expect(editor.locator(".comment-mark")).toContainText("本年度工作情况");
  await editor.click();
  await fixer.keyboard.press("End");
  await fixer.keyboard.type("全年开展执法培训6次。");
  await expect(fixer.getByTestId("save-status")).toHaveText(/^已保存/);
  await snap(fixer, testInfo, "journey-05-returned-and-answered");
  await fixer.getByRole("button", { name: "提交审核" }).click();
  await expect(fixer.getByRole("button", { name: "撤回" })).toBeVisible();
  await expect(fixer.getByRole("region", { name: "退回修改的理由" })).toHaveCount(0);

  // The reviewer reads the answer, resolves the thread, and passes every section.
  await reviewer.goto(`${reportUrl}/sections/${returned.id}`);
  const answered = reviewer.getByRole("region", { name: "评论" }).getByRole("listitem").filter({ hasText: "请补充具体数据。" });
  await expect(answered).toContainText("已补充全年执法培训的次数。");
  await answered.getByRole("button", { name: "标为已解决" }).first().click();
  await expect(answered.getByRole("button", { name: "重新打开" }).first()).toBeVisible();
  for (let i = 0; i < toWrite.length; i++) {
    await reviewer.goto("/inbox");
    await reviewer.getByRole("region", { name: "待审核的章节" }).getByRole("listitem").filter({ hasText: "2024 ·" }).first().getByRole("link").click();
    await reviewer.getByRole("button", { name: "通过" }).click();
    await expect(reviewer.getByRole("button", { name: "通过" })).toHaveCount(0);
  }

  // 提交核稿, then 核稿通过 through its dialog with a 核稿意见.
  await reviewer.goto(reportUrl);
  await expect(reviewer.getByTestId("count-passed")).toHaveText(String(toWrite.length));
  await reviewer.getByRole("button", { name: "提交核稿" }).click();
  await expect(reviewer.getByTestId("report-status")).toHaveText("核稿中");
  await reviewer.getByRole("button", { name: "核稿通过" }).click();
  const check = reviewer.getByRole("dialog", { name: "核稿通过" });
  await check.getByLabel("核稿意见").fill("文字、格式已核，同意报签。");
  await snap(reviewer, testInfo, "journey-06-check-dialog");
  await check.getByRole("button", { name: "确认核稿通过" }).click();
  await expect(reviewer.getByTestId("report-status")).toHaveText("待签发");

  // The approver signs off through the dialog: open comments listed, the fingerprint shown, the 签发意见 written.
  await approver.goto("/inbox");
  await approver.getByRole("region", { name: "待签发的报告" }).getByRole("link").click();
  await approver.getByRole("button", { name: "签发", exact: true }).click();
  const sign = approver.getByRole("dialog", { name: "签发" });
  await expect(sign.getByRole("region", { name: "未解决的评论" })).toContainText("退回修改：缺少具体数据，请补充。");
  await expect(sign.getByTestId("signing-hash")).toHaveText(/^[0-9a-f]{64}$/);
  const hash = await sign.getByTestId("signing-hash").textContent();
  // Disabled until the opinion and the 主送机关 are written: it looks disabled and says what is missing.
  const confirm = sign.getByRole("button", { name: "确认签发" });
  await expect(confirm).toBeDisabled();
  await expect(confirm).toHaveCSS("cursor", "not-allowed");
  await expect(confirm).toHaveAccessibleDescription("还需填写：签发意见、主送机关");
  await sign.getByLabel("签发意见").fill("同意印发。");
  await expect(confirm).toHaveAccessibleDescription("还需填写：主送机关");
  // The report goes up to the district: a 上行文, whose header the dialog shows with the 签发人 once it has its 主送机关.
  await expect(sign.getByTestId("header-kind")).toHaveText(/须有主送机关/);
  await expect(sign.getByTestId("header-signer")).toHaveCount(0);
  await sign.getByLabel("主送机关", { exact: true }).fill("区政府");
  await expect(sign.getByTestId("header-kind")).toHaveText(/上行文.*签发人：陈签发/);
  await expect(sign.getByTestId("header-signer")).toHaveText("签发人：陈签发");
  await expect(confirm).toBeEnabled();
  await snap(approver, testInfo, "journey-07-sign-dialog");
  await confirm.click();
  await expect(approver.getByTestId("report-status")).toHaveText("已签发");
  await expect(approver.locator("dt", { hasText: /^签发人$/ }).locator("xpath=following-sibling::dd")).toHaveText("陈签发");
  await expect(approver.locator("dt", { hasText: /^主送机关/ }).locator("xpath=following-sibling::dd")).toHaveText("区政府");

  // The text is frozen: an edit through the API is refused.
  const frozen = toWrite[1];
  const current = await (await drafter.request.get(`/api/sections/${frozen.id}`)).json();
  const attempt = await drafter.request.put(`/api/sections/${frozen.id}`, { data: { baseVersion: current.version, content: paras("签发后的修改") } });
  expect(attempt.status()).toBe(409);
  expect((await attempt.json()).error).toMatch(/冻结/);

  // The administrator issues it: the 发文字号 appears.
  await admin.goto(reportUrl);
  await admin.getByRole("button", { name: "印发" }).click();
  const flow = admin.getByRole("region", { name: "报告流转" });
  await flow.getByLabel("抄送").fill("区依法治区办");
  await flow.getByLabel("印数").fill("9");
  await admin.getByRole("button", { name: "确认印发（分配发文字号）" }).click();
  await expect(admin.getByTestId("report-status")).toHaveText("已印发");
  const docNumber = admin.getByText(/^宝大府〔\d{4}〕\d+号$/);
  await expect(docNumber).toBeVisible();
  const number = await docNumber.textContent();
  await snap(admin, testInfo, "journey-08-issued");

  // 公开 shows the public page as it will appear, then publishes on confirmation.
  await admin.getByRole("button", { name: "公开", exact: true }).click();
  await expect(admin).toHaveURL(`${reportUrl}/publish`);
  const frame = admin.frameLocator("iframe[title='公开页面预览']");
  await expect(frame.getByText(number!, { exact: true })).toBeVisible();
  await expect(frame.getByText("全年开展执法培训6次。")).toBeVisible();
  await snap(admin, testInfo, "journey-09-publish-preview");
  const publish = admin.getByRole("button", { name: "确认公开" });
  await admin.getByLabel("审查人").fill("");
  await expect(publish).toBeDisabled();
  await expect(publish).toHaveCSS("cursor", "not-allowed");
  await expect(publish).toHaveAccessibleDescription("还需填写：审查人");
  await admin.getByLabel("审查人").fill("王保密");
  await publish.click();
  await expect(admin).toHaveURL(reportUrl);
  await expect(admin.getByTestId("report-status")).toHaveText("已公开");
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/public/reports/${reportId}`);
  await expect(anonymous.getByText(number!, { exact: true })).toBeVisible();

  // Every step is in the 流转记录, readable by the drafter too, with the opinions in the 签发单.
  await drafter.goto(`${reportUrl}/trail`);
  const steps = drafter.getByRole("list", { name: "流转步骤" });
  for (const word of ["创建报告", "指定负责人", "提交审核", "评论", "回复评论", "退回修改", "解决评论", "通过", "提交核稿", "核稿通过", "签发", "印发", "公开"]) {
    await expect(steps.getByText(word, { exact: true }).first()).toBeVisible();
  }
  await expect(steps).toContainText("理由：缺少具体数据，请补充。");
  await expect(steps).toContainText(`发文字号：${number}`);
  const table = drafter.getByRole("region", { name: "签发单" });
  await expect(table.getByRole("row", { name: /核稿 张核稿 .*文字、格式已核，同意报签。/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /签发 陈签发 .*同意印发。/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /印发 王管理/ })).toBeVisible();
  const csv = await drafter.request.get(`/api/reports/${reportId}/signoff`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const sheet = await csv.text();
  expect(sheet).toContain(number!);
  expect(sheet).toContain("同意印发。");
  // What was signed is what the dialog showed.
  const signed = await drafter.request.get(`/api/reports/${reportId}/export?format=html`);
  expect(signed.status()).toBe(200);
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await snap(drafter, testInfo, "journey-10-trail");

  // The district reads the steps of the signed text and their opinions, not the town's review.
  const district = await person(browser, "district");
  await district.goto(`${reportUrl}/trail`);
  const above = district.getByRole("list", { name: "流转步骤" });
  for (const word of ["核稿通过", "签发", "印发", "公开"]) await expect(above.getByText(word, { exact: true }).first()).toBeVisible();
  await expect(above).toContainText("意见：同意印发。");
  for (const word of ["缺少具体数据", "退回修改", "提交审核", "保存章节"]) await expect(above.getByText(word)).toHaveCount(0);
  await expect(district.getByRole("region", { name: "签发单" }).getByRole("row", { name: /^起草/ })).toHaveCount(0);
  const aboveCsv = await (await district.request.get(`/api/reports/${reportId}/signoff`)).text();
  expect(aboveCsv).toContain("同意印发。");
  expect(aboveCsv).not.toContain("缺少具体数据");
  await snap(district, testInfo, "journey-11-trail-district");
});

test("an illegal step through the API answers 409 with a clear message", async ({ page }) => {
  await loginOk(page, "reviewer");
  const list = await (await page.request.get("/api/reports")).json();
  const published = list.find((r: { status: string }) => r.status === "published");
  const r = await page.request.post(`/api/reports/${published.id}/transitions`, { data: { action: "submitForCheck" } });
  expect(r.status()).toBe(409);
  expect((await r.json()).error).toBe("报告当前为“已公开”，不能提交核稿。");
});
