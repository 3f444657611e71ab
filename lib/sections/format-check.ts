// Format checks for 公文 text. They mark, never block; each mark carries the
// replacement that fixes it. Pure: used by the editor and tested here.
import { matchHeading } from "../import/headings";

export type FormatIssueKind =
  | "halfWidthPunctuation"
  | "docNumberBrackets"
  | "docNumberLeadingZero"
  | "spaceBetweenChineseAndDigits"
  | "yearRangeDash"
  | "handNumberedHeading";

export interface FormatIssue {
  kind: FormatIssueKind;
  /** paragraph index within the text (0 for a one-line field) */
  paragraph: number;
  /** character offsets within that paragraph */
  start: number;
  end: number;
  found: string;
  replacement: string;
  message: string;
}

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CJK_OR_FULL_PUNCT = `${CJK}\\u3000-\\u303f\\uff01-\\uff5e“”‘’`;

const FULL_WIDTH: Record<string, string> = { ",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）" };

interface Rule {
  kind: FormatIssueKind;
  re: RegExp;
  replace: (m: RegExpExecArray) => string;
  message: (m: RegExpExecArray) => string;
}

const RULES: Rule[] = [
  {
    // half-width , . : ; ? ! next to Chinese (not 1.5 or 3:2 between digits)
    kind: "halfWidthPunctuation",
    re: new RegExp(`(?<=[${CJK_OR_FULL_PUNCT}])[,.:;?!]|[,.:;?!](?=[${CJK}])`, "gu"),
    replace: (m) => FULL_WIDTH[m[0]],
    message: (m) => `中文中使用了半角标点“${m[0]}”，应为“${FULL_WIDTH[m[0]]}”。`,
  },
  {
    kind: "halfWidthPunctuation",
    re: new RegExp(`\\(([^()\\n]*[${CJK}][^()\\n]*)\\)`, "gu"),
    replace: (m) => `（${m[1]}）`,
    message: () => "中文中使用了半角括号“( )”，应为“（ ）”。",
  },
  {
    // 宝大府[2023]8号, 宝大府【2023】8号, 宝大府［2023］8号 → 〔〕
    kind: "docNumberBrackets",
    re: new RegExp(`([${CJK}]{1,10})[\\[【［(（](\\d{4})[\\]】］)）](\\d+)号`, "gu"),
    replace: (m) => `${m[1]}〔${m[2]}〕${Number(m[3])}号`,
    message: () => "发文字号的年份应使用六角括号〔〕。",
  },
  {
    kind: "docNumberLeadingZero",
    re: /〔(\d{4})〕(0+)(\d+)号/gu,
    replace: (m) => `〔${m[1]}〕${m[3]}号`,
    message: () => "发文字号中的序号不加“0”。",
  },
  {
    kind: "spaceBetweenChineseAndDigits",
    re: new RegExp(`(?<=[${CJK}])[ \\u3000]+(?=[0-9])|(?<=[0-9%])[ \\u3000]+(?=[${CJK}])`, "gu"),
    replace: () => "",
    message: () => "中文与数字之间不应有空格。",
  },
  {
    kind: "yearRangeDash",
    re: /((?:19|20)\d{2})\s*[-‐‑–−~～]\s*((?:19|20)\d{2})(?=\s*年)/gu,
    replace: (m) => `${m[1]}—${m[2]}`,
    message: () => "年份起止应使用连接号“—”，如“2021—2025年”。",
  },
];

export function checkParagraph(text: string, paragraph = 0): FormatIssue[] {
  const issues: FormatIssue[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
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

/** Hand-typed numbers in front of a heading: the tree numbers headings by position. */
export function checkHeading(heading: string): FormatIssue[] {
  let issues = checkParagraph(heading);
  const h = matchHeading(heading);
  if (h && !h.rest) {
    const label = heading.slice(0, heading.length - h.heading.length);
    issues = issues.filter((issue) => issue.start >= label.length);
    issues.unshift({
      kind: "handNumberedHeading", paragraph: 0, start: 0, end: label.length, found: label, replacement: "",
      message: `标题中手工输入了编号“${label.trim()}”；编号由系统按位置生成。`,
    });
  }
  return issues;
}

/** Every issue in a body text, paragraph by paragraph; a short numbered line in the body is a hand-numbered heading. */
export function checkContent(content: string): FormatIssue[] {
  return content.split("\n").flatMap((p, i) => {
    let issues = checkParagraph(p, i);
    const h = matchHeading(p);
    if (h && !h.rest && p.length <= 60) {
      const label = p.slice(0, p.length - h.heading.length);
      issues = issues.filter((issue) => issue.start >= label.length); // "1." is the number, not punctuation
      issues.unshift({
        kind: "handNumberedHeading", paragraph: i, start: 0, end: label.length, found: label, replacement: "",
        message: `段落以手工编号“${label.trim()}”开头，像是小标题：请用“添加子章节”，编号由系统生成。`,
      });
    }
    return issues;
  });
}

/** Applies one issue's fix to the text it was found in. */
export function applyFix(content: string, issue: FormatIssue): string {
  const paragraphs = content.split("\n");
  const p = paragraphs[issue.paragraph];
  if (p === undefined || p.slice(issue.start, issue.end) !== issue.found) return content; // text moved on: no-op
  paragraphs[issue.paragraph] = p.slice(0, issue.start) + issue.replacement + p.slice(issue.end);
  return paragraphs.join("\n");
}

/** Applies every fix, re-checking after each (offsets shift). */
export function applyAllFixes(content: string, check: (text: string) => FormatIssue[] = checkContent): string {
  let text = content;
  for (let guard = 0; guard < 1000; guard++) {
    const [first] = check(text);
    if (!first) break;
    const next = applyFix(text, first);
    if (next === text) break;
    text = next;
  }
  return text;
}
