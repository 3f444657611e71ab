// The title (标题) in 2号小标宋, broken at word boundaries into a balanced shape:
// lines as even as the words allow, an upper line never longer than the one below
// it (a trapezoid), or a diamond for three lines or more when that fits better.
// Words come from the ICU word segmenter in Node (Intl.Segmenter, zh).
import type { Measure } from "./breaking";
import { NO_LINE_END, NO_LINE_START } from "./breaking";

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

/** Break points (word indexes) into k lines; each line within maxWidth. Returns the best shape. */
export function breakTitle(title: string, size: number, maxWidth: number, measure: Measure): string[] {
  // A space the title has (between joint issuers) stays; at a line's end it is where the line breaks.
  // A piece wider than a line (a long 《…》) is broken at its own words, as a last resort.
  const w = words(title.trim()).flatMap((x) => (measure(x, size) > maxWidth ? words(x, { keepBookTitles: false }) : [x]));
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
        const score = shapeScore(lens, target);
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
