// Accepting suggestions: each is located in the section's current text, those that
// collide with an earlier one (in the order given) are left as stale, and the rest are
// applied from the end so that no offset moves under another. Paragraph attributes
// (level, run-in) stay with the paragraph whose start survives; a paragraph made by an
// inserted break is an ordinary one. Pure.
import type { Paragraph, Paragraphs } from "../text/paragraphs";
import { locateSuggestion, type Span, type SuggestionAnchor } from "./anchor";

export interface Placed<S> {
  suggestion: S;
  span: Span;
}

/** Each suggestion's place in `text`; a stale one or one overlapping an earlier one is in `stale`. */
export function placeAll<S extends SuggestionAnchor>(text: string, suggestions: readonly S[]): { placed: Placed<S>[]; stale: S[] } {
  const placed: Placed<S>[] = [];
  const stale: S[] = [];
  for (const s of suggestions) {
    const span = locateSuggestion(text, s);
    // An insertion may touch a deletion's edge (a replacement) but not fall inside it.
    const clash = span && placed.some((p) =>
      (span.from < p.span.to && p.span.from < span.to) ||
      (span.from === span.to ? p.span.from < span.from && span.from < p.span.to : p.span.from === p.span.to && span.from < p.span.from && p.span.from < span.to));
    if (!span || clash) stale.push(s);
    else placed.push({ suggestion: s, span });
  }
  return { placed, stale };
}

type Piece = { text: string; origin: number | null };

/** `paragraphs` with the placed suggestions carried out. */
export function applyPlaced(paragraphs: Paragraphs, placed: readonly Placed<SuggestionAnchor>[]): Paragraph[] {
  const text = paragraphs.map((p) => p.text).join("\n");
  // Ordered by place; at one place, the deletion before the insertion (Word's order del, ins).
  const edits = [...placed].sort((a, b) => a.span.from - b.span.from || b.span.to - a.span.to);
  const pieces: Piece[] = [];
  let at = 0;
  for (const { suggestion, span } of edits) {
    if (span.from > at) pieces.push({ text: text.slice(at, span.from), origin: at });
    if (suggestion.kind === "insert") pieces.push({ text: suggestion.text, origin: null });
    at = Math.max(at, span.to);
  }
  if (at < text.length) pieces.push({ text: text.slice(at), origin: at });
  return rebuild(paragraphs, text, pieces);
}

/** Splits the edited text into paragraphs, each keeping the attributes of the original it starts. */
function rebuild(paragraphs: Paragraphs, text: string, pieces: Piece[]): Paragraph[] {
  const starts: number[] = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const attrsAt = (offset: number): Omit<Paragraph, "text"> => {
    const k = starts.indexOf(offset);
    // A section without paragraphs has the empty text, and no attributes to keep.
    if (k === -1 || !paragraphs[k]) return {};
    const attrs: Omit<Paragraph, "text"> = {};
    if (paragraphs[k].level) attrs.level = paragraphs[k].level;
    if (paragraphs[k].runIn) attrs.runIn = paragraphs[k].runIn;
    return attrs;
  };
  const out: Paragraph[] = [];
  let current: Paragraph = { text: "", ...attrsAt(0) };
  for (const piece of pieces) {
    let start = 0;
    for (let i = piece.text.indexOf("\n"); i !== -1; i = piece.text.indexOf("\n", i + 1)) {
      current.text += piece.text.slice(start, i);
      out.push(current);
      current = { text: "", ...(piece.origin === null ? {} : attrsAt(piece.origin + i + 1)) };
      start = i + 1;
    }
    current.text += piece.text.slice(start);
  }
  out.push(current);
  return out;
}

/** Accepts the suggestions that still apply: the new paragraphs, and those that could not be applied. */
export function acceptSuggestions<S extends SuggestionAnchor>(paragraphs: Paragraphs, suggestions: readonly S[]): { paragraphs: Paragraph[]; applied: S[]; stale: S[] } {
  const { placed, stale } = placeAll(paragraphs.map((p) => p.text).join("\n"), suggestions);
  return { paragraphs: applyPlaced(paragraphs, placed), applied: placed.map((p) => p.suggestion), stale };
}
