// The layout engine: a document model on GB/T 9704 pages. Pure (fonts come in as
// a measuring function), so it runs in tests without a PDF library. Its output,
// pages of positioned text runs and rules, feeds the PDF writer, the OFD writer
// and the preview.
import type { BodyBlock, DocumentModel, RunStyle } from "../model";
import { breakTitle } from "./title";
import { colophonRows, markLayout, signaturePositions, SIGNER_LABEL } from "./rules";
import {
  CHAR_PITCH, COLOPHON_THICK, COLOPHON_THIN, LINE_PITCH, LINES_PER_PAGE, MARK_OFFSET, PAGE_NUMBER_GAP, RED, RED_LINE_GAP,
  RED_LINE_WIDTH, SIZE, TEXT, TEXT_BOTTOM, TEXT_RIGHT, TITLE_WIDTH, baselineOf,
} from "./geometry";
import { BLACK, gridSpacing, LineMaker, PageWriter, type FontKey, type Fonts, type LaidOutPage, type Line } from "./lines";

export type { FontKey, Fonts, LaidOutPage, Role, Rule, TextRun } from "./lines";

/** 一、 黑体; （一） 楷体; 1． and （1） 仿宋 like the body (§7.3.3). */
export const STYLE_FONT: Record<RunStyle, FontKey> = { heading1: "hei", heading2: "kai", heading3: "fang", heading4: "fang", body: "fang", lead: "fang" };

/** Lines above the 标志 taken by 份号, 密级 and 紧急程度. */
export const headerLinesAbove = (model: DocumentModel) => [model.header.copyNumber, model.header.secrecy, model.header.urgency].filter(Boolean).length;

/**
 * Where the 版头 falls on page 1's grid: the 标志 (top edge 35 mm below the 版心's top),
 * the 发文字号's grid line (two blank lines below the 标志), the red line 4 mm below it and
 * the title's first line (two blank lines below the red line). The DOCX writer builds
 * its 版头 from the same rows.
 */
export function headerRows(model: DocumentModel, measureTitle: (text: string, size: number) => number) {
  const mark = markLayout(model.header.mark, measureTitle);
  const markTop = TEXT.top + MARK_OFFSET;
  // Without a 发文字号 the red line keeps the place it would have below one.
  const docNumberRow = Math.ceil((markTop + mark.height - TEXT.top) / LINE_PITCH) + 2;
  const redY = baselineOf(docNumberRow, SIZE.body) + 0.12 * SIZE.body + RED_LINE_GAP;
  const titleRow = Math.ceil((redY - TEXT.top) / LINE_PITCH) + 2;
  return { mark, markTop, docNumberRow, redY, titleRow };
}

export function layoutDocument(model: DocumentModel, fonts: Fonts): LaidOutPage[] {
  const lines = new LineMaker(fonts);
  const pages = new PageWriter();
  layoutHeader(pages, lines, model);
  layoutTitle(pages, lines, model);
  layoutBody(pages, lines, model);
  layoutAttachments(pages, lines, model);
  layoutSignature(pages, lines, model);
  layoutColophon(pages, lines, model);
  numberPages(pages.pages, lines);
  return pages.pages;
}

