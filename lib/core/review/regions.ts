// The aligned paragraphs of a reviewed file gathered into one part per section: the
// section's body as a stream of pieces, with its heading taken off. Word's paragraph
// marks are moved where our model can hold them: new paragraphs typed just before a
// heading belong to the end of the section before it, new paragraphs typed just after a
// heading to the start of its body, and a deleted last paragraph is the deletion of the
// mark before it. What cannot be held (an edited heading, a section's last mark deleted
// so that it would run into the next heading) is reported. Pure.
import type { Placement } from "./align";
import type { BaseParagraph, Piece } from "./pieces";
import type { ReviewSection, Unplaced, UnplacedReason } from "./types";

export interface SectionParts {
  /** each section's pieces, in order */
  parts: Piece[][];
  /** comments whose range starts in a heading, by section: on the section as a whole */
  headingEdges: Map<string, number>;
  unplaced: Unplaced[];
  outside: { paragraph: number; text: string }[];
}

const changed = (p: Piece) => p.type !== "edge" && !!p.change;
const isInsertedMark = (p: Piece) => p.type === "mark" && p.change?.kind === "insert";
const baseLength = (p: Piece) => (p.type === "text" && p.change?.kind !== "insert" ? p.text.length : 0);

/** The heading paragraph's pieces: new paragraphs before it, the heading, and what follows the heading's first `cut` characters. */
function splitHeading(pieces: readonly Piece[], cut: number) {
  // A base paragraph holds no mark but inserted ones: what precedes its first character was typed before it.
  let lead = 0;
  while (lead < pieces.length && baseLength(pieces[lead]) === 0) lead++;
  let lastMark = -1;
  for (let i = 0; i < lead; i++) if (isInsertedMark(pieces[i])) lastMark = i;
  const before = pieces.slice(0, lastMark + 1);
  const head: Piece[] = [];
  const rest: Piece[] = [];
  let at = 0;
  for (const p of pieces.slice(lastMark + 1)) {
    const n = baseLength(p);
    if (at + n <= cut && (at < cut || n > 0)) head.push(p);
    else if (at >= cut) rest.push(p);
    else if (p.type === "text") {
      head.push({ ...p, text: p.text.slice(0, cut - at) });
      rest.push({ ...p, text: p.text.slice(cut - at) });
    }
    at += n;
  }
  return { before, head, rest };
}

/** Pieces [ins X][ins ¶] written as [ins ¶][ins X] (the last mark first), or the reverse. */
function rotate(pieces: readonly Piece[], markTo: "front" | "back"): Piece[] {
  const i = markTo === "front" ? pieces.findLastIndex(isInsertedMark) : pieces.findIndex(isInsertedMark);
  if (i < 0) return [...pieces];
  const rest = [...pieces.slice(0, i), ...pieces.slice(i + 1)];
  return markTo === "front" ? [pieces[i], ...rest] : [...rest, pieces[i]];
}

export function sectionParts(sections: readonly ReviewSection[], pars: readonly BaseParagraph[], placed: readonly Placement[], acceptedOf: (para: number) => string): SectionParts {
  const bodies: Piece[][] = sections.map(() => []);
  const ends: (Piece | null)[] = sections.map(() => null);
  const tails: Piece[][] = sections.map(() => []);
  const out: SectionParts = { parts: [], headingEdges: new Map(), unplaced: [], outside: [] };
  const report = (para: number, reason: UnplacedReason) => {
    if (!out.unplaced.some((u) => u.paragraph === para && u.reason === reason)) out.unplaced.push({ paragraph: para, text: acceptedOf(para), reason });
  };
  let previous = -1;
  pars.forEach((par, f) => {
    const { section, heading, cut, renamed } = placed[f];
    if (section < 0) {
      if (par.reviewed) report(par.para, "noSection");
      else if (par.text) out.outside.push({ paragraph: par.para, text: acceptedOf(par.para) });
      return;
    }
    const body = bodies[section];
    const end: Piece = par.end ?? { type: "mark", change: null, para: par.para };
    if (heading) {
      const { before, head, rest } = splitHeading(par.pieces, cut);
      if (before.length && previous >= 0) tails[previous].push(...rotate(before, "front"));
      else if (before.length) report(par.para, "noSection");
      if (sections[section].runIn) body.push(...rest, end);
      else {
        // After a heading on its own line: new paragraphs start the body; anything else changes the heading.
        const first = rest.findIndex(isInsertedMark);
        head.push(...(first < 0 ? rest : rest.slice(0, first)));
        if (first >= 0) body.push(...rotate(rest.slice(first), "back"));
        if (end.type === "mark" && end.change) report(par.para, "heading");
      }
      if (renamed || head.some(changed)) report(par.para, "heading");
      for (const p of head) if (p.type === "edge") out.headingEdges.set(p.comment, section);
    } else body.push(...par.pieces, end);
    if (!heading || sections[section].runIn) ends[section] = end;
    previous = section;
  });
  out.parts = bodies.map((body, s) => [...closePart(body, ends[s], (para) => report(para, "sectionEnd")), ...tails[s]]);
  return out;
}

/**
 * A part without the mark that ends it (the section's end). When that mark was deleted,
 * the paragraphs deleted before it are the deletion of the mark before them; any other
 * deleted end would join the section to the next heading, which is reported.
 */
function closePart(body: Piece[], end: Piece | null, unplaced: (para: number) => void): Piece[] {
  if (!end) {
    // Only new paragraphs after the heading: the last one's inserted mark is the section's end.
    const last = body.findLastIndex((p) => p.type !== "edge");
    return last >= 0 && isInsertedMark(body[last]) ? [...body.slice(0, last), ...body.slice(last + 1)] : body;
  }
  if (body.at(-1) !== end) return body;
  const rest = body.slice(0, -1);
  if (end.type !== "mark" || end.change?.kind !== "delete") return rest;
  for (let i = rest.length - 1; i >= 0; i--) {
    const p = rest[i];
    if (p.type === "edge" || p.change?.kind === "delete") continue;
    if (p.type === "mark" && !p.change) {
      rest[i] = { ...p, change: end.change };
      return rest;
    }
    unplaced(end.para);
    return rest;
  }
  return rest;
}
