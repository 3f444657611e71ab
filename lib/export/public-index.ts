// 政务公开专栏: an office's published reports by year, open to anyone (no login). A
// district's page lists its towns' published reports too, so the public finds them in
// one place. Only 已公开 reports appear; nothing else of an office is shown.
import "server-only";
import type { Db } from "../db/client";
import { chinaDateOf } from "../core/dates";
import { PUBLIC_CSS } from "./html";
import { esc } from "../core/export/escape";

export async function publicIndex(db: Db, code: string): Promise<string | null> {
  if (!/^[a-z0-9_-]{1,32}$/.test(code)) return null;
  const office = await db.office.findUnique({ where: { code }, include: { children: { orderBy: { code: "asc" }, select: { id: true, name: true } } } });
  if (!office) return null;
  const offices = [{ id: office.id, name: office.name }, ...office.children];
  const reports = await db.report.findMany({
    where: { officeId: { in: offices.map((o) => o.id) }, status: "published" },
    orderBy: [{ year: "desc" }, { publishedAt: "desc" }],
    select: { id: true, year: true, title: true, docNumber: true, publishedAt: true, officeId: true },
  });
  // The same page as a published report's (html.ts): the red mark and rule, the serif title,
  // the white sheet on grey; a list of reports in place of the text.
  const section = (o: { id: string; name: string }) => {
    const own = reports.filter((r) => r.officeId === o.id);
    const items = own.map((r) => `<li><a href="/public/reports/${r.id}">${esc(r.title)}</a><span class="meta">${r.docNumber ? `${esc(r.docNumber)} · ` : ""}${r.year}年度 · 发布于 ${r.publishedAt ? chinaDateOf(r.publishedAt) : ""}</span></li>`).join("\n");
    return `<section class="office" aria-label="${esc(o.name)}"><h2>${esc(o.name)}</h2>${own.length ? `<ul class="reports">${items}</ul>` : '<p class="empty">尚无公开的报告。</p>'}</section>`;
  };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(office.fullName)} · 法治政府建设年度报告</title>
<style>${PUBLIC_CSS}</style>
</head>
<body>
<article>
<header>
<p class="mark">${esc(office.fullName)}</p>
<p class="docno">政务公开专栏</p>
<hr class="red">
<h1>法治政府建设年度报告</h1>
</header>
${offices.map(section).join("\n")}
</article>
</body>
</html>
`;
}

/** The public 404: the same words as for a report that is not published. */
export const PUBLIC_NOT_FOUND = "<!doctype html><meta charset=utf-8><title>未找到</title><p>未找到该公开页面。</p>";
