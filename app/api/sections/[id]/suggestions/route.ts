import { handleRoute } from "@/lib/http/route";
import { readInput } from "@/lib/http/body";
import { sectionSuggestions } from "@/lib/suggestions/queries";
import { proposeChanges } from "@/lib/suggestions/propose";
import { proposeSchema } from "@/lib/suggestions/schemas";

type Params = { params: Promise<{ id: string }> };

export function GET(req: Request, { params }: Params) {
  return handleRoute(req, async ({ db, actor }) => sectionSuggestions(db, actor, (await params).id));
}

/** POST {baseVersion, content}: in 修订 mode, the text as the caller would have it; the difference becomes their suggestions. */
export function POST(req: Request, { params }: Params) {
  return handleRoute(req, async ({ db, actor, ip }) => proposeChanges(db, actor, await readInput(req, 1024 * 1024, proposeSchema, { sectionId: (await params).id }), ip));
}
