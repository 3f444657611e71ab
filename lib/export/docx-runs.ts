// The paragraphs and runs every part of the DOCX is made of (lib/export/docx.ts): exact line heights on the grid,
// the official font names with the East Asian hint, zh-CN text with en-US digits, and no widow control.
import { LineRuleType, Paragraph as DocxParagraph, TextRun } from "docx";
import { OFFICIAL_NAMES } from "./fonts";
import type { FontKey } from "../core/export/layout/engine";
import { DOCX, SIZE } from "../core/export/layout/geometry";

export const LINE = DOCX.line;
export const TEXT_W = DOCX.textWidth;
export const twips = (pt: number) => Math.round(pt * 20);
/** A paragraph style (defined with the document's styles, lib/export/docx.ts) that takes a line off the document grid. */
export const OFF_GRID = "OffGrid";

/** Every paragraph: no widow/orphan control (the PDF does not move lines either: LibreOffice would leave 21 on a page). */
export class Paragraph extends DocxParagraph {
  private readonly init: ConstructorParameters<typeof DocxParagraph>[0] & object;
  constructor(options: ConstructorParameters<typeof DocxParagraph>[0] & object) {
    const all = { autoSpaceEastAsianText: false, widowControl: false, ...options };
    super(all);
    this.init = all;
  }
  /** The same paragraph, kept on the page of the next one. */
  keepWithNext(): Paragraph {
    return new Paragraph({ ...this.init, keepNext: true });
  }
}

export const font = (key: FontKey) => {
  const name = OFFICIAL_NAMES[key];
  // The East Asian hint makes Word draw 一字线 dashes and curly quotes with the Chinese font.
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: "eastAsia" as const };
};

export type RunExtra = Partial<ConstructorParameters<typeof TextRun>[0] & object>;

/** A run's options: the official font and size, the East Asian language, the body's character spacing (the 修订稿's revisions take the same). */
export function runOptions(text: string, key: FontKey, sizePt: number, extra: RunExtra = {}) {
  return {
    text,
    font: font(key),
    size: sizePt * 2,
    language: LANGUAGE,
    characterSpacing: sizePt === SIZE.body ? DOCX.bodySpacing : 0,
    ...(extra as object),
  };
}

export function run(text: string, key: FontKey, sizePt: number, extra: RunExtra = {}) {
  return new TextRun(runOptions(text, key, sizePt, extra));
}

/**
 * Chinese for the East Asian text; English for digits and Latin letters, so that a client
 * breaks lines as Word does, never inside a number (LibreOffice, told the digits were
 * Chinese too, broke 2025 as 20|25).
 */
export const LANGUAGE = { eastAsia: "zh-CN", value: "en-US" };

export const exact = (line = LINE, before = 0) => ({ line, lineRule: LineRuleType.EXACT, before, after: 0 });
export const blank = () => new Paragraph({ spacing: exact(), children: [run("", "fang", SIZE.body)] });
