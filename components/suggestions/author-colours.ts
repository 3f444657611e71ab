// Word draws each reviewer's revisions in a colour of their own (修订 "按作者"): the same
// palette order, so a reviewer who knows Word reads ours the same way.
const PALETTE = ["#B5082E", "#2E6FB5", "#1E7B34", "#7A3FA0", "#B35A00", "#00808A", "#8A6D00", "#A0306E"];

/** A colour per author, in order of first appearance. */
export function authorColours(authors: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of authors) if (!out.has(a)) out.set(a, PALETTE[out.size % PALETTE.length]);
  return out;
}
