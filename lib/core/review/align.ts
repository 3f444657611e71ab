// Which section each paragraph of a reviewed file belongs to. Headings first: a
// paragraph whose text (before the review) is a section's heading, with or without its
// number (a town's own file may number headings with Word's lists), or starts with it
// for a run-in heading; the longest chain of such matches in order wins. Then, between
// matched headings, paragraphs by their text (a bounded diff), and what is left between
// two matches is paired in place or belongs to the section before it. At either end of
// the body, paragraphs pair with the sections' only while they look alike; the rest
// (版头, title, 主送, 署名, 版记) is outside. Pure; bounded by the step budget.
import { matchNumber, MAX_HEADING_CHARS, runInEnd } from "../text/headings";
import { myersDiff, StepBudget } from "../myers";
import type { BaseParagraph } from "./pieces";
import type { ReviewSection } from "./types";

export interface Placement {
  /** the section's index, or -1: outside the report's body */
  section: number;
  /** the section's heading paragraph; for a run-in heading, `cut` characters of its text are the heading */
  heading: boolean;
  cut: number;
  /** a heading paragraph whose text is not the section's heading (changed with 修订 off) */
  renamed?: boolean;
}

interface Item {
  section: number;
  heading: boolean;
  text: string;
}

/** Steps the paragraph diffs of one file may take together (a step is a few ns). */
export const ALIGN_BUDGET = 20_000_000;
/** At most this many sections a paragraph is tried as the heading of (repeated headings). */
const MAX_CANDIDATES = 8;

function itemsOf(sections: readonly ReviewSection[]): Item[] {
  const items: Item[] = [];
  sections.forEach((s, section) => {
    if (s.numberedHeading) items.push({ section, heading: true, text: s.numberedHeading });
    s.paragraphs.forEach((p, k) => {
      if ((k > 0 || !s.runIn) && p.text) items.push({ section, heading: false, text: (s.labels[k] ?? "") + p.text });
    });
  });
  return items;
}

/** How many characters of `text` are section `s`'s heading, or -1. */
function headingCut(text: string, s: ReviewSection): number {
  if (!s.heading) return -1;
  const number = matchNumber(text);
  if (!s.runIn) return text === s.numberedHeading || text === s.heading || number?.rest === s.heading ? text.length : -1;
  if (text.startsWith(s.numberedHeading)) return s.numberedHeading.length;
  if (text.startsWith(s.heading)) return s.heading.length;
  return number?.rest.startsWith(s.heading) ? number.number.length + s.heading.length : -1;
}

function headingCandidates(sections: readonly ReviewSection[], pars: readonly BaseParagraph[], usable: (i: number) => boolean): [number, number][] {
  const exact = new Map<string, number[]>();
  const prefix = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, s: number) => key && map.set(key, [...(map.get(key) ?? []), s]);
  sections.forEach((s, i) => {
    const map = s.runIn ? prefix : exact;
    add(map, s.numberedHeading, i);
    if (s.heading !== s.numberedHeading) add(map, s.heading, i);
  });
  const lengths = [...new Set([...prefix.keys()].map((k) => k.length))];
  const pairs: [number, number][] = [];
  pars.forEach((p, f) => {
    if (!usable(f)) return;
    const rest = matchNumber(p.text)?.rest ?? "";
    const found = new Set<number>();
    for (const key of [p.text, rest]) {
      for (const s of exact.get(key) ?? []) found.add(s);
      for (const n of lengths) for (const s of prefix.get(key.slice(0, n)) ?? []) found.add(s);
    }
    [...found].filter((s) => headingCut(p.text, sections[s]) >= 0).sort((a, b) => a - b).slice(0, MAX_CANDIDATES).forEach((s) => pairs.push([f, s]));
  });
  return pairs;
}

/** Where a renamed run-in heading ends: before the section's first paragraph, or after its first 。; a heading on its own line is the whole paragraph. */
function renamedCut(text: string, s: ReviewSection): number {
  if (!s.runIn) return text.length;
  const first = s.paragraphs[0]?.text ?? "";
  if (first && text.endsWith(first)) return text.length - first.length;
  const end = runInEnd(text, MAX_HEADING_CHARS);
  return end > 0 ? end : 0;
}

/** The longest chain of pairs increasing in both (patience sorting, O(n log n)). */
export function longestChain(pairs: [number, number][]): [number, number][] {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const tails: number[] = [];
  const before = new Int32Array(sorted.length).fill(-1);
  sorted.forEach(([, s], i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[tails[mid]][1] < s) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) before[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const chain: [number, number][] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i !== -1; i = before[i]) chain.push(sorted[i]);
  return chain.reverse();
}

/** Exact matches of paragraph text between [f0, f1) and items [i0, i1), by a bounded diff. */
function matchesByText(pars: readonly BaseParagraph[], fs: number[], items: readonly Item[], i0: number, i1: number, budget: StepBudget): [number, number][] {
  if (!fs.length || i1 <= i0) return [];
  const ids = new Map<string, number>();
  const id = (t: string) => ids.get(t) ?? (ids.set(t, ids.size), ids.size - 1);
  const a = Int32Array.from(fs, (f) => id(pars[f].text));
  const b = Int32Array.from({ length: i1 - i0 }, (_, k) => id(items[i0 + k].text));
  const ops = myersDiff(a, b, budget);
  if (!ops) return [];
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const op of ops) {
    if (op.type === "equal") for (let k = 0; k < op.length; k++) out.push([fs[x + k], i0 + y + k]);
    if (op.type !== "insert") x += op.length;
    if (op.type !== "delete") y += op.length;
  }
  return out;
}

