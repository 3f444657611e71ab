import { handleRoute } from "@/lib/http/route";
import { AccessError, MESSAGES } from "@/lib/auth/guard";
import { findVisibleReport, loadNumberedSections } from "@/lib/reports/queries";

export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor }) => {
    const { id } = await params;
    const report = await findVisibleReport(db, actor, id);
    if (!report) throw new AccessError(404, MESSAGES.notFound);
    const sections = await loadNumberedSections(db, report.id);
    return {
      id: report.id,
      office: report.office.code,
      year: report.year,
      status: report.status,
      title: report.title,
      docNumber: report.docNumber,
      sections: sections.map(({ node, depth, label }) => ({
        id: node.id, depth, label, heading: node.heading, kind: node.kind, content: node.content, status: node.status, version: node.version,
      })),
    };
  });
}
