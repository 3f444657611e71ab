import { handleRoute } from "@/lib/http/route";
import { readInput } from "@/lib/http/body";
import { decideSuggestion } from "@/lib/suggestions/decide";
import { decideOneSchema } from "@/lib/suggestions/schemas";

/** POST {action: "accept"|"reject"}: accepting is a save (a new version); a stale suggestion is refused. */
export function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor, ip }) => decideSuggestion(db, actor, await readInput(req, 4 * 1024, decideOneSchema, { suggestionId: (await params).id }), ip));
}