/** 版头: 份号, 密级, 紧急程度, the 标志, the 发文字号 (and 签发人) and the red line. */
function layoutHeader(pages: PageWriter, lines: LineMaker, model: DocumentModel): void {
  // 份号, 密级, 紧急程度 on the first lines, flush left.
  const h = model.header;
  for (const [text, role, font] of [[h.copyNumber, "copyNumber", "fang"], [h.secrecy, "secrecy", "hei"], [h.urgency, "urgency", "hei"]] as const) {
    if (!text) continue;
    pages.place(lines.oneLine(text, font, role, TEXT.left));
    pages.row += 1;
  }
  // 发文机关标志: red, its top edge 35 mm below the 版心's top.
  const head = headerRows(model, lines.measure("title"));
  for (const l of head.mark.lines) {
    pages.add({ kind: "text", role: "mark", text: l.text, x: TEXT.left + l.x, y: head.markTop + l.baseline, font: "title", size: head.mark.size, charSpacing: l.spacing, color: RED });
  }
  // 发文字号 two blank lines below the 标志 (on the grid), centred; a 上行文 puts it one character in
  // from the left and "签发人：" with the name (楷体) one character in from the right (§7.2.4).
  pages.row = head.docNumberRow;
  if (h.docNumber) {
    const docWidth = lines.width("fang", h.docNumber, SIZE.body, gridSpacing(SIZE.body));
    const x = h.signer ? TEXT.left + CHAR_PITCH : TEXT.left + (TEXT.width - docWidth) / 2;
    pages.place(lines.oneLine(h.docNumber, "fang", "docNumber", x));
    if (h.signer) {
      const signerWidth = lines.width("kai", h.signer, SIZE.body, gridSpacing(SIZE.body));
      const labelWidth = lines.width("fang", SIGNER_LABEL, SIZE.body, gridSpacing(SIZE.body));
      const start = TEXT_RIGHT - CHAR_PITCH - signerWidth - labelWidth;
      pages.place({ runs: [{ text: SIGNER_LABEL, font: "fang", dx: 0 }, { text: h.signer, font: "kai", dx: labelWidth }], size: SIZE.body, charSpacing: gridSpacing(SIZE.body), role: "signer", x: start });
    }
  }
  // The red line 4 mm below the 发文字号, as wide as the 版心.
  pages.add({ kind: "rule", role: "redLine", x1: TEXT.left, x2: TEXT_RIGHT, y: head.redY, width: RED_LINE_WIDTH, color: RED });
  pages.row = head.titleRow;
}

/** 标题 two blank lines below the red line, centred, in a balanced shape; then the 主送机关. */
function layoutTitle(pages: PageWriter, lines: LineMaker, model: DocumentModel): void {
  for (const text of breakTitle(model.title, SIZE.title, TITLE_WIDTH, lines.measure("title"), model.style.titleTerms)) {
    const w = lines.width("title", text, SIZE.title);
    pages.place({ runs: [{ text, font: "title", dx: 0 }], size: SIZE.title, charSpacing: 0, role: "title", x: TEXT.left + (TEXT.width - w) / 2 });
    pages.row += 1;
  }
  pages.row += 1; // one blank line below the title
  if (model.addressee) pages.placeLines([lines.oneLine(`${model.addressee}：`, "fang", "addressee", TEXT.left)]);
}

/** A block of the 正文 in its faces: 一、 黑体, （一） 楷体, a run-in heading bold when the office sets it so. */
function blockLines(lines: LineMaker, model: DocumentModel, b: BodyBlock): Line[] {
  return lines.paragraph(
    b.runs.map((r) => ({ text: r.text, face: STYLE_FONT[r.style], ...(r.style === "lead" && model.style.runInBold ? { bold: true } : {}) })),
    b.kind === "heading" ? "heading" : "body",
  );
}

/**
 * 正文. A heading keeps with what follows it: the heading, any headings right after it
 * and the first line of the next paragraph start on one page.
 */
function layoutBody(pages: PageWriter, lines: LineMaker, model: DocumentModel): void {
  const laid = model.body.map((b) => blockLines(lines, model, b));
  for (let i = 0; i < laid.length; i++) {
    if (model.body[i].kind === "heading") {
      let keep = 0;
      let j = i;
      for (; j < laid.length && model.body[j].kind === "heading"; j++) keep += laid[j].length;
      if (j < laid.length) keep += 1;
      if (pages.row + keep > LINES_PER_PAGE && keep <= LINES_PER_PAGE && pages.row > 0) pages.newPage();
    }
    pages.placeLines(laid[i]);
  }
}

/** 附件说明 one blank line below the text: "附件：1.…", the later ones aligned under the first. */
function layoutAttachments(pages: PageWriter, lines: LineMaker, model: DocumentModel): void {
  const attachments = model.attachments ?? [];
  if (!attachments.length) return;
  pages.row += 1;
  attachments.forEach((a, i) => {
    const text = attachments.length > 1 ? `${i === 0 ? "附件：" : "　　　"}${i + 1}.${a}` : `附件：${a}`;
    pages.placeLines(lines.paragraph([{ text, face: "fang" }], "attachment"));
  });
}

