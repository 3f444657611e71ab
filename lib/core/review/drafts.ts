// One section's part of a reviewed file → suggestion drafts on the section's text.
// The file's text before the review (B) is compared with the section as exported (E:
// its text with paragraph numbers): characters only in E were deleted with 修订 off,
// characters only in B were typed with 修订 off (both the uploader's), and Word's own
// revisions sit on B's characters or between them. Every change is put at its offset in
// the section's text and runs of one kind by one author become one suggestion, so that
// accepting them all gives exactly the file's text with every revision accepted.
// Paragraph numbers are not text: changes to them are reported, never suggested. Pure.
import { boundedDiff, type DiffPart } from "../text-diff";
import { matchNumber } from "../text/headings";
import { deletionOf, insertionAt } from "../suggestions/anchor";
import { exportedBody, sectionText } from "./sections";
import type { Piece } from "./pieces";
import type { ReviewSection, Revision, SuggestionDraft } from "./types";

export interface SectionDrafts {
  suggestions: SuggestionDraft[];
  /** each comment edge found in the part: its offset in the section's text */
  edges: Map<string, { start?: number; end?: number }>;
  /** file paragraphs where a paragraph number was changed by a revision */
  numberChanges: number[];
}

interface BaseView {
  text: string;
  change: (Revision | null)[];
  para: Int32Array;
  /** a leading paragraph number typed in the file */
  number: Uint8Array;
  inserted: { at: number; text: string; change: Revision }[];
  edges: { at: number; comment: string; edge: "start" | "end" }[];
}

/** The part's text before the review, with its revisions and comment edges by offset. */
function baseView(pieces: readonly Piece[]): BaseView {
  const chars: string[] = [];
  const change: (Revision | null)[] = [];
  const para: number[] = [];
  const view: Omit<BaseView, "text" | "change" | "para" | "number"> = { inserted: [], edges: [] };
  const starts: number[] = [0];
  for (const p of pieces) {
    if (p.type === "edge") view.edges.push({ at: change.length, comment: p.comment, edge: p.edge });
    else {
      const text = p.type === "mark" ? "\n" : p.text;
      if (p.change?.kind === "insert") view.inserted.push({ at: change.length, text, change: p.change });
      else {
        chars.push(text);
        for (let k = 0; k < text.length; k++) {
          change.push(p.change);
          para.push(p.para);
        }
        if (p.type === "mark") starts.push(change.length);
      }
    }
  }
  const text = chars.join("");
  const number = new Uint8Array(text.length);
  for (const s of starts) {
    const line = text.slice(s, text.indexOf("\n", s) === -1 ? undefined : text.indexOf("\n", s));
    const m = matchNumber(line);
    if (m && m.level >= 3 && !change[s]) number.fill(1, s, s + m.number.length);
  }
  return { text, change, para: Int32Array.from(para), number, ...view };
}


export function sectionDrafts(section: ReviewSection, pieces: readonly Piece[], uploader: Revision, diffBudget?: { chars: number; coarse: number }): SectionDrafts {
  const T = sectionText(section);
  const { text: E, textOffset } = exportedBody(section);
  const B = baseView(pieces);
  const parts: DiffPart[] = E === B.text ? [{ type: "equal", text: E }] : boundedDiff(E, B.text, diffBudget).parts;
  type Op = { kind: "delete"; from: number; to: number; by: Revision } | { kind: "insert"; at: number; text: string; by: Revision };
  const ops: Op[] = [];
  const same = (a: Revision, b: Revision) => (a === uploader) === (b === uploader) && a.author === b.author && a.date === b.date;
  const out: SectionDrafts = { suggestions: [], edges: new Map(), numberChanges: [] };
  const del = (at: number, by: Revision) => {
    const last = ops.at(-1);
    if (last?.kind === "delete" && last.to === at && same(last.by, by)) last.to++;
    else ops.push({ kind: "delete", from: at, to: at + 1, by });
  };
  const ins = (at: number, text: string, by: Revision) => {
    const last = ops.at(-1);
    if (last?.kind === "insert" && last.at === at && same(last.by, by)) last.text += text;
    else ops.push({ kind: "insert", at, text, by });
  };
  let e = 0;
  let b = 0;
  let t = 0;
  let ii = 0;
  let ei = 0;
  // A number deleted with its paragraph's first character goes with the paragraph; deleted alone, it is reported.
  let numberDeleted = -1;
  /** Word's insertions and the comment edges that stand before B's character `pos`. */
  const reach = (pos: number) => {
    for (; ii < B.inserted.length && B.inserted[ii].at <= pos; ii++) ins(t, B.inserted[ii].text, B.inserted[ii].change);
    for (; ei < B.edges.length && B.edges[ei].at <= pos; ei++) {
      const edge = B.edges[ei];
      out.edges.set(edge.comment, { ...out.edges.get(edge.comment), [edge.edge]: t });
    }
  };
  for (const part of parts) {
    for (let k = 0; k < part.text.length; k++) {
      if (part.type !== "delete") reach(b);
      const to = part.type === "insert" ? -1 : textOffset[e];
      if (to >= 0 && numberDeleted >= 0 && !(part.type === "equal" && B.change[b]?.kind === "delete") && !out.numberChanges.includes(numberDeleted)) out.numberChanges.push(numberDeleted);
      if (to >= 0) numberDeleted = -1;
      if (part.type === "equal") {
        const c = B.change[b];
        if (to >= 0 && c) del(to, c);
        else if (to < 0 && c) numberDeleted = B.para[b];
      } else if (part.type === "delete" && to >= 0) del(to, uploader);
      // Typed with 修订 off, unless it was then deleted with 修订 on, or is a paragraph number.
      else if (part.type === "insert" && !B.change[b] && !B.number[b]) ins(t, B.text[b], uploader);
      if (to >= 0) t = to + 1;
      if (part.type !== "insert") e++;
      if (part.type !== "delete") b++;
    }
  }
  reach(Infinity);
  for (const op of ops) {
    const anchor = op.kind === "delete" ? deletionOf(T, op.from, op.to) : insertionAt(T, op.at, op.text);
    out.suggestions.push({ ...anchor, author: op.by.author, date: op.by.date, tracked: op.by !== uploader });
  }
  return out;
}
