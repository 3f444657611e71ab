// GB/T 9704-2012 page geometry in PDF points (1 mm = 72/25.4 pt), origin at the
// page's top left, y growing downwards.
export const MM = 72 / 25.4;

export const PAGE = { width: 210 * MM, height: 297 * MM };
/** 版心: 156 × 225 mm at 28 mm from the left and 37 mm from the top. */
export const TEXT = { left: 28 * MM, top: 37 * MM, width: 156 * MM, height: 225 * MM };
export const TEXT_RIGHT = TEXT.left + TEXT.width;
export const TEXT_BOTTOM = TEXT.top + TEXT.height;

export const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;
/** 225 mm ÷ 22 ≈ 28.99 pt */
export const LINE_PITCH = TEXT.height / LINES_PER_PAGE;
/** 156 mm ÷ 28 ≈ 15.79 pt: each full-width character's advance on the grid */
export const CHAR_PITCH = TEXT.width / CHARS_PER_LINE;

export const SIZE = { body: 16, title: 22, colophon: 14, pageNumber: 14 };

/** Distance of the 发文机关标志's top edge below the 版心's top. */
export const MARK_OFFSET = 35 * MM;
/** The red line sits 4 mm below the 发文字号. */
export const RED_LINE_GAP = 4 * MM;
export const RED_LINE_WIDTH = 1;
/** The page number's 一字线 is 7 mm below the 版心. */
export const PAGE_NUMBER_GAP = 7 * MM;
export const COLOPHON_THICK = 0.35 * MM;
export const COLOPHON_THIN = 0.25 * MM;
export const RED = "#FF0000";
/** A synthesised bold (the faces have none): the outline stroked at this share of the size, in the PDF and the OFD alike. */
export const BOLD_STROKE = 0.03;

/** Where the baseline of a line of `size` sits in grid cell `index` (0-based) of the 版心. */
export function baselineOf(index: number, size: number): number {
  // Centre the ideographic em box (0.88 above, 0.12 below the baseline) in the cell.
  return TEXT.top + index * LINE_PITCH + LINE_PITCH / 2 + 0.38 * size;
}

/** Title lines keep a character of 2号 clear on each side, so Word's and WPS's metrics never wrap them again. */
export const TITLE_WIDTH = TEXT.width - 2 * SIZE.title;

/**
 * The same page in Word's units: twips (1/20 pt). The page size is written as the
 * literals Word itself uses (a rounding mm helper would give 11905 × 16837); the
 * line is the largest whole number of twips of which 22 fit the 版心 (579 × 22 =
 * 12,738 ≤ 12,756: 580 would push the 22nd line over).
 */
const twip = (pt: number) => Math.round(pt * 20);
export const DOCX = {
  pageWidth: 11906,
  pageHeight: 16838,
  margin: { top: twip(TEXT.top), bottom: twip(PAGE.height - TEXT_BOTTOM), left: twip(TEXT.left), right: twip(PAGE.width - TEXT_RIGHT) },
  get textWidth() {
    return this.pageWidth - this.margin.left - this.margin.right;
  },
  line: Math.floor((TEXT.height * 20) / LINES_PER_PAGE),
  /** −0.25 pt a character: 28 characters of 三号 fill the 156 mm line (the grid spacing rounded to Word's ¼ pt steps) */
  bodySpacing: Math.round((CHAR_PITCH - SIZE.body) * 4) * 5,
  /** two characters of 三号 */
  indent: 2 * SIZE.body * 20,
  oneChar: (size: number) => size * 20,
  /** header and footer distances from the page's edges; the footer puts the page number's 一字线 about PAGE_NUMBER_GAP below the 版心 (measured in LibreOffice) */
  header: 851,
  footer: 1400,
  /** borders are in eighths of a point */
  redLine: RED_LINE_WIDTH * 8,
  colophonThick: Math.round(COLOPHON_THICK * 8),
  colophonThin: Math.round(COLOPHON_THIN * 8),
  red: RED.slice(1),
} as const;
