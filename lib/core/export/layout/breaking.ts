// Line breaking for Chinese 公文 text, hand-written because no library on npm
// does 禁则 for CJK with measured half-width runs and a fixed character grid:
//  - no closing punctuation at a line start, no opening punctuation at a line end
//    (the character before is pushed to the next line with it: 推出);
//  - runs of half-width digits and Latin (2022, 100%, 1.5) never split and are
//    measured by their real widths;
//  - full lines are justified to the measure; a paragraph's last line is not.
// A paragraph may mix faces (a run-in heading in 楷体 followed by 仿宋 text):
// each run keeps its font, and the 禁则 hold across the change of face.

/** Width of a string in points at a size, in one face, without extra spacing. */
export type Measure = (text: string, size: number) => number;

export const NO_LINE_START = new Set([..."，。、；：？！）》」』”’〕】〗〙〛%…—·．,.;:?!)]}"]);
export const NO_LINE_END = new Set([..."（《「『“‘〔【〖〘〚([{"]);

/** Tokens that never split: one CJK character or punctuation mark, or a half-width run. */
export function tokenize(text: string): string[] {
  return text.match(/[A-Za-z0-9%.+\-/_#&@]+|[\s\S]/gu) ?? [];
}

/** A piece of a paragraph in one face. `face` is whatever the caller measures with (a font key). */
export interface StyledRun<F extends string = string> {
  text: string;
  face: F;
  bold?: boolean;
}

export interface LineSegment<F extends string = string> extends StyledRun<F> {
  /** offset of the segment's first glyph from the line's start, with the line's spacing applied */
  dx: number;
}

export interface BrokenLine<F extends string = string> {
  text: string;
  segments: LineSegment<F>[];
  /** spacing after every character, in points (grid spacing plus justification) */
  charSpacing: number;
  /** width of the set line, in points */
  width: number;
  /** the paragraph's last line (left-aligned, not justified) */
  last: boolean;
}

export interface BreakOptions<F extends string = string> {
  size: number;
  /** spacing that puts full-width characters on the grid (negative: condensed) */
  gridSpacing: number;
  firstLineWidth: number;
  width: number;
  measure: (face: F, text: string, size: number) => number;
  justify?: boolean;
}

interface Token<F extends string> {
  text: string;
  face: F;
  bold?: boolean;
}

const chars = (s: string) => [...s].length;

export function breakRuns<F extends string>(runs: readonly StyledRun<F>[], o: BreakOptions<F>): BrokenLine<F>[] {
  const tokenWidth = (t: Token<F>) => o.measure(t.face, t.text, o.size) + chars(t.text) * o.gridSpacing;
  // A half-width run longer than a whole line (a long URL) may break anywhere.
  const tokens: Token<F>[] = runs.flatMap((r) =>
    tokenize(r.text).flatMap((text) => {
      const t = { text, face: r.face, bold: r.bold };
      return tokenWidth(t) > o.firstLineWidth ? [...text].map((c) => ({ ...t, text: c })) : [t];
    }),
  );
  const lines: Token<F>[][] = [];
  let current: Token<F>[] = [];
  let used = 0;
  const limit = () => (lines.length === 0 ? o.firstLineWidth : o.width) + 0.01;
  const opens = (t: Token<F>) => NO_LINE_END.has(t.text);
  const closes = (t: Token<F>) => NO_LINE_START.has(t.text);
  for (const token of tokens) {
    const w = tokenWidth(token);
    if (used + w <= limit() || current.length === 0) {
      current.push(token);
      used += w;
      continue;
    }
    // The token starts a new line. Mind the 禁则 on both sides of the break.
    const carry: Token<F>[] = [];
    if (closes(token)) {
      // Push out: the last character goes down with the closing mark (and any run of them).
      while (current.length > 1 && closes(current[current.length - 1])) carry.unshift(current.pop()!);
      if (current.length > 1) carry.unshift(current.pop()!);
    }
    while (current.length > 1 && opens(current[current.length - 1])) carry.unshift(current.pop()!);
    lines.push(current);
    current = [...carry, token];
    used = current.reduce((n, t) => n + tokenWidth(t), 0);
    // A line that the carry alone overfills is broken again on the next token.
    if (used > limit() && current.length > 1) {
      const last = current.pop()!;
      lines.push(current);
      current = [last];
      used = tokenWidth(last);
    }
  }
  if (current.length) lines.push(current);

  return lines.map((tokensOfLine, i) => {
    // Neighbouring tokens of one face become one segment.
    const segments: { text: string; face: F; bold?: boolean }[] = [];
    for (const t of tokensOfLine) {
      const prev = segments[segments.length - 1];
      if (prev && prev.face === t.face && !!prev.bold === !!t.bold) prev.text += t.text;
      else segments.push({ text: t.text, face: t.face, ...(t.bold ? { bold: true } : {}) });
    }
    const text = segments.map((s) => s.text).join("");
    const n = chars(text);
    const natural = segments.reduce((w, s) => w + o.measure(s.face, s.text, o.size), 0);
    const last = i === lines.length - 1;
    const measureWidth = i === 0 ? o.firstLineWidth : o.width;
    const charSpacing = !last && o.justify !== false && n > 0 ? (measureWidth - natural) / n : o.gridSpacing;
    let dx = 0;
    const placed = segments.map((s) => {
      const seg = { ...s, dx };
      dx += o.measure(s.face, s.text, o.size) + chars(s.text) * charSpacing;
      return seg;
    });
    return { text, segments: placed, charSpacing, width: natural + n * charSpacing, last };
  });
}

/** One face: the paragraph as a single run. */
export function breakParagraph(text: string, o: Omit<BreakOptions<"text">, "measure"> & { measure: Measure }): BrokenLine<"text">[] {
  return breakRuns([{ text, face: "text" }], { ...o, measure: (_face, t, size) => o.measure(t, size) });
}
