// A comment on a passage is anchored by the passage itself and a little text
// either side (like the W3C TextQuoteSelector), not by offsets, so it stays on
// its words when text around them changes. Pure.

export interface Anchor {
  quote: string;
  prefix: string;
  suffix: string;
}

const CONTEXT_CHARS = 16;

export function makeAnchor(text: string, start: number, end: number): Anchor {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

/** Shared characters at the end of a and the start of b's reverse, i.e. how well the context still fits. */
export function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
export function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export interface Located {
  start: number;
  end: number;
  /** 0-based paragraph of the start (paragraphs are "\n"-separated) */
  paragraph: number;
}

/** Where the anchored passage is now, or null when its words are gone (the comment is then shown as detached). */
export function locateAnchor(text: string, anchor: Anchor): Located | null {
  if (!anchor.quote) return null;
  let best: { start: number; score: number } | null = null;
  for (let i = text.indexOf(anchor.quote); i !== -1; i = text.indexOf(anchor.quote, i + 1)) {
    const score =
      commonSuffix(text.slice(Math.max(0, i - anchor.prefix.length), i), anchor.prefix) +
      commonPrefix(text.slice(i + anchor.quote.length, i + anchor.quote.length + anchor.suffix.length), anchor.suffix);
    if (!best || score > best.score) best = { start: i, score };
  }
  if (!best) return null;
  return { start: best.start, end: best.start + anchor.quote.length, paragraph: text.slice(0, best.start).split("\n").length - 1 };
}

/** The anchor from a selection made in the browser: the selected words and where they first fit the text. */
export function anchorFromSelection(text: string, selected: string, near = 0): Anchor | null {
  const quote = selected.trim();
  if (!quote) return null;
  let at = text.indexOf(quote, Math.max(0, near - quote.length));
  if (at === -1) at = text.indexOf(quote);
  return at === -1 ? null : makeAnchor(text, at, at + quote.length);
}

/** A stored anchor (a Json column), read defensively. */
export function asAnchor(value: unknown): Anchor | null {
  const a = value as Partial<Anchor> | null;
  return a && typeof a.quote === "string" && typeof a.prefix === "string" && typeof a.suffix === "string" ? { quote: a.quote, prefix: a.prefix, suffix: a.suffix } : null;
}
