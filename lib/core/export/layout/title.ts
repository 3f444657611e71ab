// The title (标题) in 2号小标宋, broken at word boundaries into a balanced shape:
// lines as even as the words allow, an upper line never longer than the one below
// it (a trapezoid), or a diamond for three lines or more when that fits better.
// Words come from the ICU word segmenter in Node (Intl.Segmenter, zh); a term of the
// trade (title-terms.ts, and the office's own) is one piece even where ICU splits it.
import type { Measure } from "./breaking";
import { NO_LINE_END, NO_LINE_START } from "./breaking";
import { TITLE_TERMS } from "./title-terms";

/** Single characters that finish the word before them: 宝山|区, 2022|年, 建设|的. */
const SUFFIXES = new Set([..."区镇市县省乡村街年月日度的之会"]);
/** Words that are a number's unit: 2024|年度 and 30|余件 stay together. */
const UNIT = /^(年度?|月份?|日|号|件|个|项|次|人次?|名|家|场|起|份|余|万|亿|元|%|％)/;

/**
 * The title's unbreakable pieces: ICU words (Intl.Segmenter, zh), with a number
 * kept with its unit, a book title 《…》 whole, and punctuation with its neighbour.
 */
export function words(text: string, options: { keepBookTitles?: boolean } = {}): string[] {
  const seg = new Intl.Segmenter("zh", { granularity: "word" });
  const out: string[] = [];
  let inBook = 0;
  let prevSingle = false;
  for (const { segment } of seg.segment(text)) {
    const prev = out[out.length - 1];
    // ICU splits a name it does not know (青溪镇, 大场镇) into single characters: keep such a run together.
    const single = /^\p{Script=Han}$/u.test(segment);
    const glue =
      prev !== undefined &&
      ((inBook > 0 && options.keepBookTitles !== false) ||
        /^\s+$/u.test(segment) ||
        (single && prevSingle) ||
        SUFFIXES.has(segment) ||
        (/\d$/.test(prev) && UNIT.test(segment)) ||
        // An office is one name: 青溪镇|人民政府 and 大场镇|委员会 stay together.
        (/[省市区县镇乡]$/.test(prev) && /^(人民政府|委员|办事处|人民代表大会)/.test(segment)) ||
        // Keep punctuation with the word before it, so it never starts a line.
        [...segment].every((c) => NO_LINE_START.has(c)) ||
        [...prev].every((c) => NO_LINE_END.has(c)));
    if (glue) out[out.length - 1] += segment;
    else out.push(segment);
    prevSingle = single;
    inBook += (segment.match(/《/g) ?? []).length - (segment.match(/》/g) ?? []).length;
    if (inBook < 0) inBook = 0;
  }
  return out;
}

/** Offsets (in the joined text) that fall strictly inside a term: no line may break there. */
function insideTerms(text: string, terms: readonly string[]): Set<number> {
  const inside = new Set<number>();
  for (const term of terms) {
    if (term.length < 2) continue;
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
      for (let p = i + 1; p < i + term.length; p++) inside.add(p);
    }
  }
  return inside;
}

/** The pieces joined again wherever a boundary falls inside a term. */
export function keepTerms(pieces: string[], terms: readonly string[] = TITLE_TERMS): string[] {
  const inside = insideTerms(pieces.join(""), terms);
  const out: string[] = [];
  let at = 0;
  for (const piece of pieces) {
    if (out.length > 0 && inside.has(at)) out[out.length - 1] += piece;
    else out.push(piece);
    at += piece.length;
  }
  return out;
}

/** Names of offices: a break right after one (before its "关于…") is where a reader expects it. */
const OFFICE_END = /(人民政府|委员会|办公室|办事处|人民代表大会|司法所|局|厅)\s*$/;

/**
 * What a break between two pieces costs, beyond the shape: nothing between the office
 * and its "关于…" or between joint issuers; a little before a term; more elsewhere.
 */
function breakCost(before: string, after: string, terms: readonly string[]): number {
  if (/^关于/.test(after) || /\s$/.test(before) || OFFICE_END.test(before)) return 0;
  // "关于" opens the subject: ending a line on it is a last resort, for a title too long for better.
  if (/关于$/.test(before)) return 0.6;
  // 上海市 | 宝山区…人民政府: a place name is part of the office that follows it.
  if (/[省市区县]$/.test(before)) return 0.4;
  if (terms.some((t) => after.startsWith(t))) return 0.08;
  return 0.16;
}

/**
 * The title's lines: each within maxWidth, no term split, in the best shape.
 * officeTerms extend the shipped list (an office's own names and words).
 */
export function breakTitle(title: string, size: number, maxWidth: number, measure: Measure, officeTerms: readonly string[] = []): string[] {
  const terms = officeTerms.length ? [...TITLE_TERMS, ...officeTerms] : TITLE_TERMS;
  // A space the title has (between joint issuers) stays; at a line's end it is where the line breaks.
  // A piece wider than a line (a long 《…》) is broken at its own words, as a last resort.
  const w = keepTerms(words(title.trim()), terms).flatMap((x) =>
    measure(x, size) > maxWidth ? keepTerms(words(x, { keepBookTitles: false }), terms) : [x],
  );
  const total = measure(w.join(""), size);
  if (total <= maxWidth) return [w.join("")];
  const widths = w.map((x) => measure(x, size));
  let best: { lines: string[]; score: number } | null = null;
  for (let k = Math.ceil(total / maxWidth); k <= Math.min(w.length, Math.ceil(total / maxWidth) + 1); k++) {
    const target = total / k;
    // Enumerate splits by dynamic search over word boundaries (titles are short).
    const search = (start: number, linesLeft: number, acc: number[][]) => {
      if (linesLeft === 1) {
        const line = [start, w.length];
        const width = widths.slice(start).reduce((a, b) => a + b, 0);
        if (width > maxWidth + 0.01) return;
        const ranges = [...acc, line];
        const lens = ranges.map(([a, b]) => widths.slice(a, b).reduce((x, y) => x + y, 0));
        const cost = ranges.slice(1).reduce((sum, [a]) => sum + breakCost(w[a - 1], w[a], terms), 0);
        // A line more than the title needs costs more than a less even shape.
        const score = shapeScore(lens, target) + cost + (k - Math.ceil(total / maxWidth)) * 0.3;
        if (!best || score < best.score) best = { lines: ranges.map(([a, b]) => w.slice(a, b).join("").trimEnd()), score };
        return;
      }
      let width = 0;
      for (let end = start + 1; end <= w.length - (linesLeft - 1); end++) {
        width += widths[end - 1];
        if (width > maxWidth + 0.01) break;
        search(end, linesLeft - 1, [...acc, [start, end]]);
      }
    };
    search(0, k, []);
  }
  return best ? (best as { lines: string[] }).lines : [w.join("")];
}

/** Lower is better: even lines; a trapezoid (non-decreasing) or a diamond is preferred to other shapes. */
function shapeScore(lens: number[], target: number): number {
  const unevenness = lens.reduce((s, l) => s + (l - target) ** 2, 0) / target ** 2;
  const trapezoid = lens.every((l, i) => i === 0 || l >= lens[i - 1] - 1e-6);
  const peak = lens.indexOf(Math.max(...lens));
  const diamond = lens.length >= 3 && lens.every((l, i) => (i <= peak ? i === 0 || l >= lens[i - 1] - 1e-6 : l <= lens[i - 1] + 1e-6));
  return unevenness + (trapezoid ? 0 : diamond ? 0.02 : 0.5) + lens.length * 0.01;
}
