import { handleRoute } from "@/lib/http/route";
import { publicPagePreview } from "@/lib/export/service";
import { publicPageCsp } from "@/lib/export/html";

/** The public page as 公开 will publish it, framed by /reports/[id]/publish (this origin only). */
export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor }) => {
    const html = await publicPagePreview(db, actor, (await params).id);
    return new Response(html, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": publicPageCsp("'self'"),
        "x-frame-options": "SAMEORIGIN",
        "cache-control": "no-store",
      },
    });
  });
}
