import { handleRoute } from "@/lib/http/route";
import { readInput } from "@/lib/http/body";
import { transitionSection } from "@/lib/workflow/service";
import { sectionTransitionSchema } from "@/lib/workflow/schemas";

/** POST {action, reason?}: 提交审核 / 撤回 / 通过 / 退回修改; an illegal one answers 409. */
export function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor, ip }) => {
    const input = await readInput(req, 64 * 1024, sectionTransitionSchema, { sectionId: (await params).id });
    return transitionSection(db, actor, input, ip);
  });
}
