// Recognises a numbered heading at the start of a line: 一、 （一） 1. （1） and
// the 第一/第一部分 variants. Pure; used by the text and Word importers.

const CN = "[一二三四五六七八九十]{1,3}";
const PATTERNS: { depth: number; re: RegExp }[] = [
  { depth: 1, re: new RegExp(`^第(${CN})(?:部分|章|节)?[、，,：:\\s]\\s*(.+)$`) },
  { depth: 1, re: new RegExp(`^(${CN})[、.．]\\s*(.+)$`) },
  { depth: 2, re: new RegExp(`^[（(](${CN})[）)]\\s*(.+)$`) },
  { depth: 3, re: /^(\d{1,2})[.．、](?!\d)\s*(.+)$/ },
  { depth: 4, re: /^[（(](\d{1,2})[）)]\s*(.+)$/ },
];

/** A heading is short; a long numbered line is a heading sentence followed by body text. */
const MAX_HEADING_CHARS = 60;

export interface HeadingMatch {
  depth: number;
  /** the heading without its number */
  heading: string;
  /** body text that followed the heading sentence on the same line, if any */
  rest: string;
}

export function matchHeading(line: string): HeadingMatch | null {
  const text = line.trim();
  for (const { depth, re } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const body = m[2].trim();
    if (body.length <= MAX_HEADING_CHARS && !/[。；;]./.test(body)) {
      return { depth, heading: body.replace(/[。；;]$/, ""), rest: "" };
    }
    // "（一）强化组织领导。正文……": the first sentence is the heading.
    const stop = body.search(/[。；;]/);
    if (stop > 0 && stop <= MAX_HEADING_CHARS) {
      return { depth, heading: body.slice(0, stop), rest: body.slice(stop + 1).trim() };
    }
    return null;
  }
  return null;
}
