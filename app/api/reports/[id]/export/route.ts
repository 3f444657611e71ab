import { handleRoute } from "@/lib/http/route";
import { exportFormatSchema, exportReport } from "@/lib/export/service";
import { parseInput } from "@/lib/validation";

/** GET ?format=pdf|docx|ofd|html: the report as a file named 发文字号 + title (草稿 + title for a draft). */
export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor, ip }) => {
    const format = parseInput(exportFormatSchema, new URL(req.url).searchParams.get("format") ?? "pdf");
    const { body, fileName, contentType } = await exportReport(db, actor, (await params).id, format, ip);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "cache-control": "no-store",
      },
    });
  });
}
