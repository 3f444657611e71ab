import { getDb } from "@/lib/db/client";
import { modelOfReport } from "@/lib/export/service";
import { PUBLIC_CSS_HASH, renderHtml } from "@/lib/export/html";

// 政务公开: no login. Only a report at 已公开 has a public page; anything else is 404,
// so nothing of a draft leaks, not even whether it exists.
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = getDb();
  const report = /^[a-z0-9]{1,64}$/.test(id) ? await db.report.findUnique({ where: { id }, select: { status: true } }) : null;
  if (!report || report.status !== "published") {
    return new Response("<!doctype html><meta charset=utf-8><title>未找到</title><p>未找到该公开文件。</p>", {
      status: 404,
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  }
  const html = renderHtml(await modelOfReport(db, id));
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `default-src 'none'; style-src ${PUBLIC_CSS_HASH}; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      "cache-control": "public, max-age=300",
    },
  });
}
