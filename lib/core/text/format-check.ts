// Format checks for 公文 text. They mark, never block; a mark that can be fixed
// carries the replacement for exactly the span it names, and a fix changes that
// span and nothing else. Pure: used by the editor and tested here.
import { classifyLine, matchNumber } from "./headings";
import type { Paragraph, ParagraphLevel } from "./paragraphs";
import type { MessageKey } from "../i18n/messages";

/** What the editor says about an issue: a catalogue key and its values. */
export interface FormatMessage {
  key: Extract<MessageKey, `format.${string}`>;
  params?: Record<string, string>;
}

export type FormatIssueKind =
  | "halfWidthPunctuation"
  | "straightQuotes"
  | "spaceAfterStop"
  | "docNumberBrackets"
  | "docNumberLeadingZero"
  | "spaceBetweenChineseAndDigits"
  | "yearRangeDash"
  | "handNumberedHeading"
  | "handNumberedParagraph";

export interface FormatIssue {
  kind: FormatIssueKind;
  /** paragraph index within the text (0 for a one-line field) */
  paragraph: number;
  /** character offsets within that paragraph */
  start: number;
  end: number;
  found: string;
  /** what the span becomes; null = no one-click fix (the message says what to do) */
  replacement: string | null;
  /** the fix also numbers the paragraph at this level (its typed number is then taken off) */
  level?: ParagraphLevel;
  runIn?: boolean;
  message: FormatMessage;
}

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CJK_OR_FULL_PUNCT = `${CJK}\\u3000-\\u303f\\uff01-\\uff5e“”‘’`;

const FULL_WIDTH: Record<string, string> = { ",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）" };

interface Rule {
  kind: FormatIssueKind;
  re: RegExp;
  replace: (m: RegExpExecArray) => string;
  message: (m: RegExpExecArray) => FormatMessage;
}

const RULES: Rule[] = [
  {
    // half-width , . : ; ? ! next to Chinese (not 1.5 or 3:2 between digits)
    kind: "halfWidthPunctuation",
    re: new RegExp(`(?<=[${CJK_OR_FULL_PUNCT}])[,.:;?!]|[,.:;?!](?=[${CJK}])`, "gu"),
    replace: (m) => FULL_WIDTH[m[0]],
    message: (m) => ({ key: "format.halfWidthPunctuation", params: { found: m[0], fix: FULL_WIDTH[m[0]] } }),
  },
  {
    kind: "halfWidthPunctuation",
    re: new RegExp(`\\(([^()\\n]*[${CJK}][^()\\n]*)\\)`, "gu"),
    replace: (m) => `（${m[1]}）`,
    message: () => ({ key: "format.halfWidthBrackets" }),
  },
  {
    // "法治讲座" → “法治讲座”: a pair of straight quotes around Chinese
    kind: "straightQuotes",
    re: new RegExp(`"([^"\\n]*[${CJK}][^"\\n]*)"`, "gu"),
    replace: (m) => `“${m[1]}”`,
    message: () => ({ key: "format.straightQuotes" }),
  },
  {
    kind: "spaceAfterStop",
    re: /(?<=[。，；：！？、])[ \u3000]+/gu,
    replace: () => "",
    message: () => ({ key: "format.spaceAfterStop" }),
  },
  {
    // 宝大府[2023]8号, 宝大府【2023】8号, 宝大府［2023］8号 → 〔〕
    kind: "docNumberBrackets",
    re: new RegExp(`([${CJK}]{1,10})[\\[【［(（](\\d{4})[\\]】］)）](\\d+)号`, "gu"),
    replace: (m) => `${m[1]}〔${m[2]}〕${Number(m[3])}号`,
    message: () => ({ key: "format.docNumberBrackets" }),
  },
  {
    kind: "docNumberLeadingZero",
    re: /〔(\d{4})〕(0+)(\d+)号/gu,
    replace: (m) => `〔${m[1]}〕${m[3]}号`,
    message: () => ({ key: "format.docNumberLeadingZero" }),
  },
  {
    kind: "spaceBetweenChineseAndDigits",
    re: new RegExp(`(?<=[${CJK}])[ \\u3000]+(?=[0-9])|(?<=[0-9%])[ \\u3000]+(?=[${CJK}])`, "gu"),
    replace: () => "",
    message: () => ({ key: "format.spaceBetweenChineseAndDigits" }),
  },
  {
    kind: "yearRangeDash",
    re: /((?:19|20)\d{2})\s*[-‐‑–−~～]\s*((?:19|20)\d{2})(?=\s*年)/gu,
    replace: (m) => `${m[1]}—${m[2]}`,
    message: () => ({ key: "format.yearRangeDash" }),
  },
];

