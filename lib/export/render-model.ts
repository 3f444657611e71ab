// A document model to the bytes of one format: what the export's worker thread runs.
import type { DocumentModel } from "../core/export/model";
import { renderPdf } from "./pdf";
import { renderDocx } from "./docx";
import { renderHtml } from "./html";
import { renderOfd, type OfdMeta } from "./ofd";

export type RenderFormat = "pdf" | "docx" | "ofd" | "html";

export async function renderModel(model: DocumentModel, format: RenderFormat, meta: OfdMeta): Promise<Buffer> {
  if (format === "pdf") return renderPdf(model);
  if (format === "docx") return renderDocx(model);
  if (format === "ofd") return renderOfd(model, meta);
  return Buffer.from(renderHtml(model), "utf8");
}
