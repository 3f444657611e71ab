import { handleRoute } from "@/lib/http/route";
import { readInput } from "@/lib/http/body";
import { listVisibleReports } from "@/lib/policy/visibility";
import { createReport } from "@/lib/reports/create";
import { createReportSchema } from "@/lib/reports/schemas";

export function GET(req: Request) {
  return handleRoute(req, async ({ db, actor }) => {
    const reports = await listVisibleReports(db, actor);
    return reports.map((r) => ({ id: r.id, office: r.office.code, year: r.year, status: r.status, title: r.title, docNumber: r.docNumber }));
  });
}

/** POST {source, year, …}: a new report from the template, last year's report or imported text (as the 新建报告 form). */
export function POST(req: Request) {
  return handleRoute(req, async ({ db, actor, ip }) => createReport(db, actor, await readInput(req, 2 * 1024 * 1024, createReportSchema), ip));
}
