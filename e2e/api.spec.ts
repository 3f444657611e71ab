// docs/api.md, followed to the letter: an imported report (npm run cli -- import … --owner)
// taken from 起草中 to 已公开 with nothing but the documented requests.
import { test, expect, request as requests, type APIRequestContext } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { DEMO_PASSWORD } from "./fixtures";

const BASE = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/** The session as docs/api.md describes it: CSRF token, then the credentials form. */
async function signIn(username: string): Promise<APIRequestContext> {
  const api = await requests.newContext({ baseURL: BASE });
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const r = await api.post("/api/auth/callback/credentials", { form: { csrfToken, username, password: DEMO_PASSWORD, json: "true" }, maxRedirects: 0 });
  expect(r.status(), `${username} signs in`).toBeLessThan(400);
  expect((await api.get("/api/reports")).status(), `${username} has a session`).toBe(200);
  return api;
}

interface Section { id: string; label: string; heading: string; kind: string; content: { text: string }[]; version: number; ownerId: string | null; reviewState: string; policies: Record<string, boolean | "blocked"> }
interface Report { id: string; status: string; docNumber: string | null; policies: Record<string, boolean | "blocked">; drafters: { id: string; username: string }[]; sections: Section[] }

/** A 200 answer's JSON, as the shape docs/api.md gives it. */
async function ok<T = unknown>(res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  expect(res.status(), `${what}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/** A report as towns write them: 一、 made of its sub-sections, the other parts with text. */
const REPORT_2051 = `关于大场镇2051年法治政府建设的情况报告
区委依法治区办：
2051年，大场镇坚持依法行政，现将有关情况报告如下。
一、2051年度推进法治政府建设的主要举措和成效
（一）坚持党的全面领导
镇党委把法治政府建设纳入全年工作要点。
（二）严格规范公正文明执法
全年开展执法培训4次。
二、存在的不足和原因
基层执法力量仍然不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人专题研究法治工作3次。
四、2052年度推进法治政府建设的主要安排
继续推进严格规范公正文明执法。`;

test("an imported report goes from 起草中 to 已公开 through the JSON API alone", async ({}, testInfo) => {
  test.setTimeout(120_000);
  // The operator imports the text for 2051, with 李起草 owning every section.
  const root = process.cwd();
  const file = testInfo.outputPath("report-2051.txt");
  writeFileSync(file, REPORT_2051);
  const env = { ...process.env, DATA_DIR: join(root, "data", "e2e"), DATABASE_URL: `file:${join(root, "data", "e2e", "e2e.db")}` };
  const cli = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", "import", file, "--office", "dachang", "--year", "2051", "--owner", "drafter"], { env, encoding: "utf8" });
  expect(cli.status, cli.stderr).toBe(0);
  const reportId = cli.stdout.trim().split("\n").pop()!;

  const [drafter, drafter2, reviewer, approver, admin] = await Promise.all(["drafter", "drafter2", "reviewer", "approver", "admin"].map(signIn));
  const view = async (who: APIRequestContext): Promise<Report> => ok(await who.get(`/api/reports/${reportId}`), "GET report");
  let report = await view(drafter);
  expect(report.status).toBe("drafting");
  const me = report.sections.find((s) => s.ownerId)!.ownerId;
  expect(report.sections.every((s) => s.ownerId === me), "--owner: one drafter owns every section").toBe(true);

  // The administrator gives one section to 赵起草 (PUT …/owner, with an id from "drafters").
  const adminView = await view(admin);
  const toMove = adminView.sections.find((s) => s.kind === "heading" && s.content.length > 0)!;
  const zhao = adminView.drafters.find((d) => d.username === "drafter2")!;
  await ok(await admin.put(`/api/sections/${toMove.id}/owner`, { data: { ownerId: zhao.id } }), "assign");

  // Each owner submits what is theirs to submit; headings made of sub-sections need nothing.
  for (const who of [drafter, drafter2]) {
    for (const s of (await view(who)).sections.filter((x) => x.policies.submit === true)) {
      await ok(await who.post(`/api/sections/${s.id}/transitions`, { data: { action: "submit" } }), `submit ${s.heading}`);
    }
  }
  report = await view(reviewer);
  expect(report.sections.filter((s) => s.reviewState === "composed").length, "the import has headings made of sub-sections").toBeGreaterThan(0);

  // The reviewer comments on one section and returns it; the drafter answers in the thread and fixes it.
  const target = report.sections.find((s) => s.policies.pass === true && s.ownerId === me)!;
  const { id: threadId } = await ok<{ id: string }>(await reviewer.post(`/api/sections/${target.id}/comments`, { data: { body: "请补充全年的数字。" } }), "comment");
  await ok(await reviewer.post(`/api/sections/${target.id}/transitions`, { data: { action: "return", reason: "请补充全年的数字。" } }), "return");
  await ok(await drafter.post(`/api/sections/${target.id}/comments`, { data: { body: "已补充：全年12次。", parentId: threadId } }), "reply");
  const current = await ok<{ version: number; content: { text: string }[] }>(await drafter.get(`/api/sections/${target.id}`), "GET section");
  await ok(await drafter.put(`/api/sections/${target.id}`, { data: { baseVersion: current.version, content: [...current.content, { text: "全年开展专题学习12次。" }] } }), "save");
  await ok(await drafter.post(`/api/sections/${target.id}/transitions`, { data: { action: "submit" } }), "resubmit");
  const threads = await ok<{ id: string; replies: { body: string }[] }[]>(await reviewer.get(`/api/sections/${target.id}/comments`), "comments");
  const thread = threads.find((c) => c.id === threadId);
  expect(thread?.replies.map((r) => r.body)).toEqual(["已补充：全年12次。"]);
  await ok(await reviewer.patch(`/api/comments/${threadId}`, { data: { resolved: true } }), "resolve");

  // The reviewer passes every section, then 提交核稿 and 核稿通过 with a 核稿意见.
  for (const s of (await view(reviewer)).sections.filter((x) => x.policies.pass === true)) {
    await ok(await reviewer.post(`/api/sections/${s.id}/transitions`, { data: { action: "pass" } }), `pass ${s.heading}`);
  }
  expect((await view(reviewer)).policies.submitForCheck).toBe(true);
  await ok(await reviewer.post(`/api/reports/${reportId}/transitions`, { data: { action: "submitForCheck" } }), "submitForCheck");
  const noOpinion = await reviewer.post(`/api/reports/${reportId}/transitions`, { data: { action: "checkPass" } });
  expect(noOpinion.status()).toBe(400);
  expect((await noOpinion.json()).error).toMatch(/核稿意见/);
  await ok(await reviewer.post(`/api/reports/${reportId}/transitions`, { data: { action: "checkPass", opinion: "文字、格式已核，同意报签。" } }), "checkPass");
  // 签发 with the 签发意见; 印发 gives the number; 公开.
  await ok(await approver.post(`/api/reports/${reportId}/transitions`, { data: { action: "signOff", opinion: "同意印发。", addressee: "区政府" } }), "signOff");
  const issued = await ok<{ status: string }>(await admin.post(`/api/reports/${reportId}/transitions`, { data: { action: "issue", copyTo: "区依法治区办", copies: 5 } }), "issue");
  expect(issued.status).toBe("issued");
  await ok(await admin.post(`/api/reports/${reportId}/transitions`, { data: { action: "publish", secrecyReviewer: "王保密", secrecyResult: "不含涉密内容，同意公开。" } }), "publish");

  report = await view(drafter);
  expect(report.status).toBe("published");
  expect(report.docNumber).toMatch(/^宝大府〔\d{4}〕\d+号$/);
  const publicPage = await (await requests.newContext({ baseURL: BASE })).get(`/public/reports/${reportId}`);
  expect(publicPage.status()).toBe(200);
  expect(await publicPage.text()).toContain("全年开展专题学习12次。");
  const csv = await (await admin.get(`/api/reports/${reportId}/signoff`)).text();
  expect(csv).toContain("同意印发。");
});
