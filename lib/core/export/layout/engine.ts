// The layout engine: a document model on GB/T 9704 pages. Pure (fonts come in as
// a measuring function), so it runs in tests without a PDF library. Its output,
// pages of positioned text runs and rules, feeds the PDF writer, the OFD writer
// and the preview.
import type { BodyBlock, DocumentModel, RunStyle } from "../model";
import { breakRuns, type BrokenLine, type StyledRun } from "./breaking";
import { breakTitle } from "./title";
import { colophonRows, markLayout, signaturePositions, SIGNER_LABEL } from "./rules";
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
  /** drawn bold (the fonts have no bold face: writers embolden the outline) */
  bold?: boolean;
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

/** 一、 黑体; （一） 楷体; 1． and （1） 仿宋 like the body (§7.3.3). */
export const STYLE_FONT: Record<RunStyle, FontKey> = { heading1: "hei", heading2: "kai", heading3: "fang", heading4: "fang", body: "fang", lead: "fang" };
const BLACK = "#000000";

/** One laid-out line of a block, before it has a page. */
interface Line {
  runs: { text: string; font: FontKey; bold?: boolean; dx: number }[];
  size: number;
  charSpacing: number;
  role: Role;
  /** x of the line start */
  x: number;
}

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

/**
 * Paragraphs already broken into lines, per set of fonts: a report is laid out again
 * after every save, and a save changes one section, so the other paragraphs' lines
 * come from here (a paragraph's lines depend only on its runs, role and size).
 * Lines are never changed after they are made; placing copies them into page items.
 */
const brokenCache = new WeakMap<Fonts, Map<string, Line[]>>();
const BROKEN_CACHE_SIZE = 20_000;

function brokenParagraph(fonts: Fonts, key: string, make: () => Line[]): Line[] {
  let cache = brokenCache.get(fonts);
  if (!cache) brokenCache.set(fonts, (cache = new Map()));
  let lines = cache.get(key);
  if (!lines) {
    lines = make();
    if (cache.size >= BROKEN_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, lines);
  }
  return lines;
}

