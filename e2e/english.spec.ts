import { test, expect, type APIResponse, type Browser, type Page } from "@playwright/test";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { loginOk, open2022Report, snap } from "./fixtures";

// In English, no page of the main journeys shows Chinese interface text. What people
// wrote (report text, headings, names, offices, comments) stays as written, so the
// check takes every such string from the database and looks at what is left; the
// laid-out document in the preview is the 公文 itself and is left out.

const HAN = /[\u3400-\u9fff]/u;

/** Everything in the database that people wrote or that names them, longest first (read by a tsx script: Playwright's loader cannot load the generated Prisma client). */
function writtenStrings(): string[] {
  const out = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "e2e/tools/written-strings.ts", join(process.cwd(), "data", "e2e", "e2e.db")], { encoding: "utf8" });
  return JSON.parse(out);
}

/**
 * The interface text of a page, piece by piece: its text nodes and accessible names,
 * leaving out the laid-out document and what is marked as Chinese (lang="zh-CN":
 * the switch to 中文 names its language in that language).
 */
async function interfaceText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = (e: Element | null) => !!e?.closest("svg[role=img], script, style, textarea, [lang='zh-CN']");
    const pieces: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!skip(n.parentElement) && n.textContent?.trim()) pieces.push(n.textContent.trim());
    for (const e of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
      if (skip(e)) continue;
      for (const a of ["aria-label", "title", "placeholder"]) if (e.getAttribute(a)) pieces.push(e.getAttribute(a)!);
    }
    return pieces;
  });
}

/** The pieces with Chinese left once everything people wrote is taken out. */
function leftover(pieces: string[], written: string[]): string[] {
  return pieces.filter((piece) => {
    let rest = piece;
    for (const s of written) rest = rest.split(s).join(" ");
    // 发文字号 are the office's own (宝大府〔2023〕8号), whatever their number.
    return HAN.test(rest.replace(/[^\s〔]*〔\d{4}〕\d+号/g, " "));
  });
}

async function inEnglish(browser: Browser, username: string, browserLocale?: string): Promise<Page> {
  const context = await browser.newContext(browserLocale ? { locale: browserLocale } : {});
  const page = await context.newPage();
  await loginOk(page, username);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Reports", exact: true })).toBeVisible();
  return page;
}

test("in English, every page of the main journeys shows no Chinese interface text", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const reviewer = await inEnglish(browser, "reviewer");
  const admin = await inEnglish(browser, "admin");
  const drafter = await inEnglish(browser, "drafter");
  const report2022 = await open2022Report(reviewer);
  // A report in drafting, for the editor and its buttons: the administrator starts one, in English.
  await admin.goto("/reports/new");
  await admin.getByLabel("Year", { exact: true }).fill("2047");
  await admin.getByLabel("The mandated template").check();
  await admin.getByRole("button", { name: "Create the report" }).click();
  await expect(admin).toHaveURL(/\/reports\/(?!new$)[a-z0-9]+$/);
  const drafting = admin.url().split("/").pop()!;
  const view = await (await reviewer.request.get(`/api/reports/${drafting}`)).json();
  const section = view.sections.find((s: { kind: string }) => s.kind === "heading");
  expect((await reviewer.request.put(`/api/sections/${section.id}`, { data: { baseVersion: section.version, content: [{ text: "本年度的工作。" }] } })).status()).toBe(200);
  // A comment on the 导语, so the record names that section ("Introduction", not 导语).
  const intro = view.sections.find((s: { kind: string }) => s.kind === "intro");
  expect((await reviewer.request.post(`/api/sections/${intro.id}/comments`, { data: { body: "导语请写明年度。" } })).status()).toBe(200);
  const district = await inEnglish(browser, "district");

  const visits: [Page, string][] = [
    [reviewer, "/reports"],
    [reviewer, `/reports/${report2022}`],
    [reviewer, `/reports/${drafting}`],
    [reviewer, `/reports/${drafting}/sections/${section.id}`],
    [reviewer, `/reports/${drafting}/sections/${section.id}/history`],
    [reviewer, `/reports/${report2022}/trail`],
    [reviewer, `/reports/${drafting}/trail`],
    [reviewer, `/reports/${report2022}/preview`],
    [reviewer, "/inbox"],
    [drafter, "/my-sections"],
    [drafter, "/notifications"],
    [drafter, `/reports/${drafting}/sections/${section.id}`],
    [admin, "/admin/users"],
    [admin, "/admin/office"],
    [admin, "/reports/new"],
    [admin, "/account/password"],
    [district, "/district?year=2022"],
    [district, "/district/inbox"],
    [district, `/reports/${report2022}/trail`],
  ];
  const written = writtenStrings();
  const found: string[] = [];
  for (const [page, path] of visits) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    for (const line of leftover(await interfaceText(page), written)) found.push(`${path}: ${line}`);
    if (path === `/reports/${drafting}` || path.endsWith(`/sections/${section.id}`)) await snap(page, testInfo, `english-${found.length}-${path.split("/").length}`);
  }
  expect(found).toEqual([]);
  await reviewer.goto(`/reports/${drafting}/trail`);
  await expect(reviewer.getByRole("list", { name: "Steps" })).toContainText("Section “Introduction”");
});

