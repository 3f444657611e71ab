// A section's text with its pending suggestions drawn in, as Word shows revisions:
// inserted text where it would go, deleted text struck through in place. Paragraphs
// follow the text's line ends (an inserted "\n" starts a paragraph, a deleted one is
// shown as a mark, so the paragraphs on screen are those of the text as it stands). Pure.
import type { Span, SuggestionKind } from "./anchor";

export interface PlacedSuggestion {
  id: string;
  kind: SuggestionKind;
  text: string;
  /** null when stale: such a suggestion is listed, not drawn */
  at: Span | null;
}

export interface Segment {
  text: string;
  /** null: the text as it stands */
  suggestion: { id: string; kind: SuggestionKind } | null;
}

/** The paragraphs of `text`, each a list of segments, with the suggestions drawn in. */
export function suggestedParagraphs(text: string, suggestions: readonly PlacedSuggestion[]): Segment[][] {
  const drawn = suggestions.filter((s): s is PlacedSuggestion & { at: Span } => !!s.at).sort((a, b) => a.at.from - b.at.from || b.at.to - a.at.to);
  const flat: Segment[] = [];
  let at = 0;
  for (const s of drawn) {
    if (s.at.from < at) continue; // overlaps one already drawn: listed only
    if (s.at.from > at) flat.push({ text: text.slice(at, s.at.from), suggestion: null });
    flat.push({ text: s.kind === "insert" ? s.text : text.slice(s.at.from, s.at.to), suggestion: { id: s.id, kind: s.kind } });
    at = s.at.to;
  }
  if (at < text.length) flat.push({ text: text.slice(at), suggestion: null });
  const paragraphs: Segment[][] = [[]];
  for (const seg of flat) {
    const lines = seg.text.split("\n");
    lines.forEach((line, i) => {
      if (i > 0) {
        // A deleted line end stays visible as ¶ where it is, and the text after it joins the line.
        if (seg.suggestion?.kind === "delete") paragraphs[paragraphs.length - 1].push({ text: "¶", suggestion: seg.suggestion });
        else paragraphs.push([]);
      }
      if (line) paragraphs[paragraphs.length - 1].push({ text: line, suggestion: seg.suggestion });
    });
  }
  return paragraphs;
}
