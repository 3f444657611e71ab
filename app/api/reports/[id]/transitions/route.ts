import { handleRoute } from "@/lib/http/route";
import { readJson } from "@/lib/http/body";
import { transitionReport } from "@/lib/workflow/service";

/** POST {action, reason?, sectionIds?, copyTo?, copies?}: one workflow step; an illegal one answers 409. */
export function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor, ip }) => {
    const body = (await readJson(req, 64 * 1024)) as Record<string, unknown>;
    return transitionReport(db, actor, { ...body, reportId: (await params).id }, ip);
  });
}