test("in English, the district's required parts are written in English words and dates read YYYY-MM-DD, picked from a calendar", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  // An English browser: its own date input would show 01/03/2023.
  const page = await inEnglish(browser, "district", "en-GB");
  await page.goto("/district?year=2022");
  await page.getByText("This year's requirements").click();
  const parts = page.getByLabel(/^Required parts/);
  await expect(parts).toHaveValue(/\| required\n/);
  await expect(parts).toHaveValue(/\| optional$/);
  await expect(parts).not.toHaveValue(/必需|可选/);
  const due = page.getByLabel("Sending deadline", { exact: true });
  await expect(due).toHaveValue("2023-03-01");
  await page.getByRole("button", { name: "Pick a date" }).first().click();
  const calendar = page.getByRole("dialog", { name: "Sending deadline: calendar" });
  await expect(calendar.getByRole("grid", { name: "March 2023" })).toBeVisible();
  await calendar.getByRole("button", { name: /March 3rd, 2023/ }).click();
  await expect(due).toHaveValue("2023-03-03");
  await snap(page, testInfo, "english-district-dates");
});

test("in English, refusals of the policy and of validation through the API are English, each with its code", async ({ browser }) => {
  const page = await inEnglish(browser, "drafter");
  const api = page.request;
  const reports = await (await api.get("/api/reports")).json();
  const published = reports.find((r: { status: string }) => r.status === "published");
  const report = await (await api.get(`/api/reports/${published.id}`)).json();
  const sectionId: string = report.sections?.[0]?.id ?? report.tree?.[0]?.id;
  const answers = [
    // the policy: a drafter may not take a report to 核稿
    await api.post(`/api/reports/${published.id}/transitions`, { data: { action: "submitForCheck" } }),
    // the state: a frozen report's text
    await api.put(`/api/sections/${sectionId}`, { data: { baseVersion: 1, content: [{ text: "改。" }] } }),
    // validation: a body that is not the schema's
    await api.put(`/api/sections/${sectionId}`, { data: { baseVersion: "one", content: "text" } }),
    // the text rule
    await api.put(`/api/sections/${sectionId}`, { data: { baseVersion: 1, content: [{ text: "坏\u0008字" }] } }),
    // not found (or not the reader's)
    await api.get("/api/reports/no-such-report"),
  ];
  const anonymous = await browser.newContext();
  await anonymous.addCookies([{ name: "lang", value: "en", url: new URL("/", page.url()).toString() }]);
  answers.push(await anonymous.request.get("/api/reports"));
  // The services' own refusals, each with its catalogue key as its code.
  const reviewer = (await inEnglish(browser, "reviewer")).request;
  const many = Array.from({ length: 501 }, (_, i) => `${i + 1}．第${i + 1}节`).join("\n");
  const coded: [string, number, Promise<APIResponse>][] = [
    // the district's pages are the district's
    ["refusal.notDistrict", 403, api.get("/api/district/overview?year=2022")],
    // an import past what a report can hold: too long a text, too many sections, a file of the old kind
    ["input.importTooLong", 400, api.post("/api/reports", { data: { source: "import", year: 2051, text: "a".repeat(600_001) } })],
    ["report.tooManySections", 413, reviewer.post("/api/imports/preview", { headers: { "x-file-name": "many.txt" }, data: Buffer.from(many) })],
    ["import.oldDoc", 400, reviewer.post("/api/imports/preview", { headers: { "x-file-name": "report.doc" }, data: Buffer.from("old") })],
    // a required field of a step, named in fieldErrors
    ["input.returnReasonRequired", 400, api.post(`/api/reports/${published.id}/transitions`, { data: { action: "return" } })],
  ];
  for (const [code, status, response] of coded) {
    const r = await response;
    expect(r.status(), code).toBe(status);
    expect((await r.json()).code).toBe(code);
    answers.push(r);
  }
  const seen = new Set<string>();
  for (const r of answers) {
    expect(r.status()).toBeGreaterThanOrEqual(400);
    const body = await r.json();
    expect(typeof body.code).toBe("string");
    seen.add(body.code);
    const said = [body.error, ...Object.values(body.fieldErrors ?? {})].join(" ");
    // The only Chinese allowed is what the user sent (quoted back).
    expect(said.replace(/坏.字|改。/g, ""), `${r.url()} ${r.status()}`).not.toMatch(HAN);
  }
  expect(seen.size).toBeGreaterThanOrEqual(10);
  await anonymous.close();
});

test("in English, a refusal the section tree shows is English: a section moved five levels deep", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await inEnglish(browser, "reviewer");
  const created = await page.request.post("/api/reports", { data: { source: "template", year: 2052, themes: [], includeOther: false } });
  expect(created.status()).toBe(200);
  await page.goto(`/reports/${(await created.json()).id}`);
  // Levels two to four under the first heading, and a second section at level four.
  const add = async (under: RegExp, heading: string) => {
    await page.getByRole("button", { name: under }).first().click();
    await page.getByLabel("New section heading").fill(heading);
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByRole("region", { name: new RegExp(`${heading}$`) })).toBeVisible();
  };
  await add(/^Add a subsection under 一、/, "Level two");
  await add(/^Add a subsection under .*Level two$/, "Level three");
  await add(/^Add a subsection under .*Level three$/, "Level four");
  await add(/^Add a subsection under .*Level three$/, "Also level four");
  // Demoted under its sibling it would be a fifth level: the server refuses, in English.
  await page.getByRole("button", { name: /^Demote .*Also level four$/ }).click();
  const status = page.getByRole("status").filter({ hasText: "levels deep" });
  await expect(status).toHaveText("Sections go at most 4 levels deep.");
  await expect(page.getByRole("region", { name: /Also level four$/ })).toBeVisible();
});
