// Recognises a number at the start of a line (一、 （一） 1． （1） and the 第一/第一部分
// variants, typed or produced by Word's list numbering) and decides what the line
// is: a heading on its own line, a run-in heading (a lead-in sentence ending in 。
// followed by text), or a numbered body paragraph. Only the number itself is ever
// separated from the text; every other character stays where it was. Pure.

// 一 … 九十九, and past it 一百、一百零一 (a list of over a hundred items numbers on).
const CN = "[一二三四五六七八九十][零一二三四五六七八九十百千]{0,6}";
const SPACE = "[\\s\\u3000]*";
const NUMBERS: { level: 1 | 2 | 3 | 4; re: RegExp }[] = [
  // 第一部分 / 第一章 / 第一、: a separator is required, so "第一责任人" is text.
  { level: 1, re: new RegExp(`^第${CN}(?:部分|章|节)?(?:[、，,．.：:]|[\\s\\u3000]+)${SPACE}`) },
  { level: 1, re: new RegExp(`^${CN}[、.．]${SPACE}`) },
  { level: 2, re: new RegExp(`^[（(]${CN}[）)][、.．]?${SPACE}`) },
  { level: 3, re: new RegExp(`^\\d{1,3}[.．、](?!\\d)${SPACE}`) },
  { level: 4, re: new RegExp(`^[（(]\\d{1,3}[）)][、.．]?${SPACE}`) },
];

export interface NumberMatch {
  level: 1 | 2 | 3 | 4;
  /** the number as it stands in the line, with the spaces after it */
  number: string;
  /** everything after the number, exactly */
  rest: string;
}

export function matchNumber(line: string): NumberMatch | null {
  for (const { level, re } of NUMBERS) {
    const m = re.exec(line);
    // A number with nothing after it is not a numbered line.
    if (m && m[0].length < line.length) return { level, number: m[0], rest: line.slice(m[0].length) };
  }
  return null;
}

/** A heading is short; levels 3 and 4 are shorter still (longer numbered lines are body text). */
export const MAX_HEADING_CHARS = 60;
const MAX_MINOR_HEADING_CHARS = 40;
/** The lead-in of a run-in heading is a short phrase. */
const MAX_LEAD_CHARS = 40;

const SENTENCE_END = /[。；;！？!?]/;
const CLAUSE_END = /[。；;！？!?：:，,、]$/;

export type LineShape =
  /** a heading on its own line (for levels 1–2 also a run-in heading: see `lead`) */
  | { kind: "heading"; level: 1 | 2 | 3 | 4; number: string; heading: string; rest: string }
  /** a numbered paragraph of levels 3–4, possibly opening with a run-in heading */
  | { kind: "numbered"; level: 3 | 4; number: string; text: string; runIn: boolean }
  | { kind: "plain"; text: string };

/** Where the first sentence ends (after its 。), when it is a lead-in of at most `max` characters followed by more text; else -1. */
export function runInEnd(text: string, max = MAX_LEAD_CHARS): number {
  const end = text.indexOf("。");
  return end > 0 && end + 1 <= max && end < text.length - 1 ? end + 1 : -1;
}

/**
 * What a line is. `minorHeadings: false` (for a paste into a section) keeps
 * numbered lines of levels 3–4 as numbered paragraphs even when short.
 */
export function classifyLine(line: string, options: { minorHeadings?: boolean } = {}): LineShape {
  const m = matchNumber(line);
  if (!m) return { kind: "plain", text: line };
  if (m.level <= 2) {
    // Levels 1 and 2 are always sections. "（一）强化组织领导。镇党委……" is a run-in heading: the
    // heading keeps its 。 and the rest becomes the first paragraph, rendered on the same line.
    // A long first sentence makes the whole line the heading, so that no character moves.
    const end = runInEnd(m.rest, MAX_HEADING_CHARS);
    return { kind: "heading", level: m.level, number: m.number, heading: end > 0 ? m.rest.slice(0, end) : m.rest, rest: end > 0 ? m.rest.slice(end) : "" };
  }
  const level = m.level as 3 | 4;
  if (options.minorHeadings !== false && m.rest.length <= MAX_MINOR_HEADING_CHARS && !SENTENCE_END.test(m.rest) && !CLAUSE_END.test(m.rest)) {
    return { kind: "heading", level, number: m.number, heading: m.rest, rest: "" };
  }
  return { kind: "numbered", level, number: m.number, text: m.rest, runIn: runInEnd(m.rest) > 0 };
}

/** The old entry point: a heading line's level and heading text, or null for anything else. */
export function matchHeading(line: string): { depth: number; heading: string; rest: string } | null {
  const shape = classifyLine(line.trim());
  return shape.kind === "heading" ? { depth: shape.level, heading: shape.heading, rest: shape.rest } : null;
}
