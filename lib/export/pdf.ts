// PDF from the layout: pdfkit embeds each font as a subset with a ToUnicode map
// (pdf-lib's fontkit path writes CJK CFF subsets poppler cannot read).
import PDFDocument from "pdfkit";
import { xmlSafeModel, type DocumentModel } from "../core/export/model";
import type { LaidOutPage } from "../core/export/layout/engine";
import { BOLD_STROKE, PAGE } from "../core/export/layout/geometry";
import { fontFiles, loadedFont } from "./fonts";
import { layoutFor } from "./layout";

export async function renderPdf(stored: DocumentModel, laidOut?: LaidOutPage[]): Promise<Buffer> {
  // The same text as the DOCX and OFD: without what an old row may hold and XML cannot.
  const model = xmlSafeModel(stored);
  const pages = laidOut ?? layoutFor(model);
  const files = fontFiles();
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: "1.7",
    lang: "zh-CN",
    displayTitle: true,
    info: {
      Title: model.draft ? `草稿 - ${model.title}` : model.title,
      Subject: model.header.docNumber ?? "草稿",
      Keywords: model.draft ? "草稿" : "正式",
      Creator: "年度报告编审系统 Report Studio",
    },
  });
  for (const key of ["fang", "kai", "hei", "title", "song"] as const) {
    // The fontkit font object already opened and parsed, so each export does not parse 60 MB of fonts again.
    doc.registerFont(key, loadedFont(key, files).font as unknown as Buffer);
  }
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const page of pages) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    for (const item of page.items) {
      if (item.kind === "rule") {
        doc.save().moveTo(item.x1, item.y).lineTo(item.x2, item.y).lineWidth(item.width).strokeColor(item.color).stroke().restore();
        continue;
      }
      doc.font(item.font).fontSize(item.size).fillColor(item.color);
      if (item.bold) {
        // The faces have no bold: fill and stroke the outline (text rendering mode 2), as Word does for a missing bold.
        doc.save().lineWidth(item.size * BOLD_STROKE).strokeColor(item.color);
        doc.text(item.text, item.x, item.y, { lineBreak: false, characterSpacing: item.charSpacing, baseline: "alphabetic", fill: true, stroke: true });
        doc.restore();
        continue;
      }
      doc.text(item.text, item.x, item.y, { lineBreak: false, characterSpacing: item.charSpacing, baseline: "alphabetic" });
    }
  }
  doc.end();
  return done;
}
