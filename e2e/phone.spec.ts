// 签发 on a phone (390×844, touch): 待办 → the report → its text in one column → the 签发 dialog
// with the open comments and suggestions → opinion and handwriting by finger → stored.
import { test, expect, request as requests, type APIRequestContext, type Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { DEMO_PASSWORD, loginOk, snap } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const BASE = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const TEXT = `关于大场镇2053年法治政府建设的情况报告
区委依法治区办：
2053年，大场镇坚持依法行政，现将有关情况报告如下。
一、2053年度推进法治政府建设的主要举措和成效
镇党委把法治政府建设纳入全年工作要点，全年开展执法培训4次，组织全镇执法人员参加行政执法资格考试，通过率百分之百。
二、存在的不足和原因
基层执法力量仍然不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人专题研究法治工作3次。
四、2054年度推进法治政府建设的主要安排
继续推进严格规范公正文明执法。`;

async function signIn(username: string): Promise<APIRequestContext> {
  const api = await requests.newContext({ baseURL: BASE });
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, username, password: DEMO_PASSWORD, json: "true" }, maxRedirects: 0 });
  return api;
}
async function ok(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string) {
  expect(res.status(), `${what}: ${await res.text()}`).toBe(200);
  return res.json();
}

/** WCAG 2 A and AA, by axe-core, on the page as it is. */
async function axe(page: Page, what: string) {
  await page.addScriptTag({ path: join(process.cwd(), "node_modules/axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  expect(violations, `axe on ${what}`).toEqual([]);
}

/** Nothing wider than the phone: no sideways scrolling. */
async function fitsWidth(page: Page, what: string) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide, `${what} is ${wide}px wide`).toBeLessThanOrEqual(390);
}

/** A finger's stroke on the pad: pointer events of pointerType "touch", at fractions of the pad. */
async function fingerStroke(page: Page, points: [number, number][], pointerId: number) {
  await page.getByTestId("ink-pad").evaluate((el, { points, pointerId }) => {
    const r = el.getBoundingClientRect();
    const at = ([x, y]: [number, number]) => ({ clientX: r.left + x * r.width, clientY: r.top + y * r.height, pointerId, pointerType: "touch", isPrimary: true, bubbles: true, pressure: 0.5 });
    el.dispatchEvent(new PointerEvent("pointerdown", at(points[0])));
    for (const p of points.slice(1)) el.dispatchEvent(new PointerEvent("pointermove", at(p)));
    el.dispatchEvent(new PointerEvent("pointerup", at(points.at(-1)!)));
  }, { points, pointerId });
}

test("the approver signs off on a phone: reads the text in one column, sees what is open, writes by hand", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const root = process.cwd();
  const file = testInfo.outputPath("report-2053.txt");
  writeFileSync(file, TEXT);
  const env = { ...process.env, DATA_DIR: join(root, "data", "e2e"), DATABASE_URL: `file:${join(root, "data", "e2e", "e2e.db")}` };
  const cli = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", "import", file, "--office", "dachang", "--year", "2053", "--owner", "drafter"], { env, encoding: "utf8" });
  expect(cli.status, cli.stderr).toBe(0);
  const reportId = cli.stdout.trim().split("\n").pop()!;
  const [drafter, reviewer] = await Promise.all(["drafter", "reviewer"].map(signIn));
  type Sections = { sections: { id: string; policies: Record<string, unknown> }[] };
  for (const s of ((await ok(await drafter.get(`/api/reports/${reportId}`), "view")) as Sections).sections.filter((x) => x.policies.submit === true)) {
    await ok(await drafter.post(`/api/sections/${s.id}/transitions`, { data: { action: "submit" } }), "submit");
  }
  const sections = ((await ok(await reviewer.get(`/api/reports/${reportId}`), "view")) as Sections).sections;
  const commented = sections.find((x) => x.policies.pass === true)!;
  await ok(await reviewer.post(`/api/sections/${commented.id}/comments`, { data: { body: "培训次数请与台账核对。" } }), "comment");
  for (const s of sections.filter((x) => x.policies.pass === true)) await ok(await reviewer.post(`/api/sections/${s.id}/transitions`, { data: { action: "pass" } }), "pass");
  await ok(await reviewer.post(`/api/reports/${reportId}/transitions`, { data: { action: "submitForCheck" } }), "submitForCheck");
  await ok(await reviewer.post(`/api/reports/${reportId}/transitions`, { data: { action: "checkPass", opinion: "文字已核，同意报签。" } }), "checkPass");

  // On the phone: 待办 → the report.
  await loginOk(page, "approver");
  await page.goto("/inbox");
  await fitsWidth(page, "待办");
  await axe(page, "待办");
  await snap(page, testInfo, "phone-01-inbox");
  await page.getByRole("region", { name: "待签发的报告" }).getByRole("link").filter({ hasText: "2053" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/reports/${reportId}$`));
  await expect(page.getByTestId("report-status")).toHaveText("待签发");
  await fitsWidth(page, "the report");
  await axe(page, "the report");
  await snap(page, testInfo, "phone-02-report");

  // The text, as the preview shows it, in one column that fits.
  await page.goto(`/reports/${reportId}/preview`);
  await expect(page.getByText("全年开展执法培训4次").first()).toBeVisible();
  await fitsWidth(page, "the preview");
  await axe(page, "the preview");
  await snap(page, testInfo, "phone-03-preview");

  // 签发: the open comments and suggestions listed; opinion typed; handwriting by finger.
  await page.goto(`/reports/${reportId}`);
  await page.getByRole("button", { name: "签发", exact: true }).tap();
  const sign = page.getByRole("dialog", { name: "签发" });
  await expect(sign.getByRole("region", { name: "未解决的评论" })).toContainText("培训次数请与台账核对。");
  await expect(sign.getByRole("region", { name: "未处理的修订" })).toBeVisible();
  await sign.getByLabel("签发意见").fill("同意印发。");
  const strokes: [number, number][][] = [[[0.1, 0.5], [0.3, 0.2], [0.5, 0.8], [0.7, 0.3]], [[0.2, 0.9], [0.9, 0.9]]];
  for (const [i, s] of strokes.entries()) await fingerStroke(page, s, 10 + i);
  await expect(sign.getByTestId("ink-pad")).toHaveAccessibleName(/已写 2 笔/);
  await fitsWidth(page, "the 签发 dialog");
  await axe(page, "the 签发 dialog");
  await snap(page, testInfo, "phone-04-sign-dialog");
  await sign.getByRole("button", { name: "确认签发" }).tap();
  await expect(page.getByTestId("report-status")).toHaveText("已签发");

  // The strokes as stored: drawn on the 流转记录 from the stored mark, point for point.
  await page.goto(`/reports/${reportId}/trail`);
  const mark = page.getByRole("img", { name: /的手写签批/ }).first();
  await expect(mark).toBeVisible();
  const d = (await mark.locator("path").getAttribute("d"))!;
  const subpaths = d.split("M").filter(Boolean).map((p) => p.split("L").map((xy) => xy.trim().split(" ").map(Number)));
  expect(subpaths.map((p) => p.length)).toEqual(strokes.map((s) => s.length));
  subpaths.forEach((p, i) => p.forEach(([x, y], j) => {
    expect(Math.abs(x - strokes[i][j][0] * 300)).toBeLessThan(2);
    expect(Math.abs(y - strokes[i][j][1] * 100)).toBeLessThan(2);
  }));
  await fitsWidth(page, "流转记录");
  await axe(page, "流转记录");
  await snap(page, testInfo, "phone-05-trail");
});
