// The layout engine: a document model on GB/T 9704 pages. Pure (fonts come in as
// a measuring function), so it runs in tests without a PDF library. Its output,
// pages of positioned text runs and rules, feeds the PDF writer and the preview.
import type { DocumentModel } from "../model";
import { breakParagraph, type Measure } from "./breaking";
import { breakTitle } from "./title";
import { colophonRows, markSize as markSizeFor, signaturePositions } from "./rules";
import {
  CHAR_PITCH, COLOPHON_THICK, COLOPHON_THIN, LINE_PITCH, LINES_PER_PAGE, MARK_OFFSET, PAGE_NUMBER_GAP, RED, RED_LINE_GAP,
  RED_LINE_WIDTH, SIZE, TEXT, TEXT_BOTTOM, TEXT_RIGHT, TITLE_WIDTH, baselineOf,
} from "./geometry";

export type FontKey = "fang" | "kai" | "hei" | "title" | "song";

export interface Fonts {
  measure(font: FontKey, text: string, size: number): number;
}

export type Role =
  | "copyNumber" | "secrecy" | "urgency" | "mark" | "docNumber" | "signer" | "title" | "addressee" | "heading" | "body"
  | "attachment" | "signatory" | "date" | "note" | "colophon" | "pageNumber";

export interface TextRun {
  kind: "text";
  role: Role;
  text: string;
  /** left edge of the first glyph and the baseline, in points from the page's top left */
  x: number;
  y: number;
  font: FontKey;
  size: number;
  charSpacing: number;
  color: string;
}

export interface Rule {
  kind: "rule";
  role: "redLine" | "colophon";
  x1: number;
  x2: number;
  y: number;
  width: number;
  color: string;
}

export interface LaidOutPage {
  number: number;
  items: (TextRun | Rule)[];
}

const HEADING_FONT: Record<1 | 2 | 3 | 4, FontKey> = { 1: "hei", 2: "kai", 3: "fang", 4: "fang" };
const BLACK = "#000000";

interface Line {
  text: string;
  font: FontKey;
  size: number;
  charSpacing: number;
  role: Role;
  /** x of the line start */
  x: number;
}

