import { getDb } from "@/lib/db/client";
import { publishedPage } from "@/lib/export/service";
import { publicPageCsp } from "@/lib/export/html";

// 政务公开: no login. Only a report at 已公开 has a public page; anything else is 404,
// so nothing of a draft leaks, not even whether it exists. Caches must ask again every
// time (no-cache, with an ETag): a withdrawn report leaves the web at once.
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await publishedPage(getDb(), id);
  if (!page.ok) return new Response(page.html, { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
  const headers = {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": publicPageCsp(),
    "cache-control": "no-cache",
    etag: page.etag,
  };
  if (req.headers.get("if-none-match") === page.etag) return new Response(null, { status: 304, headers });
  return new Response(page.html, { headers });
}
