// Character-level diff for Chinese (which has no spaces to split words on),
// grouped for reading: changes separated by a single unchanged character become
// one replaced passage instead of confetti.
import { diffChars } from "diff";

export type DiffSegment = { type: "equal" | "insert" | "delete"; text: string };

export function readableDiff(before: string, after: string, glue = 1): DiffSegment[] {
  const raw: DiffSegment[] = diffChars(before, after).map((c) => ({
    type: c.added ? "insert" : c.removed ? "delete" : "equal",
    text: c.value,
  }));
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
  return out;
}

export function diffStats(segments: DiffSegment[]) {
  const count = (type: DiffSegment["type"]) => segments.filter((s) => s.type === type).reduce((n, s) => n + [...s.text].length, 0);
  return { inserted: count("insert"), deleted: count("delete") };
}
