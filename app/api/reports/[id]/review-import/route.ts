import { handleRoute } from "@/lib/http/route";
import { readBytes } from "@/lib/http/body";
import { MAX_UPLOAD_BYTES, uploadTooLarge } from "@/lib/import/preview";
import { importReview, previewReviewImport } from "@/lib/suggestions/review-import";

/**
 * POST a reviewed .docx's bytes: without ?confirm=1, what it would become (suggestions and
 * comments per section, what could not be placed), saving nothing; with it, stored.
 */
export function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor, ip }) => {
    const bytes = await readBytes(req, MAX_UPLOAD_BYTES, uploadTooLarge);
    const reportId = (await params).id;
    return new URL(req.url).searchParams.get("confirm") === "1" ? importReview(db, actor, reportId, bytes, ip) : previewReviewImport(db, actor, reportId, bytes);
  });
}
