import { handleRoute } from "@/lib/http/route";
import { reportApiView } from "@/lib/views/report-view";

/** The report, its numbered sections, and "policies": what the caller may do to each (true, "blocked" or false). */
export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor }) => reportApiView(db, actor, (await params).id));
}
