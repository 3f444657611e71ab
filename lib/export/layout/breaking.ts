// Line breaking for Chinese 公文 text, hand-written because no library on npm
// does 禁则 for CJK with measured half-width runs and a fixed character grid:
//  - no closing punctuation at a line start, no opening punctuation at a line end
//    (the character before is pushed to the next line with it: 推出);
//  - runs of half-width digits and Latin (2022, 100%, 1.5) never split and are
//    measured by their real widths;
//  - full lines are justified to the measure; a paragraph's last line is not.

/** Width of a string in points at a size, without extra spacing. */
export type Measure = (text: string, size: number) => number;

export const NO_LINE_START = new Set([..."，。、；：？！）》」』”’〕】〗〙〛%…—·．,.;:?!)]}"]);
export const NO_LINE_END = new Set([..."（《「『“‘〔【〖〘〚([{"]);

/** Tokens that never split: one CJK character or punctuation mark, or a half-width run. */
export function tokenize(text: string): string[] {
  return text.match(/[A-Za-z0-9%.+\-/_#&@]+|[\s\S]/gu) ?? [];
}

export interface BrokenLine {
  text: string;
  /** spacing after every character, in points (grid spacing plus justification) */
  charSpacing: number;
  /** width of the set line, in points */
  width: number;
  /** the paragraph's last line (left-aligned, not justified) */
  last: boolean;
}

export interface BreakOptions {
  size: number;
  /** spacing that puts full-width characters on the grid (negative: condensed) */
  gridSpacing: number;
  firstLineWidth: number;
  width: number;
  measure: Measure;
  justify?: boolean;
}

const chars = (s: string) => [...s].length;

export function breakParagraph(text: string, o: BreakOptions): BrokenLine[] {
  const tokenWidth = (t: string) => o.measure(t, o.size) + chars(t) * o.gridSpacing;
  // A half-width run longer than a whole line (a long URL) may break anywhere.
  const tokens = tokenize(text).flatMap((t) => (tokenWidth(t) > o.firstLineWidth ? [...t] : [t]));
  const lines: string[][] = [];
  let current: string[] = [];
  let used = 0;
  const limit = () => (lines.length === 0 ? o.firstLineWidth : o.width) + 0.01;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const w = tokenWidth(token);
    if (used + w <= limit() || current.length === 0) {
      current.push(token);
      used += w;
      continue;
    }
    // The token starts a new line. Mind the 禁则 on both sides of the break.
    const carry: string[] = [];
    if (NO_LINE_START.has(token)) {
      // Push out: the last character goes down with the closing mark (and any run of them).
      while (current.length > 1 && NO_LINE_START.has(current[current.length - 1])) carry.unshift(current.pop()!);
      if (current.length > 1) carry.unshift(current.pop()!);
    }
    while (current.length > 1 && NO_LINE_END.has(current[current.length - 1])) carry.unshift(current.pop()!);
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
    const lineText = tokensOfLine.join("");
    const n = chars(lineText);
    const natural = o.measure(lineText, o.size);
    const last = i === lines.length - 1;
    const measureWidth = i === 0 ? o.firstLineWidth : o.width;
    const charSpacing = !last && o.justify !== false && n > 0 ? (measureWidth - natural) / n : o.gridSpacing;
    return { text: lineText, charSpacing, width: natural + n * charSpacing, last };
  });
}
