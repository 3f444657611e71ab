import { handleRoute } from "@/lib/http/route";
import { readInput } from "@/lib/http/body";
import { resolveComment, resolveCommentSchema } from "@/lib/comments/service";

/** PATCH {resolved}: resolve a thread (a reply resolves its thread) or open it again. */
export function PATCH(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor, ip }) => {
    await resolveComment(db, actor, await readInput(req, 4 * 1024, resolveCommentSchema, { commentId: (await params).id }), ip);
    return { ok: true };
  });
}
