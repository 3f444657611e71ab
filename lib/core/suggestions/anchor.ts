// A suggestion (修订) is an insertion or a deletion proposed against a section's text,
// anchored like a comment by its words and a little text either side, not by offsets:
// it stays on its words when the owner edits elsewhere, and it is stale (shown, never
// applied) when the words it was made against are gone. The section's text is its
// paragraphs joined by "\n", so a suggestion whose text holds "\n" inserts or removes
// a paragraph break (Word's inserted/deleted paragraph mark). Pure.

import { commonPrefix, commonSuffix } from "../text/comment-anchor";

export type SuggestionKind = "insert" | "delete";

export interface SuggestionAnchor {
  kind: SuggestionKind;
  /** the inserted text, or the text to delete */
  text: string;
  /** the text just before the place (an insertion) or the deleted text */
  prefix: string;
  /** the text just after it */
  suffix: string;
}

export interface Span {
  from: number;
  /** == from for an insertion */
  to: number;
}

/** Suggestions pending on one section at most: each is a thing for a person to decide, and each costs a search of the text. */
export const MAX_PENDING_PER_SECTION = 300;

/** Context kept either side: enough to tell repeated phrases of a report apart. */
export const SUGGESTION_CONTEXT = 24;

export function insertionAt(text: string, at: number, inserted: string): SuggestionAnchor {
  return { kind: "insert", text: inserted, prefix: text.slice(Math.max(0, at - SUGGESTION_CONTEXT), at), suffix: text.slice(at, at + SUGGESTION_CONTEXT) };
}

export function deletionOf(text: string, from: number, to: number): SuggestionAnchor {
  return { kind: "delete", text: text.slice(from, to), prefix: text.slice(Math.max(0, from - SUGGESTION_CONTEXT), from), suffix: text.slice(to, to + SUGGESTION_CONTEXT) };
}

/** How well the context around [from, to) still fits the anchor's. */
function fit(text: string, s: SuggestionAnchor, from: number, to: number): number {
  return commonSuffix(text.slice(Math.max(0, from - s.prefix.length), from), s.prefix) + commonPrefix(text.slice(to, to + s.suffix.length), s.suffix);
}

/** Places worth scoring for an insertion: where the prefix's end or the suffix's start fits. */
function insertionCandidates(text: string, s: SuggestionAnchor): Set<number> {
  const at = new Set<number>();
  const head = s.suffix.slice(0, 4);
  const tail = s.prefix.slice(-4);
  if (!head && !tail) return new Set([0, text.length]);
  if (head) for (let i = text.indexOf(head); i !== -1 && at.size < MAX_CANDIDATES; i = text.indexOf(head, i + 1)) at.add(i);
  if (tail) for (let i = text.indexOf(tail); i !== -1 && at.size < 2 * MAX_CANDIDATES; i = text.indexOf(tail, i + 1)) at.add(i + tail.length);
  if (!head) at.add(text.length);
  if (!tail) at.add(0);
  return at;
}

/**
 * Characters of context that must still fit, together on both sides: enough that a
 * place is the suggestion's own and not a chance match, few enough that an edit a few
 * words away (or an accepted deletion beside an insertion: Word's replacement, 4次 →
 * 5次) leaves it in place.
 */
export const CONTEXT_NEEDED = 8;

/**
 * Places scored at most, per suggestion: a phrase that occurs more often than this in a
 * section is told apart by the exact context's match or not at all (stale), so that
 * locating a section's suggestions costs a bounded number of steps whatever the text.
 */
export const MAX_CANDIDATES = 500;

/** Where the suggestion applies in `text` now, or null when it is stale: its words or its place are gone. */
export function locateSuggestion(text: string, s: SuggestionAnchor): Span | null {
  // The words with their whole context still there: the place, found by one native search.
  const whole = s.kind === "delete" ? s.prefix + s.text + s.suffix : s.prefix + s.suffix;
  if (s.kind === "insert" || s.text) {
    const at = text.indexOf(whole);
    if (at !== -1) {
      const from = at + s.prefix.length;
      return { from, to: s.kind === "delete" ? from + s.text.length : from };
    }
  }
  const needed = Math.min(CONTEXT_NEEDED, s.prefix.length + s.suffix.length);
  let best: { span: Span; score: number } | null = null;
  let considered = 0;
  const consider = (from: number, to: number) => {
    const score = fit(text, s, from, to);
    if (!best || score > best.score) best = { span: { from, to }, score };
    return ++considered < MAX_CANDIDATES;
  };
  if (s.kind === "delete") {
    if (!s.text) return null;
    for (let i = text.indexOf(s.text); i !== -1; i = text.indexOf(s.text, i + 1)) if (!consider(i, i + s.text.length)) break;
  } else {
    for (const i of [...insertionCandidates(text, s)].sort((a, b) => a - b)) if (!consider(i, i)) break;
  }
  const found = best as { span: Span; score: number } | null;
  return found && found.score >= needed ? found.span : null;
}
