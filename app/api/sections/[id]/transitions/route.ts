import { handleRoute } from "@/lib/http/route";
import { readJson } from "@/lib/http/body";
import { transitionSection } from "@/lib/workflow/service";

/** POST {action, reason?}: 提交审核 / 撤回 / 通过 / 退回修改; an illegal one answers 409. */
export function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor, ip }) => {
    const body = (await readJson(req, 64 * 1024)) as Record<string, unknown>;
    return transitionSection(db, actor, { ...body, sectionId: (await params).id }, ip);
  });
}
