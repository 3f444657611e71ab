// A reviewed file as one stream of pieces in reading order: text (unchanged, inserted or
// deleted), paragraph marks, and the edges of comment ranges, cut out of the text at
// their base offsets. Then the stream in "base paragraphs": paragraphs as they were
// before the review (split at every mark that was not inserted), which is what is
// aligned with the report's sections. Pure.
import type { ReviewComment, ReviewedDocument, Revision } from "./types";

export type Piece =
  /** text of file paragraph `para` */
  | { type: "text"; text: string; change: Revision | null; para: number }
  /** a paragraph mark: one "\n" */
  | { type: "mark"; change: Revision | null; para: number }
  /** where a comment's range starts or ends */
  | { type: "edge"; comment: string; edge: "start" | "end"; para: number };

export interface BaseParagraph {
  /** its pieces, without the mark that ends it; unchanged spaces at either end left out */
  pieces: Piece[];
  /** the mark that ends it (unchanged or deleted); null at the end of the document */
  end: Piece | null;
  /** the file paragraph it starts in */
  para: number;
  /** its text before the review */
  text: string;
  inTable: boolean;
  /** it holds a revision or a comment's edge */
  reviewed: boolean;
}

type Edge = { at: number; comment: string; edge: "start" | "end" };

function edgesByParagraph(comments: readonly ReviewComment[]): Map<number, Edge[]> {
  const by = new Map<number, Edge[]>();
  const add = (para: number, e: Edge) => by.set(para, [...(by.get(para) ?? []), e]);
  for (const c of comments) {
    add(c.paragraph, { at: c.from, comment: c.id, edge: "start" });
    add(c.endParagraph, { at: c.to, comment: c.id, edge: "end" });
  }
  for (const list of by.values()) list.sort((a, b) => a.at - b.at || (a.edge === b.edge ? 0 : a.edge === "start" ? -1 : 1));
  return by;
}

export function piecesOf(doc: ReviewedDocument): Piece[] {
  const edges = edgesByParagraph(doc.comments);
  const out: Piece[] = [];
  doc.paragraphs.forEach((p, para) => {
    const pending = edges.get(para) ?? [];
    let k = 0;
    let at = 0;
    // Edges at base offset `upTo` or before go in front of what starts there.
    const edgesUpTo = (upTo: number) => {
      for (; k < pending.length && pending[k].at <= upTo; k++) out.push({ type: "edge", comment: pending[k].comment, edge: pending[k].edge, para });
    };
    for (const s of p.segments) {
      if (!s.text) continue;
      if (s.change?.kind === "insert") {
        edgesUpTo(at);
        out.push({ type: "text", text: s.text, change: s.change, para });
        continue;
      }
      let from = 0;
      while (k < pending.length && pending[k].at < at + s.text.length) {
        const cut = Math.max(from, pending[k].at - at);
        if (cut > from) out.push({ type: "text", text: s.text.slice(from, cut), change: s.change, para });
        from = cut;
        edgesUpTo(at + cut);
      }
      out.push({ type: "text", text: s.text.slice(from), change: s.change, para });
      at += s.text.length;
    }
    edgesUpTo(Infinity);
    out.push({ type: "mark", change: p.mark, para });
  });
  return out;
}

/** Unchanged spaces at either end of a paragraph are layout (an indent typed as spaces), not text. */
function trimEnds(pieces: Piece[]): Piece[] {
  const out = [...pieces];
  const trim = (i: number, side: "start" | "end") => {
    const p = out[i];
    if (p.type !== "text" || p.change) return false;
    const text = side === "start" ? p.text.replace(/^[\s\u3000]+/u, "") : p.text.replace(/[\s\u3000]+$/u, "");
    out[i] = { ...p, text };
    return text === "";
  };
  for (let i = 0; i < out.length && (out[i].type === "edge" || trim(i, "start")); i++);
  for (let i = out.length - 1; i >= 0 && (out[i].type === "edge" || trim(i, "end")); i--);
  return out.filter((p) => p.type !== "text" || p.text !== "");
}

export const baseText = (pieces: readonly Piece[]): string =>
  pieces.map((p) => (p.type === "text" && p.change?.kind !== "insert" ? p.text : p.type === "mark" && p.change?.kind !== "insert" ? "\n" : "")).join("");

export const acceptedText = (pieces: readonly Piece[]): string =>
  pieces.map((p) => (p.type === "text" && p.change?.kind !== "delete" ? p.text : p.type === "mark" && p.change?.kind !== "delete" ? "\n" : "")).join("");

export function baseParagraphs(doc: ReviewedDocument): BaseParagraph[] {
  const out: BaseParagraph[] = [];
  let current: Piece[] = [];
  let para = 0;
  const close = (end: Piece | null) => {
    const pieces = trimEnds(current);
    const reviewed = current.some((p) => p.type === "edge" || !!p.change) || !!(end?.type === "mark" && end.change);
    out.push({ pieces, end, para, text: baseText(pieces), inTable: !!doc.paragraphs[para]?.inTable, reviewed });
    current = [];
  };
  const pieces = piecesOf(doc);
  pieces.forEach((p, i) => {
    if (!current.length) para = p.para;
    if (p.type === "mark" && p.change?.kind !== "insert") close(p);
    else if (p.type === "mark" && i === pieces.length - 1) {
      current.push(p);
      close(null);
    } else current.push(p);
  });
  if (current.length) close(null);
  return out;
}