export function layoutDocument(model: DocumentModel, fonts: Fonts): LaidOutPage[] {
  const measure = (font: FontKey) => (text: string, size: number) => fonts.measure(font, text, size);
  const width = (font: FontKey, text: string, size: number, spacing = 0) => fonts.measure(font, text, size) + [...text].length * spacing;
  const gridSpacing = (size: number) => CHAR_PITCH - size;
  const oneLine = (text: string, font: FontKey, role: Role, x: number, size = SIZE.body): Line => ({
    runs: [{ text, font, dx: 0 }], size, charSpacing: gridSpacing(size), role, x,
  });

  const pages: LaidOutPage[] = [{ number: 1, items: [] }];
  let page = pages[0];
  let row = 0; // next free grid line on the current page
  const newPage = () => {
    page = { number: pages.length + 1, items: [] };
    pages.push(page);
    row = 0;
  };
  const place = (line: Line, at = row) => {
    for (const r of line.runs) {
      page.items.push({
        kind: "text", role: line.role, text: r.text, x: line.x + r.dx, y: baselineOf(at, line.size), font: r.font, size: line.size,
        charSpacing: line.charSpacing, color: BLACK, ...(r.bold ? { bold: true } : {}),
      });
    }
  };
  /** The lines of the last paragraph placed, on its last page: the 署名 takes them along to a new page. */
  const last: { lines: Line[]; page: LaidOutPage | null; from: number } = { lines: [], page: null, from: 0 };
  /** Places a paragraph's lines, starting a page when they run over. */
  const placeLines = (lines: Line[]) => {
    for (const [i, line] of lines.entries()) {
      if (row >= LINES_PER_PAGE) newPage();
      if (i === 0 || last.page !== page) Object.assign(last, { lines: [], page, from: page.items.length });
      place(line);
      last.lines.push(line);
      row += 1;
    }
  };
  const toLines = (broken: BrokenLine<FontKey>[], role: Role, size: number, indent: boolean): Line[] =>
    broken.map((l, i) => ({
      runs: l.segments.map((s) => ({ text: s.text, font: s.face, dx: s.dx, ...(s.bold ? { bold: true } : {}) })),
      size, charSpacing: l.charSpacing, role, x: TEXT.left + (i === 0 && indent ? 2 * CHAR_PITCH : 0),
    }));
  const paragraphLines = (runs: StyledRun<FontKey>[], role: Role, size = SIZE.body): Line[] =>
    brokenParagraph(fonts, `${role}|${size}|${JSON.stringify(runs)}`, () =>
      toLines(breakRuns(runs, { size, gridSpacing: gridSpacing(size), firstLineWidth: TEXT.width - 2 * CHAR_PITCH, width: TEXT.width, measure: fonts.measure }), role, size, true),
    );
  const blockLines = (b: BodyBlock): Line[] =>
    paragraphLines(
      b.runs.map((r) => ({ text: r.text, face: STYLE_FONT[r.style], ...(r.style === "lead" && model.style.runInBold ? { bold: true } : {}) })),
      b.kind === "heading" ? "heading" : "body",
    );

  // 版头: 份号, 密级, 紧急程度 on the first lines, flush left.
  const h = model.header;
  for (const [text, role, font] of [[h.copyNumber, "copyNumber", "fang"], [h.secrecy, "secrecy", "hei"], [h.urgency, "urgency", "hei"]] as const) {
    if (!text) continue;
    place(oneLine(text, font, role, TEXT.left));
    row += 1;
  }
  // 发文机关标志: red, its top edge 35 mm below the 版心's top.
  const head = headerRows(model, measure("title"));
  for (const l of head.mark.lines) {
    page.items.push({ kind: "text", role: "mark", text: l.text, x: TEXT.left + l.x, y: head.markTop + l.baseline, font: "title", size: head.mark.size, charSpacing: l.spacing, color: RED });
  }
  // 发文字号 two blank lines below the 标志 (on the grid), centred; a 上行文 puts it one character in
  // from the left and "签发人：" with the name (楷体) one character in from the right (§7.2.4).
  row = head.docNumberRow;
  if (h.docNumber) {
    const docWidth = width("fang", h.docNumber, SIZE.body, gridSpacing(SIZE.body));
    const x = h.signer ? TEXT.left + CHAR_PITCH : TEXT.left + (TEXT.width - docWidth) / 2;
    place(oneLine(h.docNumber, "fang", "docNumber", x));
    if (h.signer) {
      const signerWidth = width("kai", h.signer, SIZE.body, gridSpacing(SIZE.body));
      const labelWidth = width("fang", SIGNER_LABEL, SIZE.body, gridSpacing(SIZE.body));
      const start = TEXT_RIGHT - CHAR_PITCH - signerWidth - labelWidth;
      place({ runs: [{ text: SIGNER_LABEL, font: "fang", dx: 0 }, { text: h.signer, font: "kai", dx: labelWidth }], size: SIZE.body, charSpacing: gridSpacing(SIZE.body), role: "signer", x: start });
    }
  }
  // The red line 4 mm below the 发文字号, as wide as the 版心.
  page.items.push({ kind: "rule", role: "redLine", x1: TEXT.left, x2: TEXT_RIGHT, y: head.redY, width: RED_LINE_WIDTH, color: RED });

  // 标题 two blank lines below the red line, centred, in a balanced shape.
  row = head.titleRow;
  for (const text of breakTitle(model.title, SIZE.title, TITLE_WIDTH, measure("title"))) {
    const w = width("title", text, SIZE.title);
    place({ runs: [{ text, font: "title", dx: 0 }], size: SIZE.title, charSpacing: 0, role: "title", x: TEXT.left + (TEXT.width - w) / 2 });
    row += 1;
  }
  row += 1; // one blank line below the title
  if (model.addressee) placeLines([oneLine(`${model.addressee}：`, "fang", "addressee", TEXT.left)]);

  // 正文. A heading keeps with what follows it: the heading, any headings right
  // after it and the first line of the next paragraph start on one page.
  const laid = model.body.map(blockLines);
  for (let i = 0; i < laid.length; i++) {
    if (model.body[i].kind === "heading") {
      let keep = 0;
      let j = i;
      for (; j < laid.length && model.body[j].kind === "heading"; j++) keep += laid[j].length;
      if (j < laid.length) keep += 1;
      if (row + keep > LINES_PER_PAGE && keep <= LINES_PER_PAGE && row > 0) newPage();
    }
    placeLines(laid[i]);
  }

  if (model.attachments?.length) {
    row += 1;
    model.attachments.forEach((a, i) => {
      const text = model.attachments!.length > 1 ? `${i === 0 ? "附件：" : "　　　"}${i + 1}.${a}` : `附件：${a}`;
      placeLines(paragraphLines([{ text, face: "fang" }], "attachment"));
    });
  }

  // 署名 and 成文日期 (no seal): one blank line below the text; the 署名 (one line per issuer)
  // two characters in from the right; the date's first character two characters right of the
  // 署名's first; a longer date sits two in from the right instead.
  if (model.signature) {
    const spacing = gridSpacing(SIZE.body);
    const names = model.signature.signatories;
    const widths = names.map((s) => width("fang", s, SIZE.body, spacing));
    const dw = width("fang", model.signature.date, SIZE.body, spacing);
    const { signX, dateX } = signaturePositions(Math.max(...widths), dw);
    const signEnd = signX + Math.max(...widths);
    const noteLines = model.note ? paragraphLines([{ text: `（${model.note}）`, face: "fang" }], "note") : [];
    const block = names.length + 1 + noteLines.length;
    if (row + 1 + block > LINES_PER_PAGE) {
      // The 署名 never starts a page alone: the text's last paragraph goes along with it (the DOCX keeps
      // that paragraph with the 署名, and LibreOffice moves it whole).
      const carried = last.page === page ? last.lines : [];
      if (carried.length) page.items.splice(last.from);
      newPage();
      placeLines(carried);
    }
    row += 1;
    placeLines([
      ...names.map((s, i) => oneLine(s, "fang", "signatory", TEXT.left + signEnd - widths[i])),
      oneLine(model.signature.date, "fang", "date", TEXT.left + dateX),
      ...noteLines,
    ]);
  } else if (model.note) {
    placeLines(paragraphLines([{ text: `（${model.note}）`, face: "fang" }], "note"));
  }

  // 版记 at the foot of the last page, its last rule on the 版心's bottom edge.
  if (model.colophon) {
    const size = SIZE.colophon;
    const oneChar = size;
    const rows = colophonRows(model.colophon);
    const first = LINES_PER_PAGE - rows.length;
    if (row > first) newPage();
    const top = TEXT.top + first * LINE_PITCH;
    page.items.push({ kind: "rule", role: "colophon", x1: TEXT.left, x2: TEXT_RIGHT, y: top, width: COLOPHON_THICK, color: BLACK });
    rows.forEach((r, i) => {
      const at = first + i;
      if (r.left) place({ ...oneLine(r.left, "fang", "colophon", TEXT.left + oneChar, size), charSpacing: 0 }, at);
      if (r.right) {
        const w = width("fang", r.right, size);
        place({ ...oneLine(r.right, "fang", "colophon", TEXT_RIGHT - oneChar - w, size), charSpacing: 0 }, at);
      }
      const last = i === rows.length - 1;
      const ruleY = last ? TEXT_BOTTOM : TEXT.top + (at + 1) * LINE_PITCH;
      page.items.push({ kind: "rule", role: "colophon", x1: TEXT.left, x2: TEXT_RIGHT, y: ruleY, width: last ? COLOPHON_THICK : COLOPHON_THIN, color: BLACK });
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