/**
 * 署名 and 成文日期 (no seal): one blank line below the text; the 署名 (one line per issuer)
 * two characters in from the right; the date's first character two characters right of the
 * 署名's first; a longer date sits two in from the right instead. Then the 附注.
 */
function layoutSignature(pages: PageWriter, lines: LineMaker, model: DocumentModel): void {
  const noteLines = model.note ? lines.paragraph([{ text: `（${model.note}）`, face: "fang" }], "note") : [];
  if (!model.signature) {
    pages.placeLines(noteLines);
    return;
  }
  const spacing = gridSpacing(SIZE.body);
  const names = model.signature.signatories;
  const widths = names.map((s) => lines.width("fang", s, SIZE.body, spacing));
  const dw = lines.width("fang", model.signature.date, SIZE.body, spacing);
  const { signX, dateX } = signaturePositions(Math.max(...widths), dw);
  const signEnd = signX + Math.max(...widths);
  const block = names.length + 1 + noteLines.length;
  if (pages.row + 1 + block > LINES_PER_PAGE) {
    // The 署名 never starts a page alone: the text's last paragraph goes along with it (the DOCX keeps
    // that paragraph with the 署名, and LibreOffice moves it whole).
    const carried = pages.last.page === pages.page ? pages.last.lines : [];
    if (carried.length) pages.page.items.splice(pages.last.from);
    pages.newPage();
    pages.placeLines(carried);
  }
  pages.row += 1;
  pages.placeLines([
    ...names.map((s, i) => lines.oneLine(s, "fang", "signatory", TEXT.left + signEnd - widths[i])),
    lines.oneLine(model.signature.date, "fang", "date", TEXT.left + dateX),
    ...noteLines,
  ]);
}

/** 版记 at the foot of the last page, its last rule on the 版心's bottom edge. */
function layoutColophon(pages: PageWriter, lines: LineMaker, model: DocumentModel): void {
  if (!model.colophon) return;
  const size = SIZE.colophon;
  const oneChar = size;
  const rows = colophonRows(model.colophon);
  const first = LINES_PER_PAGE - rows.length;
  if (pages.row > first) pages.newPage();
  const top = TEXT.top + first * LINE_PITCH;
  pages.add({ kind: "rule", role: "colophon", x1: TEXT.left, x2: TEXT_RIGHT, y: top, width: COLOPHON_THICK, color: BLACK });
  rows.forEach((r, i) => {
    const at = first + i;
    if (r.left) pages.place({ ...lines.oneLine(r.left, "fang", "colophon", TEXT.left + oneChar, size), charSpacing: 0 }, at);
    if (r.right) {
      const w = lines.width("fang", r.right, size);
      pages.place({ ...lines.oneLine(r.right, "fang", "colophon", TEXT_RIGHT - oneChar - w, size), charSpacing: 0 }, at);
    }
    const last = i === rows.length - 1;
    const ruleY = last ? TEXT_BOTTOM : TEXT.top + (at + 1) * LINE_PITCH;
    pages.add({ kind: "rule", role: "colophon", x1: TEXT.left, x2: TEXT_RIGHT, y: ruleY, width: last ? COLOPHON_THICK : COLOPHON_THIN, color: BLACK });
  });
}

/** 页码 "— N —", 4号 half-width 宋体 digits, 7 mm below the 版心: odd pages right, even pages left, one character in. */
function numberPages(pages: LaidOutPage[], lines: LineMaker): void {
  for (const p of pages) {
    const text = `— ${p.number} —`;
    const w = lines.width("song", text, SIZE.pageNumber);
    const x = p.number % 2 === 1 ? TEXT_RIGHT - SIZE.pageNumber - w : TEXT.left + SIZE.pageNumber;
    // The dash (about 0.3 em above the baseline) sits 7 mm below the 版心's bottom edge.
    p.items.push({ kind: "text", role: "pageNumber", text, x, y: TEXT_BOTTOM + PAGE_NUMBER_GAP + 0.3 * SIZE.pageNumber, font: "song", size: SIZE.pageNumber, charSpacing: 0, color: BLACK });
  }
}
