import { handleRoute } from "@/lib/http/route";
import { reportTrail, trailCsv } from "@/lib/workflow/trail";
import { getT } from "@/lib/i18n/server";

/** The 流转记录 as a CSV sign-off sheet (步骤, 人员, 时间) followed by every entry. */
export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor }) => {
    const { locale, t } = await getT();
    const { report, entries, readsReview } = await reportTrail(db, actor, (await params).id, t);
    const { csv, fileName } = trailCsv(report, entries, locale, t, readsReview);
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` },
    });
  });
}
