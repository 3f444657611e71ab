import { handleRoute } from "@/lib/http/route";
import { readInput } from "@/lib/http/body";
import { reportSuggestions } from "@/lib/suggestions/queries";
import { decideAll } from "@/lib/suggestions/decide";
import { decideAllSchema } from "@/lib/suggestions/schemas";

type Params = { params: Promise<{ id: string }> };

/** The report's pending suggestions (修订), in reading order, each with where it applies now or stale. */
export function GET(req: Request, { params }: Params) {
  return handleRoute(req, async ({ db, actor }) => reportSuggestions(db, actor, (await params).id));
}

/** POST {action: "acceptAll"|"rejectAll", sectionId?, author?}: decide all of the report's, one section's, or one author's. */
export function POST(req: Request, { params }: Params) {
  return handleRoute(req, async ({ db, actor, ip }) => decideAll(db, actor, await readInput(req, 4 * 1024, decideAllSchema, { reportId: (await params).id }), ip));
}
