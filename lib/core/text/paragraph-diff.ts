// Character-level diff for Chinese (which has no spaces to split words on),
// grouped for reading: changes separated by a single unchanged character become
// one replaced passage instead of confetti. The comparison's work is bounded
// (lib/core/text-diff.ts): texts that differ too much are compared by paragraphs
// and sentences, and `byChars` is false so that the page says so.
import { boundedDiff, type DiffPart } from "../text-diff";

export type DiffSegment = DiffPart;

export interface ReadableDiff {
  segments: DiffSegment[];
  /** false: compared by paragraphs and sentences, characters only inside some of them */
  byChars: boolean;
}

export function readableDiff(before: string, after: string, glue = 1): ReadableDiff {
  const { parts: raw, byChars } = boundedDiff(before, after);
  // Fold short equal runs that sit between two changes into both sides of one change.
  const out: DiffSegment[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    if (del) out.push({ type: "delete", text: del });
    if (ins) out.push({ type: "insert", text: ins });
    del = ins = "";
  };
  raw.forEach((seg, i) => {
    if (seg.type === "delete") del += seg.text;
    else if (seg.type === "insert") ins += seg.text;
    else {
      const between = (del || ins) && i < raw.length - 1 && [...seg.text].length <= glue && !seg.text.includes("\n");
      if (between) {
        del += seg.text;
        ins += seg.text;
      } else {
        flush();
        out.push(seg);
      }
    }
  });
  flush();
  return { segments: out, byChars };
}

export function diffStats(segments: DiffSegment[]) {
  const count = (type: DiffSegment["type"]) => segments.filter((s) => s.type === type).reduce((n, s) => n + [...s.text].length, 0);
  return { inserted: count("insert"), deleted: count("delete") };
}
