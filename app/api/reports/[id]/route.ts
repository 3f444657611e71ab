import { handleRoute } from "@/lib/http/route";
import { loadVisibleReport } from "@/lib/policy/visibility";
import { loadNumberedSections } from "@/lib/reports/queries";

export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor }) => {
    const { id } = await params;
    const { report } = await loadVisibleReport(db, actor, id);
    const [office, sections] = await Promise.all([db.office.findUniqueOrThrow({ where: { id: report.officeId }, select: { code: true } }), loadNumberedSections(db, report.id)]);
    return {
      id: report.id,
      office: office.code,
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
