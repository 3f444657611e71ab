import { getDb } from "@/lib/db/client";
import { PUBLIC_NOT_FOUND, publicIndex } from "@/lib/export/public-index";
import { publicPageCsp } from "@/lib/export/html";

// 政务公开专栏: no login; an office's (and its towns') published reports by year.
export async function GET(_req: Request, { params }: { params: Promise<{ office: string }> }) {
  const html = await publicIndex(getDb(), (await params).office);
  const headers = {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": publicPageCsp(),
    "cache-control": "no-cache",
  };
  if (!html) return new Response(PUBLIC_NOT_FOUND, { status: 404, headers });
  return new Response(html, { headers });
}
