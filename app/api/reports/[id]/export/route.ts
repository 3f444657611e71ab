import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/route";
import { EXPORT_RETRY_SECONDS, exportFormatSchema, exportReport } from "@/lib/export/service";
import { readerLocale } from "@/lib/http/action";
import { translate } from "@/lib/core/i18n/messages";
import { parseInput } from "@/lib/core/validation";
import { exportArchive } from "@/lib/archive/archive";
import { getT } from "@/lib/i18n/server";

/**
 * GET ?format=pdf|docx|ofd|html|form[&marks=1]: the report as a file named 发文字号 + title (草稿 + title for a draft);
 * form: its 发文稿纸 (docs/issue-form.md), a PDF named 发文稿纸- + that name;
 * ?format=archive: the 归档包 of an issued report (lib/archive/archive.ts).
 * While other exports are rendering: 202 with `{ queued: true, ahead }` (the render goes on; ask again
 * after Retry-After); when the line is full: 503 with the same header.
 */
export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(req, async ({ db, actor, ip }) => {
    const query = new URL(req.url).searchParams;
    const id = (await params).id;
    const asked = query.get("format") ?? "pdf";
    // marks=1 with format=docx: the 修订稿, the pending suggestions and open comments as Word's revisions and comments.
    const outcome = asked === "archive"
      ? await exportArchive(db, actor, id, await getT(), ip)
      : await exportReport(db, actor, id, parseInput(exportFormatSchema, asked), ip, { marks: query.get("marks") === "1" });
    const retry = { "retry-after": String(EXPORT_RETRY_SECONDS), "cache-control": "no-store" };
    const locale = await readerLocale();
    if ("queued" in outcome) return NextResponse.json({ queued: true, ahead: outcome.queued.ahead, code: "export.inLine", error: translate(locale, "export.inLine", { ahead: outcome.queued.ahead }) }, { status: 202, headers: retry });
    if ("busy" in outcome) return NextResponse.json({ busy: true, code: "export.tooBusy", error: translate(locale, "export.tooBusy") }, { status: 503, headers: retry });
    const { body, fileName, contentType } = outcome.file;
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "cache-control": "no-store",
      },
    });
  });
}
