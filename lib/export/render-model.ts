// A document model to the bytes of one format: what the export's worker thread runs.
import type { DocumentModel } from "../core/export/model";
import type { ReviewMarks } from "../core/review/marked-body";
import { renderPdf } from "./pdf";
import { renderDocx } from "./docx";
import { renderHtml } from "./html";
import { renderOfd, type OfdMeta } from "./ofd";

export type RenderFormat = "pdf" | "docx" | "ofd" | "html";

/** `marks` (DOCX only): the 修订稿's revisions and comments; the other formats never carry marks. */
export async function renderModel(model: DocumentModel, format: RenderFormat, meta: OfdMeta, marks?: ReviewMarks): Promise<Buffer> {
  if (format === "pdf") return renderPdf(model);
  if (format === "docx") return renderDocx(model, marks);
  if (format === "ofd") return renderOfd(model, meta);
  return Buffer.from(renderHtml(model), "utf8");
}
