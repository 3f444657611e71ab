import { handleRoute } from "@/lib/http/route";
import { readInput } from "@/lib/http/body";
import { addComment, addCommentSchema, listComments } from "@/lib/comments/service";

type Params = { params: Promise<{ id: string }> };

/** The section's comment threads (each with its replies); none for an office above, which reads only the signed text. */
export function GET(req: Request, { params }: Params) {
  return handleRoute(req, async ({ db, actor }) => listComments(db, actor, (await params).id));
}

/** POST {body, anchor?, parentId?}: a comment on the section (or a quoted passage), or a reply under a thread. */
export function POST(req: Request, { params }: Params) {
  return handleRoute(req, async ({ db, actor, ip }) => addComment(db, actor, await readInput(req, 64 * 1024, addCommentSchema, { sectionId: (await params).id }), ip));
}
