import { handleRoute } from "@/lib/http/route";
import { reportTrail, signOffTable, toCsv } from "@/lib/workflow/trail";

/** The 流转记录 as a CSV sign-off table (步骤, 人员, 时间) followed by every entry. */
export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor }) => {
    const { report, entries } = await reportTrail(db, actor, (await params).id);
    const local = (iso: string) => (iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "");
    const csv = toCsv([
      ["报告", report.title],
      ["发文字号", report.docNumber ?? ""],
      [],
      ["步骤", "人员", "时间"],
      ...signOffTable(entries).map((r) => [r.step, r.people, local(r.at)]),
      [],
      ["序号", "时间", "人员", "角色", "操作", "对象", "说明"],
      ...entries.map((e) => [String(e.seq), local(e.at), e.actorName, e.role, e.actionLabel, e.object, String(e.detail.reason ?? e.detail.docNumber ?? "")]),
    ]);
    const name = encodeURIComponent(`${report.title}-流转记录.csv`);
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename*=UTF-8''${name}` },
    });
  });
}