/** Text rules over one line, from `from` on (a typed number before it is checked separately). */
export function checkParagraph(text: string, paragraph = 0, from = 0): FormatIssue[] {
  const issues: FormatIssue[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = from;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex += 1;
        continue;
      }
      const replacement = rule.replace(m);
      if (replacement === m[0]) continue;
      issues.push({ kind: rule.kind, paragraph, start: m.index, end: m.index + m[0].length, found: m[0], replacement, message: rule.message(m) });
    }
  }
  // Later rules may overlap earlier ones (a bracketed 发文字号 also has a "(" rule): keep the first.
  issues.sort((a, b) => a.start - b.start || b.end - a.end);
  return issues.filter((issue, i) => i === 0 || issue.start >= issues[i - 1].end);
}

/** A number typed in front of a heading: the tree numbers headings by position. The fix takes off the number only. */
export function checkHeading(heading: string): FormatIssue[] {
  const m = matchNumber(heading);
  if (!m) return checkParagraph(heading);
  return [
    {
      kind: "handNumberedHeading", paragraph: 0, start: 0, end: m.number.length, found: m.number, replacement: "",
      message: { key: "format.handNumberedHeading", params: { number: m.number.trim() } },
    },
    ...checkParagraph(heading, 0, m.number.length),
  ];
}

/**
 * Every issue in a body, paragraph by paragraph. A paragraph that starts with a
 * typed 1． or （1） is offered as a numbered paragraph (the fix takes the typed
 * number off and numbers it by position); a typed 一、 or （一） line is a sub-heading,
 * which the message says how to make.
 */
export function checkContent(paragraphs: readonly Paragraph[]): FormatIssue[] {
  return paragraphs.flatMap((p, i) => {
    const m = matchNumber(p.text);
    if (!m) return checkParagraph(p.text, i);
    const base = { paragraph: i, start: 0, end: m.number.length, found: m.number };
    const rest = checkParagraph(p.text, i, m.number.length);
    if (p.level) {
      return [{ ...base, kind: "handNumberedParagraph" as const, replacement: "", message: { key: "format.numberedTwice", params: { number: m.number.trim() } } }, ...rest];
    }
    if (m.level >= 3) {
      const shape = classifyLine(p.text, { minorHeadings: false });
      return [
        {
          ...base, kind: "handNumberedParagraph" as const, replacement: "", level: m.level as ParagraphLevel,
          ...(shape.kind === "numbered" && shape.runIn ? { runIn: true } : {}),
          message: { key: "format.handNumberedParagraph", params: { number: m.number.trim() } },
        },
        ...rest,
      ];
    }
    return [
      {
        ...base, kind: "handNumberedHeading" as const, replacement: null,
        message: { key: "format.subHeadingInText", params: { number: m.number.trim() } },
      },
      ...rest,
    ];
  });
}

/** Applies one issue's fix to the paragraphs it was found in; a stale issue (the text moved on) changes nothing. */
export function applyFix(paragraphs: readonly Paragraph[], issue: FormatIssue): Paragraph[] {
  const p = paragraphs[issue.paragraph];
  if (!p || issue.replacement === null || p.text.slice(issue.start, issue.end) !== issue.found) return [...paragraphs];
  const text = p.text.slice(0, issue.start) + issue.replacement + p.text.slice(issue.end);
  const fixed: Paragraph = issue.level ? { text, level: issue.level, ...(issue.runIn ? { runIn: true } : {}) } : { ...p, text };
  return paragraphs.map((q, i) => (i === issue.paragraph ? fixed : q));
}

/** A one-line field (the heading) as a single paragraph. */
export function applyHeadingFix(heading: string, issue: FormatIssue): string {
  return applyFix([{ text: heading }], issue)[0].text;
}

/** Applies every fixable issue, re-checking after each (offsets shift). */
export function applyAllFixes(paragraphs: readonly Paragraph[]): Paragraph[] {
  let current = [...paragraphs];
  for (let guard = 0; guard < 1000; guard++) {
    const next = checkContent(current).find((i) => i.replacement !== null);
    if (!next) break;
    const fixed = applyFix(current, next);
    if (fixed.every((p, i) => p === current[i])) break;
    current = fixed;
  }
  return current;
}

/**
 * Up to `chars` characters (code points: 𪚥 is one) on each side of an issue, for showing
 * it in context: a cut never falls inside a surrogate pair, which would show as �.
 */
export function issueContext(text: string, issue: Pick<FormatIssue, "start" | "end">, chars = 8): { before: string; after: string } {
  const before = [...text.slice(0, issue.start)].slice(-chars).join("");
  const after = [...text.slice(issue.end)].slice(0, chars).join("");
  return { before, after };
}
