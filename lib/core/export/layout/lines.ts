// What the layout engine (engine.ts) works with: lines of text measured against the
// grid (LineMaker) and the pages they fill, one grid line after another (PageWriter).
import { breakRuns, type BrokenLine, type StyledRun } from "./breaking";
import { CHAR_PITCH, LINES_PER_PAGE, SIZE, TEXT, baselineOf } from "./geometry";

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

export const BLACK = "#000000";

/** One laid-out line of a block, before it has a page. */
export interface Line {
  runs: { text: string; font: FontKey; bold?: boolean; dx: number }[];
  size: number;
  charSpacing: number;
  role: Role;
  /** x of the line start */
  x: number;
}

/** The spacing after each character that puts full-width characters of `size` on the grid. */
export const gridSpacing = (size: number) => CHAR_PITCH - size;

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

const toLines = (broken: BrokenLine<FontKey>[], role: Role, size: number, indent: boolean): Line[] =>
  broken.map((l, i) => ({
    runs: l.segments.map((s) => ({ text: s.text, font: s.face, dx: s.dx, ...(s.bold ? { bold: true } : {}) })),
    size, charSpacing: l.charSpacing, role, x: TEXT.left + (i === 0 && indent ? 2 * CHAR_PITCH : 0),
  }));

/** Text made into lines with one set of fonts: measured, and broken into the 版心's width. */
export class LineMaker {
  constructor(private readonly fonts: Fonts) {}

  /** A measuring function for one font (what the title and the 标志 are broken with). */
  measure(font: FontKey) {
    return (text: string, size: number) => this.fonts.measure(font, text, size);
  }

  /** The width of `text` set with `spacing` after each character. */
  width(font: FontKey, text: string, size: number, spacing = 0): number {
    return this.fonts.measure(font, text, size) + [...text].length * spacing;
  }

  /** A line that is never broken (a 发文字号, a name), on the grid. */
  oneLine(text: string, font: FontKey, role: Role, x: number, size = SIZE.body): Line {
    return { runs: [{ text, font, dx: 0 }], size, charSpacing: gridSpacing(size), role, x };
  }

  /** A paragraph's lines: the first indented two characters, each full line justified to the 版心. */
  paragraph(runs: StyledRun<FontKey>[], role: Role, size = SIZE.body): Line[] {
    return brokenParagraph(this.fonts, `${role}|${size}|${JSON.stringify(runs)}`, () =>
      toLines(breakRuns(runs, { size, gridSpacing: gridSpacing(size), firstLineWidth: TEXT.width - 2 * CHAR_PITCH, width: TEXT.width, measure: this.fonts.measure }), role, size, true),
    );
  }
}

/** The pages as they fill: the current page, its next free grid line, and the last paragraph placed. */
export class PageWriter {
  readonly pages: LaidOutPage[] = [{ number: 1, items: [] }];
  page = this.pages[0];
  /** the next free grid line on the current page */
  row = 0;
  /** The lines of the last paragraph placed, on its last page: the 署名 takes them along to a new page. */
  readonly last: { lines: Line[]; page: LaidOutPage | null; from: number } = { lines: [], page: null, from: 0 };

  newPage(): void {
    this.page = { number: this.pages.length + 1, items: [] };
    this.pages.push(this.page);
    this.row = 0;
  }

  /** Puts a line's runs on the current page at grid line `at`, without moving on. */
  place(line: Line, at = this.row): void {
    for (const r of line.runs) {
      this.page.items.push({
        kind: "text", role: line.role, text: r.text, x: line.x + r.dx, y: baselineOf(at, line.size), font: r.font, size: line.size,
        charSpacing: line.charSpacing, color: BLACK, ...(r.bold ? { bold: true } : {}),
      });
    }
  }

  /** Places a paragraph's lines, starting a page when they run over. */
  placeLines(lines: Line[]): void {
    for (const [i, line] of lines.entries()) {
      if (this.row >= LINES_PER_PAGE) this.newPage();
      if (i === 0 || this.last.page !== this.page) Object.assign(this.last, { lines: [], page: this.page, from: this.page.items.length });
      this.place(line);
      this.last.lines.push(line);
      this.row += 1;
    }
  }

  /** An item placed by its own coordinates (the 标志, a rule). */
  add(item: TextRun | Rule): void {
    this.page.items.push(item);
  }
}
