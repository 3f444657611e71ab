// The 修订 editor's document: the section's text with every pending suggestion in it as
// a mark of @handlewithcare/prosemirror-suggest-changes (insertion: the text is there,
// marked; deletion: the text stays, marked), and back: the text as the reviewer would
// have it, which the server turns into their suggestions (lib/suggestions/propose.ts).
// The plugin marks a paragraph break it inserted or deleted by the same mark (same id)
// on both sides of the break, with a zero-width space (U+200B) as the marked character
// where a side has no text of its own; such marker spaces are never text. Pure.
import type { Paragraph } from "../text/paragraphs";
import type { EditorParagraph } from "../text/editor-doc";
import type { Span, SuggestionKind } from "./anchor";

const MARKER = "\u200B";

export type SuggestionMarkType = "insertion" | "deletion";
export interface MarkedText {
  type: "text";
  text: string;
  marks?: { type: SuggestionMarkType; attrs: { id: number } }[];
}
export interface MarkedParagraph extends Omit<EditorParagraph, "content"> {
  content?: MarkedText[];
}
export interface MarkedDoc {
  type: "doc";
  content: MarkedParagraph[];
}

export interface DrawnSuggestion {
  /** the mark id in the document */
  markId: number;
  kind: SuggestionKind;
  text: string;
  at: Span;
}

const markType = (kind: SuggestionKind): SuggestionMarkType => (kind === "insert" ? "insertion" : "deletion");

/** The section's paragraphs with the (placed, non-overlapping) suggestions as marks. */
export function markedDoc(paragraphs: readonly Paragraph[], suggestions: readonly DrawnSuggestion[]): MarkedDoc {
  const text = paragraphs.map((p) => p.text).join("\n");
  const starts: number[] = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const attrsOf = (k: number) => ({ level: paragraphs[k]?.level ?? null, runIn: !!paragraphs[k]?.runIn });
  // Pieces in reading order: the text as it stands and inserted text, each with its mark.
  type Piece = { text: string; mark: { type: SuggestionMarkType; id: number } | null; origin: number | null };
  const pieces: Piece[] = [];
  let at = 0;
  const plain = (to: number) => {
    if (to > at) pieces.push({ text: text.slice(at, to), mark: null, origin: at });
    at = Math.max(at, to);
  };
  for (const s of [...suggestions].sort((a, b) => a.at.from - b.at.from || b.at.to - a.at.to)) {
    if (s.at.from < at) continue;
    plain(s.at.from);
    const mark = { type: markType(s.kind), id: s.markId };
    if (s.kind === "insert") pieces.push({ text: s.text, mark, origin: null });
    else {
      pieces.push({ text: text.slice(s.at.from, s.at.to), mark, origin: s.at.from });
      at = s.at.to;
    }
  }
  plain(text.length);

  const out: MarkedParagraph[] = [];
  let runs: MarkedText[] = [];
  let attrs = attrsOf(0);
  const push = (t: string, mark: Piece["mark"]) => {
    if (!t) return;
    runs.push({ type: "text", text: t, ...(mark ? { marks: [{ type: mark.type, attrs: { id: mark.id } }] } : {}) });
  };
  for (const piece of pieces) {
    const lines = piece.text.split("\n");
    let offset = 0;
    lines.forEach((line, i) => {
      if (i > 0) {
        // A break inside a marked piece is marked on both sides: a marker where a side has no text.
        const breakAt = piece.origin === null ? null : piece.origin + offset - 1;
        if (piece.mark && (!runs.length || !sameMark(runs[runs.length - 1], piece.mark))) push(MARKER, piece.mark);
        out.push({ type: "paragraph", attrs, ...(runs.length ? { content: runs } : {}) });
        runs = [];
        attrs = breakAt === null ? { level: null, runIn: false } : attrsOf(starts.indexOf(breakAt + 1));
        if (piece.mark && !line) push(MARKER, piece.mark);
      }
      push(line, piece.mark);
      offset += line.length + 1;
    });
  }
  out.push({ type: "paragraph", attrs, ...(runs.length ? { content: runs } : {}) });
  return { type: "doc", content: out };
}

const sameMark = (run: MarkedText, mark: { type: SuggestionMarkType; id: number }) => run.marks?.some((m) => m.type === mark.type && m.attrs.id === mark.id) ?? false;
const markOf = (run: MarkedText | undefined) => run?.marks?.find((m) => m.type === "insertion" || m.type === "deletion") ?? null;

/**
 * The text as this reviewer would have it: their own insertions in, their own deletions out,
 * everyone else's suggestions as they were (others' inserted text out, others' deleted text in).
 * `othersMarkIds` are the marks of suggestions by someone else.
 */
export function proposedParagraphs(doc: { content?: readonly MarkedParagraph[] }, othersMarkIds: ReadonlySet<number>): Paragraph[] {
  const paragraphs = doc.content ?? [];
  const keeps = (run: MarkedText) => {
    const mark = markOf(run);
    if (!mark) return true;
    const own = !othersMarkIds.has(mark.attrs.id);
    return mark.type === "insertion" ? own : !own;
  };
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  paragraphs.forEach((p, i) => {
    const runs = p.content ?? [];
    const text = runs.map((r) => (keeps(r) ? (markOf(r) ? r.text.replaceAll(MARKER, "") : r.text) : "")).join("");
    if (current === null) {
      const level = p.attrs?.level === 3 || p.attrs?.level === 4 ? p.attrs.level : undefined;
      current = level ? { text, level, ...(p.attrs?.runIn ? { runIn: true } : {}) } : { text };
    } else current.text += text;
    // The break after this paragraph: marked on both sides by one suggestion, or an ordinary one.
    const next = paragraphs[i + 1];
    const before = markOf(runs[runs.length - 1]);
    const after = markOf(next?.content?.[0]);
    const marked = before && after && before.type === after.type && before.attrs.id === after.attrs.id ? before : null;
    const breakStays = !marked || keeps({ type: "text", text: "", marks: [marked] });
    if (!next || breakStays) {
      out.push(current);
      current = null;
    }
  });
  return out;
}
