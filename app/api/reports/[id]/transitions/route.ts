import { handleRoute } from "@/lib/http/route";
import { readInput } from "@/lib/http/body";
import { transitionReport } from "@/lib/workflow/service";
import { reportTransitionSchema } from "@/lib/workflow/schemas";

/** POST {action, reason?, sectionIds?, copyTo?, copies?}: one workflow step; an illegal one answers 409. */
export function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor, ip }) => {
    const input = await readInput(req, 64 * 1024, reportTransitionSchema, { reportId: (await params).id });
    return transitionReport(db, actor, input, ip);
  });
}