export function layoutDocument(model: DocumentModel, fonts: Fonts): LaidOutPage[] {
  const measure = (font: FontKey): Measure => (text, size) => fonts.measure(font, text, size);
  const width = (font: FontKey, text: string, size: number, spacing = 0) => fonts.measure(font, text, size) + [...text].length * spacing;
  const gridSpacing = (size: number) => CHAR_PITCH - size;

  const pages: LaidOutPage[] = [{ number: 1, items: [] }];
  let page = pages[0];
  let row = 0; // next free grid line on the current page
  const newPage = () => {
    page = { number: pages.length + 1, items: [] };
    pages.push(page);
    row = 0;
  };
  const place = (line: Line, at = row) => {
    page.items.push({ kind: "text", role: line.role, text: line.text, x: line.x, y: baselineOf(at, line.size), font: line.font, size: line.size, charSpacing: line.charSpacing, color: BLACK });
  };
  /** Places a block of lines, starting a page when they run over; `keep` lines must share a page. */
  const placeLines = (lines: Line[], keep = 1) => {
    if (row + Math.min(keep, lines.length) > LINES_PER_PAGE) newPage();
    for (const line of lines) {
      if (row >= LINES_PER_PAGE) newPage();
      place(line);
      row += 1;
    }
  };
  const paragraphLines = (text: string, font: FontKey, role: Role, size = SIZE.body): Line[] =>
    breakParagraph(text, {
      size, gridSpacing: gridSpacing(size), firstLineWidth: TEXT.width - 2 * CHAR_PITCH, width: TEXT.width, measure: measure(font),
    }).map((l, i) => ({ text: l.text, font, size, charSpacing: l.charSpacing, role, x: TEXT.left + (i === 0 ? 2 * CHAR_PITCH : 0) }));

  // 版头: 份号, 密级, 紧急程度 on the first lines, flush left.
  const h = model.header;
  for (const [text, role, font] of [[h.copyNumber, "copyNumber", "fang"], [h.secrecy, "secrecy", "hei"], [h.urgency, "urgency", "hei"]] as const) {
    if (!text) continue;
    place({ text, font, size: SIZE.body, charSpacing: gridSpacing(SIZE.body), role, x: TEXT.left });
    row += 1;
  }
  // 发文机关标志: red, centred, its top edge 35 mm below the 版心's top; as large as fits, at most 18 mm.
  const markSize = markSizeFor(h.mark);
  const markTop = TEXT.top + MARK_OFFSET;
  const markBaseline = markTop + 0.88 * markSize;
  const markWidth = width("title", h.mark, markSize);
  page.items.push({ kind: "text", role: "mark", text: h.mark, x: TEXT.left + (TEXT.width - markWidth) / 2, y: markBaseline, font: "title", size: markSize, charSpacing: 0, color: RED });
  // 发文字号 two blank lines below the 标志 (on the grid), centred; with 签发人 it moves 1 character in from the left.
  row = Math.ceil((markBaseline + 0.12 * markSize - TEXT.top) / LINE_PITCH) + 2;
  let docBaseline = baselineOf(row, SIZE.body);
  if (h.docNumber) {
    const docWidth = width("fang", h.docNumber, SIZE.body, gridSpacing(SIZE.body));
    const x = h.signer ? TEXT.left + CHAR_PITCH : TEXT.left + (TEXT.width - docWidth) / 2;
    place({ text: h.docNumber, font: "fang", size: SIZE.body, charSpacing: gridSpacing(SIZE.body), role: "docNumber", x });
    if (h.signer) {
      const label = "签发人：";
      const signerWidth = width("kai", h.signer, SIZE.body, gridSpacing(SIZE.body));
      const labelWidth = width("fang", label, SIZE.body, gridSpacing(SIZE.body));
      const end = TEXT_RIGHT - CHAR_PITCH;
      page.items.push({ kind: "text", role: "signer", text: label, x: end - signerWidth - labelWidth, y: docBaseline, font: "fang", size: SIZE.body, charSpacing: gridSpacing(SIZE.body), color: BLACK });
      page.items.push({ kind: "text", role: "signer", text: h.signer, x: end - signerWidth, y: docBaseline, font: "kai", size: SIZE.body, charSpacing: gridSpacing(SIZE.body), color: BLACK });
    }
  } else {
    docBaseline = baselineOf(row - 1, SIZE.body);
  }
  // The red line 4 mm below the 发文字号, as wide as the 版心.
  const redY = docBaseline + 0.12 * SIZE.body + RED_LINE_GAP;
  page.items.push({ kind: "rule", role: "redLine", x1: TEXT.left, x2: TEXT_RIGHT, y: redY, width: RED_LINE_WIDTH, color: RED });

  // 标题 two blank lines below the red line, centred, in a balanced shape.
  row = Math.ceil((redY - TEXT.top) / LINE_PITCH) + 2;
  for (const text of breakTitle(model.title, SIZE.title, TITLE_WIDTH, measure("title"))) {
    const w = width("title", text, SIZE.title);
    place({ text, font: "title", size: SIZE.title, charSpacing: 0, role: "title", x: TEXT.left + (TEXT.width - w) / 2 });
    row += 1;
  }
  row += 1; // one blank line below the title
  if (model.addressee) placeLines([{ text: `${model.addressee}：`, font: "fang", size: SIZE.body, charSpacing: gridSpacing(SIZE.body), role: "addressee", x: TEXT.left }]);

  // 正文: headings keep with the first line of what follows them.
  const blocks = model.body;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const font = b.level === 0 ? "fang" : HEADING_FONT[b.level];
    const lines = paragraphLines(b.label + b.text, font, b.level === 0 ? "body" : "heading");
    const keep = b.level > 0 && i + 1 < blocks.length ? lines.length + 1 : 1;
    if (keep > 1 && row + keep > LINES_PER_PAGE && keep <= LINES_PER_PAGE) newPage();
    placeLines(lines);
  }

  if (model.attachments?.length) {
    row += 1;
    model.attachments.forEach((a, i) => {
      const text = model.attachments!.length > 1 ? `${i === 0 ? "附件：" : "　　　"}${i + 1}.${a}` : `附件：${a}`;
      placeLines(paragraphLines(text, "fang", "attachment"));
    });
  }

  // 署名 and 成文日期 (no seal): one blank line below the text; 署名 two characters in from the right;
  // the date's first character two characters right of the 署名's first; a longer date sits two in from the right instead.
  if (model.signature) {
    const sw = width("fang", model.signature.signatory, SIZE.body, gridSpacing(SIZE.body));
    const dw = width("fang", model.signature.date, SIZE.body, gridSpacing(SIZE.body));
    const { signX, dateX } = signaturePositions(sw, dw);
    const noteLines = model.note ? paragraphLines(`（${model.note}）`, "fang", "note") : [];
    if (row + 3 + noteLines.length > LINES_PER_PAGE) newPage();
    else row += 1;
    placeLines([
      { text: model.signature.signatory, font: "fang", size: SIZE.body, charSpacing: gridSpacing(SIZE.body), role: "signatory", x: TEXT.left + signX },
      { text: model.signature.date, font: "fang", size: SIZE.body, charSpacing: gridSpacing(SIZE.body), role: "date", x: TEXT.left + dateX },
      ...noteLines,
    ], 2 + noteLines.length);
  } else if (model.note) {
    placeLines(paragraphLines(`（${model.note}）`, "fang", "note"));
  }

  // 版记 at the foot of the last page, its last rule on the 版心's bottom edge.
  if (model.colophon) {
    const c = model.colophon;
    const size = SIZE.colophon;
    const oneChar = size;
    const rows = colophonRows(c);
    const first = LINES_PER_PAGE - rows.length;
    if (row > first) newPage();
    const top = TEXT.top + first * LINE_PITCH;
    page.items.push({ kind: "rule", role: "colophon", x1: TEXT.left, x2: TEXT_RIGHT, y: top, width: COLOPHON_THICK, color: BLACK });
    rows.forEach((r, i) => {
      const y = baselineOf(first + i, size);
      if (r.left) page.items.push({ kind: "text", role: "colophon", text: r.left, x: TEXT.left + oneChar, y, font: "fang", size, charSpacing: 0, color: BLACK });
      if (r.right) {
        const w = width("fang", r.right, size);
        page.items.push({ kind: "text", role: "colophon", text: r.right, x: TEXT_RIGHT - oneChar - w, y, font: "fang", size, charSpacing: 0, color: BLACK });
      }
      const ruleY = TEXT.top + (first + i + 1) * LINE_PITCH;
      const last = i === rows.length - 1;
      page.items.push({ kind: "rule", role: "colophon", x1: TEXT.left, x2: TEXT_RIGHT, y: last ? TEXT_BOTTOM : ruleY, width: last ? COLOPHON_THICK : COLOPHON_THIN, color: BLACK });
    });
  }

  // 页码 "— N —", 4号 half-width 宋体 digits, 7 mm below the 版心: odd pages right, even pages left, one character in.
  for (const p of pages) {
    const text = `— ${p.number} —`;
    const w = width("song", text, SIZE.pageNumber);
    const x = p.number % 2 === 1 ? TEXT_RIGHT - SIZE.pageNumber - w : TEXT.left + SIZE.pageNumber;
    // The dash (about 0.3 em above the baseline) sits 7 mm below the 版心's bottom edge.
    p.items.push({ kind: "text", role: "pageNumber", text, x, y: TEXT_BOTTOM + PAGE_NUMBER_GAP + 0.3 * SIZE.pageNumber, font: "song", size: SIZE.pageNumber, charSpacing: 0, color: BLACK });
  }
  return pages;
}
