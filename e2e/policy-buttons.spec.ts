import { test, expect, type Page } from "@playwright/test";
import { paras, person } from "./fixtures";

// The pages show exactly what the policy allows: for every person and every state
// of a report, each workflow button is there and enabled when the policy allows the
// step, there and disabled when a condition blocks it, and absent otherwise; the
// same for editing, structure, comments and the report's information. The policy's
// answers come from the API (GET /api/reports/[id] returns them), and a sample of
// refused steps is tried through the API to see the server refuse them too.

test.describe.configure({ mode: "serial" });

const PEOPLE = ["drafter", "drafter2", "reviewer", "approver", "admin", "district", "other"] as const;
type Person = (typeof PEOPLE)[number];
const REPORT_BUTTONS = { submitForCheck: "提交核稿", checkPass: "核稿通过", signOff: "签发", issue: "印发", publish: "公开", return: "退回" } as const;
const SECTION_BUTTONS = { submit: "提交审核", withdraw: "撤回", pass: "通过", return: "退回修改" } as const;
type Flag = true | false | "blocked";
interface SectionView { id: string; label: string; heading: string; kind: string; depth: number; version: number; status: string; policies: Record<string, Flag> }
interface ReportView { id: string; status: string; policies: Record<string, Flag>; sections: SectionView[] }

async function shows(button: ReturnType<Page["getByRole"]>, flag: Flag | undefined, what: string) {
  if (flag === true) await expect(button, `${what}: allowed, so shown and enabled`).toBeEnabled();
  else if (flag === "blocked") await expect(button, `${what}: blocked, so shown disabled`).toBeDisabled();
  else await expect(button, `${what}: refused, so not shown`).toHaveCount(0);
}

const title = (s: SectionView) => (s.kind === "intro" ? "导语" : `${s.label}${s.heading}`);

async function checkReport(page: Page, who: Person, reportId: string): Promise<ReportView | null> {
  const api = await page.request.get(`/api/reports/${reportId}`);
  await page.goto(`/reports/${reportId}`);
  if (api.status() === 404) {
    await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
    return null;
  }
  const view = (await api.json()) as ReportView;
  const flow = page.getByRole("region", { name: "报告流转" });
  for (const [action, label] of Object.entries(REPORT_BUTTONS)) await shows(flow.getByRole("button", { name: label, exact: true }), view.policies[action], `${who} ${view.status} ${label}`);
  await expect(page.getByText(/^编辑报告信息/)).toHaveCount(view.policies.editMetadata === true ? 1 : 0);
  await expect(page.getByRole("button", { name: "添加一级章节" })).toHaveCount(view.policies.changeStructure === true ? 1 : 0);
  await expect(page.getByRole("link", { name: "下载 PDF" })).toHaveCount(view.policies.export === true ? 1 : 0);
  for (const s of view.sections) {
    await expect(page.getByRole("link", { name: `编辑 ${title(s)}`, exact: true }), `${who} edit link of ${title(s)}`).toHaveCount(s.policies.edit === true ? 1 : 0);
    await expect(page.getByRole("button", { name: `删除 ${title(s)}`, exact: true })).toHaveCount(s.policies.changeStructure === true ? 1 : 0);
    await expect(page.getByRole("button", { name: `在 ${title(s)} 下添加子章节`, exact: true })).toHaveCount(s.policies.addChild === true && s.depth < 4 ? 1 : 0);
    // Whoever may not edit a section may still open it (its comments, history, review).
    await expect(page.getByRole("link", { name: `查看 ${title(s)}`, exact: true })).toHaveCount(s.policies.edit === true ? 0 : 1);
  }
  return view;
}

async function checkSection(page: Page, who: Person, reportId: string, s: SectionView) {
  await page.goto(`/reports/${reportId}/sections/${s.id}`);
  const group = page.getByRole("group", { name: "审核操作" });
  for (const [action, label] of Object.entries(SECTION_BUTTONS)) await shows(group.getByRole("button", { name: label, exact: true }), s.policies[action], `${who} ${s.status} ${title(s)} ${label}`);
  await expect(page.getByRole("textbox", { name: "正文" })).toHaveCount(s.policies.edit === true ? 1 : 0);
  await expect(page.getByLabel("发表评论")).toHaveCount(s.policies.comment === true ? 1 : 0);
}

/** One refused report step, tried through the API: the server refuses it as well. */
async function triesRefused(page: Page, who: Person, view: ReportView) {
  const refused = Object.keys(REPORT_BUTTONS).find((a) => view.policies[a] === false);
  if (!refused) return;
  const r = await page.request.post(`/api/reports/${view.id}/transitions`, { data: { action: refused, reason: "试", ...(refused === "checkPass" || refused === "signOff" ? { opinion: "试" } : {}), ...(refused === "publish" ? { secrecyReviewer: "试", secrecyResult: "试" } : {}) } });
  expect([403, 404, 409], `${who} ${refused} at ${view.status}`).toContain(r.status());
}

