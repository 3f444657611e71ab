import { handleRoute } from "@/lib/http/route";
import { submissionPdf } from "@/lib/district/submission";

/** GET: the issued PDF exactly as it was sent up (报送), for the district and the town. */
export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor }) => {
    const { pdf, fileName } = await submissionPdf(db, actor, (await params).id);
    return new Response(new Uint8Array(pdf), {
      headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`, "cache-control": "no-store" },
    });
  });
}