/** Alike enough to be the same paragraph edited: its start and end cover half of it. */
function alike(a: string, b: string): boolean {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  return 2 * (pre + suf) >= Math.max(a.length, b.length);
}

/**
 * `frame`: the texts of the report around its body (title, 主送, 署名, 成文日期 …): a
 * paragraph with one of them marks where the body starts or ends.
 */
export function alignParagraphs(sections: readonly ReviewSection[], pars: readonly BaseParagraph[], frame: ReadonlySet<string> = new Set(), budget = new StepBudget(ALIGN_BUDGET)): Placement[] {
  const items = itemsOf(sections);
  // Empty paragraphs without revisions are spacing; tables are not the body.
  const usable = (f: number) => !pars[f].inTable && (pars[f].text !== "" || pars[f].reviewed);
  const itemOfHeading = new Map(items.flatMap((it, i) => (it.heading ? [[it.section, i] as const] : [])));
  const anchors: [number, number][] = longestChain(headingCandidates(sections, pars, usable)).map(([f, s]) => [f, itemOfHeading.get(s)!]);
  // Between (and around) the matched headings, paragraphs by their text.
  const bounds: [number, number][] = [[-1, -1], ...anchors, [pars.length, items.length]];
  const matched: [number, number][] = [];
  for (let g = 0; g + 1 < bounds.length; g++) {
    const [f0, i0] = bounds[g];
    const [f1, i1] = bounds[g + 1];
    const fs = Array.from({ length: Math.max(0, f1 - f0 - 1) }, (_, k) => f0 + 1 + k).filter(usable);
    matched.push(...matchesByText(pars, fs, items, i0 + 1, i1, budget));
    if (g + 1 < bounds.length - 1) matched.push(bounds[g + 1]);
  }
  const placed: Placement[] = pars.map(() => ({ section: -1, heading: false, cut: 0 }));
  const put = (f: number, i: number) => {
    const it = items[i];
    if (!it.heading) placed[f] = { section: it.section, heading: false, cut: 0 };
    else {
      const text = pars[f].text;
      const cut = headingCut(text, sections[it.section]);
      placed[f] = cut >= 0 ? { section: it.section, heading: true, cut } : { section: it.section, heading: true, cut: renamedCut(text, sections[it.section]), renamed: true };
    }
  };
  matched.forEach(([f, i]) => put(f, i));
  fillGaps(matched, pars, items, usable, frame, put, placed);
  return placed;
}

/** How far past the last match (or before the first) a paragraph is looked for, when no frame paragraph marks the body's end. */
const EDGE_WINDOW = 4;

/**
 * Paragraphs left between matches: in place when as many on both sides, else with the
 * section before. At the body's ends: up to the frame (the 主送 before, the 署名 after)
 * the same; without a frame paragraph, each remaining item is looked for among the next
 * few paragraphs, and what lies beyond the last one found is outside.
 */
function fillGaps(matched: [number, number][], pars: readonly BaseParagraph[], items: readonly Item[], usable: (f: number) => boolean, frame: ReadonlySet<string>, put: (f: number, i: number) => void, placed: Placement[]) {
  if (!matched.length) return;
  const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);
  const withSection = (f: number, from: number | null) => {
    if (from !== null && placed[from].section >= 0) placed[f] = { section: placed[from].section, heading: false, cut: 0 };
  };
  const inPlace = (fs: number[], is: number[], before: number | null) =>
    fs.forEach((f, k) => (k < is.length ? put(f, is[k]) : withSection(f, k === 0 ? before : fs[k - 1])));
  const edge = (fs: number[], is: number[], from: number) => {
    let cursor = -1;
    for (const i of is) {
      const k = fs.slice(cursor + 1, cursor + 1 + EDGE_WINDOW).findIndex((f) => alike(pars[f].text, items[i].text));
      if (k < 0) continue;
      for (let j = cursor + 1; j < cursor + 1 + k; j++) withSection(fs[j], cursor >= 0 ? fs[cursor] : from);
      cursor += 1 + k;
      put(fs[cursor], i);
    }
  };
  const isFrame = (f: number) => frame.has(pars[f].text);
  const [firstF, firstI] = matched[0];
  const lead = range(0, firstF).filter(usable);
  const opening = lead.findLastIndex(isFrame);
  if (opening >= 0) inPlace(lead.slice(opening + 1), range(0, firstI), null);
  else edge(lead.reverse(), range(0, firstI).reverse(), firstF);
  for (let m = 0; m < matched.length; m++) {
    const [f0, i0] = matched[m];
    const next = matched[m + 1];
    const fs = range(f0 + 1, next ? next[0] : pars.length).filter(usable);
    const is = range(i0 + 1, next ? next[1] : items.length);
    const closing = next ? -1 : fs.findIndex(isFrame);
    if (next) inPlace(fs, is, f0);
    else if (closing >= 0) inPlace(fs.slice(0, closing), is, f0);
    else edge(fs, is, f0);
  }
}
