import { handleRoute } from "@/lib/http/route";
import { Invalid } from "@/lib/errors";
import { EXPORT_FORMATS, exportReport, type ExportFormat } from "@/lib/export/service";

/** GET ?format=pdf|docx|html: the report as a file named 发文字号 + title (草稿 + title for a draft). */
export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor, ip }) => {
    const format = new URL(req.url).searchParams.get("format") ?? "pdf";
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new Invalid("格式只能是 pdf、docx 或 html。");
    const { body, fileName, contentType } = await exportReport(db, actor, (await params).id, format as ExportFormat, ip);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "cache-control": "no-store",
      },
    });
  });
}
