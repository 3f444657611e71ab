import { handleRoute } from "@/lib/http/route";
import { listVisibleReports } from "@/lib/policy/visibility";

export function GET(req: Request) {
  return handleRoute(req, async ({ db, actor }) => {
    const reports = await listVisibleReports(db, actor);
    return reports.map((r) => ({ id: r.id, office: r.office.code, year: r.year, status: r.status, title: r.title, docNumber: r.docNumber }));
  });
}
