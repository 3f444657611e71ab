import { test, expect } from "@playwright/test";
import { ROUTES } from "../tests/surface";
import { loginOk, open2022Report, paras } from "./fixtures";

test("every route handler refuses an anonymous caller (or is public by design)", async ({ request }) => {
  for (const [key, expected] of Object.entries(ROUTES)) {
    const [method, pattern] = key.split(" ");
    if (pattern.startsWith("/api/auth/")) continue; // next-auth's own endpoints, CSRF-token guarded
    const path = pattern.replace(/\[id\]/g, "nonexistent");
    const res = await request.fetch(path, { method, data: method === "GET" ? undefined : { action: "submitForCheck" } });
    expect(res.status(), key).toBe(expected);
  }
});

test("pages carry a strict CSP and no-framing headers; cookies are httpOnly and SameSite", async ({ page }) => {
  const res = await page.goto("/login");
  const h = res!.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
  await loginOk(page, "drafter");
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe("Lax");
});

test("a state-changing request from another origin is refused (CSRF)", async ({ page }) => {
  await loginOk(page, "drafter");
  const id = await open2022Report(page);
  const sections = (await (await page.request.get(`/api/reports/${id}`)).json()).sections;
  const res = await page.request.put(`/api/sections/${sections[0].id}`, {
    headers: { origin: "https://evil.example" },
    data: { baseVersion: 1, content: paras("跨站写入") },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toBe("跨站请求被拒绝。");
});

test("script in user text stays inert on the report page, the preview and the public page", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs++;
    await d.dismiss();
  });
  await loginOk(page, "reviewer");
  await page.goto("/reports/new");
  await page.getByLabel("年度", { exact: true }).fill("2035");
  await page.getByLabel("从规定模板").check();
  await page.getByRole("button", { name: "创建报告" }).click();
  await expect(page).toHaveURL(/\/reports\/(?!new$)[a-z0-9]+$/);
  const draft = { id: page.url().split("/").pop()! };
  const report = await (await page.request.get(`/api/reports/${draft.id}`)).json();
  const mine = report.sections.find((s: { kind: string }) => s.kind === "intro");
  const current = await (await page.request.get(`/api/sections/${mine.id}`)).json();
  const payload = `<img src=x onerror="alert('xss')"><script>alert('xss')</script>`;
  const saved = await page.request.put(`/api/sections/${mine.id}`, { data: { baseVersion: current.version, content: paras(payload) } });
  expect(saved.status()).toBe(200);
  await page.goto(`/reports/${draft.id}`);
  await expect(page.getByText(payload)).toBeVisible();
  await page.goto(`/reports/${draft.id}/preview`);
  await expect(page.locator("text").filter({ hasText: "<script>" }).first()).toBeAttached();
  expect(dialogs).toBe(0);
});
