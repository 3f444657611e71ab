// The 发文稿纸 as an A4 PDF, drawn with the document's fonts (pdfkit, as lib/export/pdf.ts).
import PDFDocument from "pdfkit";
import { FORM_GEOMETRY, FORM_PAGE, type FormCell, type IssueForm } from "../core/export/issue-form";
import { xmlSafe } from "../core/text/sanitise";
import { fontFiles, loadedFont } from "./fonts";
import { INK_ASPECT } from "../core/workflow/ink";

const { textSize, pad, lineGap } = FORM_GEOMETRY;
const INK = "#1a1a1a";

/** The handwriting in a cell: each stroke as a line through its points, thicker where pressed harder, fitted into the cell below its text. */
function drawInk(doc: PDFKit.PDFDocument, cell: FormCell) {
  if (!cell.ink) return;
  // The canvas is wider than tall (3:1); the mark keeps its proportions inside the cell.
  const boxH = cell.h - 2 * pad - (textSize + lineGap);
  const boxW = Math.min(cell.w - 2 * pad, boxH * INK_ASPECT);
  const ox = cell.x + pad;
  const oy = cell.y + pad;
  for (const stroke of cell.ink) {
    doc.save().lineCap("round").lineJoin("round").strokeColor(INK);
    for (let i = 1; i < stroke.length; i++) {
      const [x0, y0] = stroke[i - 1];
      const [x1, y1, p] = stroke[i];
      doc.lineWidth(0.8 + 1.6 * (p || 0.5)).moveTo(ox + x0 * boxW, oy + y0 * boxH).lineTo(ox + x1 * boxW, oy + y1 * boxH).stroke();
    }
    if (stroke.length === 1) doc.circle(ox + stroke[0][0] * boxW, oy + stroke[0][1] * boxH, 1.2).fill(INK);
    doc.restore();
  }
}

export async function renderIssueForm(form: IssueForm, title: string): Promise<Buffer> {
  const files = fontFiles();
  const doc = new PDFDocument({ size: [FORM_PAGE.width, FORM_PAGE.height], margin: 0, pdfVersion: "1.7", lang: "zh-CN", displayTitle: true, info: { Title: `发文稿纸 - ${xmlSafe(title)}`, Creator: "年度报告编审系统 Report Studio" } });
  for (const key of ["fang", "song", "title"] as const) doc.registerFont(key, loadedFont(key, files).font as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("title").fontSize(22).fillColor("#000").text(xmlSafe(form.heading), 0, 56, { width: FORM_PAGE.width, align: "center" });
  for (const cell of form.cells) {
    doc.save().lineWidth(0.75).strokeColor("#000").rect(cell.x, cell.y, cell.w, cell.h).stroke().restore();
    const width = cell.w - 2 * pad;
    if (cell.kind === "label") {
      doc.font("song").fontSize(textSize).fillColor("#000");
      const h = doc.heightOfString(cell.text, { width, align: "center", lineGap });
      doc.text(cell.text, cell.x + pad, cell.y + (cell.h - h) / 2, { width, align: "center", lineGap });
      continue;
    }
    doc.font("fang").fontSize(textSize).fillColor("#000");
    if (cell.text) doc.text(xmlSafe(cell.text), cell.x + pad, cell.y + pad, { width, lineGap });
    drawInk(doc, cell);
    if (cell.footer) doc.text(xmlSafe(cell.footer), cell.x + pad, cell.y + cell.h - pad - textSize - 2, { width, align: "right", lineBreak: false });
  }
  doc.save().lineWidth(1.5).rect(form.box.x, form.box.y, form.box.w, form.box.h).stroke().restore();
  doc.end();
  return done;
}
