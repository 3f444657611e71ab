import { handleRoute } from "@/lib/http/route";
import { readInput } from "@/lib/http/body";
import { assignOwner } from "@/lib/sections/tree";
import { assignOwnerSchema } from "@/lib/sections/schemas";

/** PUT {ownerId}: the drafter who owns the section (null: nobody). */
export function PUT(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor, ip }) => {
    await assignOwner(db, actor, await readInput(req, 4 * 1024, assignOwnerSchema, { sectionId: (await params).id }), ip);
    return { ok: true };
  });
}
