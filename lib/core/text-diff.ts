// A diff of two texts whose work has a fixed bound whatever the texts are.
//
// Myers' diff costs O((N+M)·D) for D edits: nothing for an edit between two saves,
// minutes for two unrelated texts of 100,000 characters. So every step of the search is
// counted against a budget, and a search that runs out gives up (a count, not a deadline,
// which would give different answers on a busy machine). First the texts are compared
// character by character; if that runs out, by paragraphs, then inside each changed run of
// paragraphs by sentences, then inside each changed run of sentences by characters, while
// the budget lasts; a run left over shows as one replacement. A changed run with as many
// pieces on each side is compared piece by piece (an edit in every paragraph stays readable).
import { myersDiff, StepBudget } from "./myers";

export type DiffPart = { type: "equal" | "insert" | "delete"; text: string };
export interface TextDiff {
  parts: DiffPart[];
  /** false when the texts differ too much to be compared character by character throughout */
  byChars: boolean;
}

/** Steps the search may take (a step is a few ns). */
const DIFF_BUDGET = {
  /** the first, character-by-character attempt over the whole text */
  chars: 6_000_000,
  /** everything after it together */
  coarse: 10_000_000,
};

export function boundedDiff(before: string, after: string, budget = DIFF_BUDGET): TextDiff {
  const exact = diffBy(chars, before, after, new StepBudget(budget.chars));
  if (exact) return { parts: exact, byChars: true };
  return { parts: refine(before, after, 0, new StepBudget(budget.coarse)), byChars: false };
}

/** Paragraphs with their line end. */
export const paragraphs = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
/** Sentences with their closing marks (and the quotes or brackets after them); a line end closes one too. */
export const sentences = (text: string): string[] =>
  text.match(/[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n|$)/g)?.filter(Boolean) ?? [];
/** Characters, never half a surrogate pair. */
const chars = (text: string): string[] => Array.from(text);

const LEVELS = [paragraphs, sentences, chars];
const SETUP_STEPS = 500;

function replacement(a: string, b: string): DiffPart[] {
  return [...(a ? [{ type: "delete" as const, text: a }] : []), ...(b ? [{ type: "insert" as const, text: b }] : [])];
}

/** The texts compared as lists of `split`'s pieces, or null when the budget ran out first. */
function diffBy(split: (text: string) => string[], a: string, b: string, budget: StepBudget): DiffPart[] | null {
  if (!a || !b) return replacement(a, b);
  // Cutting and numbering the pieces costs too: about as much as a few steps per character.
  budget.left -= SETUP_STEPS + 8 * (a.length + b.length);
  if (budget.left < 0) return null;
  const ta = split(a);
  const tb = split(b);
  const ids = new Map<string, number>();
  const id = (t: string) => {
    let n = ids.get(t);
    if (n === undefined) ids.set(t, (n = ids.size));
    return n;
  };
  const ops = myersDiff(Int32Array.from(ta, id), Int32Array.from(tb, id), budget);
  if (!ops) return null;
  let i = 0;
  let j = 0;
  return ops.map(({ type, length }) => {
    if (type === "insert") return { type, text: tb.slice(j, (j += length)).join("") };
    const text = ta.slice(i, (i += length)).join("");
    if (type === "equal") j += length;
    return { type, text };
  });
}

/** Compared at `level`, each changed run again at the next finer level, while the budget lasts. */
function refine(a: string, b: string, level: number, budget: StepBudget): DiffPart[] {
  const split = LEVELS[level];
  if (!split) return replacement(a, b);
  const pa = split(a);
  const pb = split(b);
  // As many pieces on each side: if they cannot be aligned, most likely each was edited in place.
  const inPlace = split !== chars && pa.length === pb.length && pa.length > 1;
  const attempt = new StepBudget(inPlace ? Math.ceil(budget.left / 2) : budget.left);
  const parts = attempt.left > 0 ? diffBy(split, a, b, attempt) : null;
  budget.left -= Math.ceil(budget.left / (inPlace ? 2 : 1)) - Math.max(0, attempt.left);
  if (!parts) return inPlace ? pa.flatMap((p, i) => refine(p, pb[i], level + 1, budget)) : replacement(a, b);
  if (split === chars) return parts;
  const out: DiffPart[] = [];
  let del: string[] = [];
  let ins: string[] = [];
  const flush = () => {
    if (del.length && ins.length) {
      const pairs = del.length === ins.length ? del.map((d, i) => [d, ins[i]]) : [[del.join(""), ins.join("")]];
      for (const [d, i] of pairs) out.push(...refine(d, i, level + 1, budget));
    } else out.push(...replacement(del.join(""), ins.join("")));
    del = [];
    ins = [];
  };
  for (const p of parts) {
    if (p.type === "delete") del.push(...split(p.text));
    else if (p.type === "insert") ins.push(...split(p.text));
    else {
      flush();
      out.push(p);
    }
  }
  flush();
  return out;
}