test("every button on the report and section pages is one the policy allows, for every person in every state", async ({ browser }) => {
  test.setTimeout(600_000);
  const people = {} as Record<Person, Page>;
  for (const p of PEOPLE) people[p] = await person(browser, p);
  const { drafter, reviewer, approver, admin } = people;

  // The reviewer imports a short report for 2046 for the drafter: two sections with text, one without.
  await reviewer.goto("/reports/new");
  await reviewer.getByLabel("年度", { exact: true }).fill("2046");
  await reviewer.getByLabel("章节负责人").selectOption({ label: "李起草" });
  await reviewer.getByLabel("导入 Word 或粘贴文字").check();
  await reviewer.getByLabel("或粘贴报告全文").fill("大场镇人民政府关于2046年度法治政府建设情况的报告\n一、主要举措和成效\n今年的工作。\n二、存在的不足和原因\n还有不足。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人专题研究法治工作。\n四、下一步工作安排");
  await reviewer.getByRole("button", { name: "识别预览" }).click();
  await reviewer.getByRole("button", { name: "确认导入并创建报告" }).click();
  await expect(reviewer).toHaveURL(/\/reports\/(?!new$)[a-z0-9]+$/);
  const reportId = reviewer.url().split("/").pop()!;
  const sections = async () => ((await (await drafter.request.get(`/api/reports/${reportId}`)).json()) as ReportView).sections;
  const [first, second] = (await sections()).filter((s) => s.kind === "heading");

  // Drafting, with a section submitted and then changed by the reviewer (so four eyes
  // blocks the reviewer's 通过), and an empty one (so 提交审核 is blocked for its owner).
  expect((await drafter.request.post(`/api/sections/${first.id}/transitions`, { data: { action: "submit" } })).status()).toBe(200);
  const mine = (await sections()).find((s) => s.id === first.id)!;
  expect((await reviewer.request.put(`/api/sections/${first.id}`, { data: { baseVersion: mine.version, content: paras("今年的工作，核稿人改过。") } })).status()).toBe(200);

  // The two blocked steps are really there (so the table below checks disabled buttons too).
  const asReviewer = ((await (await reviewer.request.get(`/api/reports/${reportId}`)).json()) as ReportView).sections;
  expect(asReviewer.find((s) => s.id === first.id)!.policies.pass).toBe("blocked");
  expect((await sections()).find((s) => s.heading === "下一步工作安排")!.policies.submit).toBe("blocked");
  await reviewer.goto(`/reports/${reportId}/sections/${first.id}`);
  await expect(reviewer.getByRole("group", { name: "审核操作" }).getByText(/双人复核/)).toBeVisible();

  const checkAll = async () => {
    for (const who of PEOPLE) {
      const view = await checkReport(people[who], who, reportId);
      if (!view) continue;
      for (const s of view.sections) await checkSection(people[who], who, reportId, s);
      await triesRefused(people[who], who, view);
    }
  };
  await checkAll();

  // Everything written, submitted and passed; then each step of the report, checked at each.
  expect((await drafter.request.post(`/api/sections/${first.id}/transitions`, { data: { action: "withdraw" } })).status()).toBe(200);
  for (const s of await sections()) {
    const text = await drafter.request.put(`/api/sections/${s.id}`, { data: { baseVersion: s.version, content: paras(`${s.heading}：本年度情况。`) } });
    expect(text.status()).toBe(200);
    expect((await drafter.request.post(`/api/sections/${s.id}/transitions`, { data: { action: "submit" } })).status()).toBe(200);
    expect((await reviewer.request.post(`/api/sections/${s.id}/transitions`, { data: { action: "pass" } })).status()).toBe(200);
  }
  expect(second).toBeTruthy();
  for (const [page, action] of [[reviewer, "submitForCheck"], [reviewer, "checkPass"], [approver, "signOff"], [admin, "issue"], [admin, "publish"]] as const) {
    await checkAll();
    const opinion = action === "checkPass" ? { opinion: "已核。" } : action === "signOff" ? { opinion: "同意印发。", addressee: "区政府" } : action === "publish" ? { secrecyReviewer: "王保密", secrecyResult: "同意公开。" } : {};
    const r = await page.request.post(`/api/reports/${reportId}/transitions`, { data: { action, ...opinion } });
    expect(r.status(), `${action}: ${await r.text()}`).toBe(200);
  }
  await checkAll();
});
