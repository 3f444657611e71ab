// The signer's handwritten mark (签批) captured with a 核稿 or 签发 step, kept by the step's audit seq.
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import type { InkStroke } from "../core/export/issue-form";
import { inkSchema, roundInk } from "../core/workflow/ink";

/** The strokes as stored, and what the step's audit entry says of them (its hash chains the mark into the record). */
export function markOf(ink: InkStroke[]) {
  const strokes = JSON.stringify(roundInk(ink));
  const points = ink.reduce((n, s) => n + s.length, 0);
  return { strokes, summary: { strokes: ink.length, points, sha256: createHash("sha256").update(strokes).digest("hex") } };
}

/** The marks of the given audit steps, by the step's seq (a stored mark that no longer parses is left out). */
export async function marksOfSteps(db: Db, seqs: number[]): Promise<Map<number, InkStroke[]>> {
  if (!seqs.length) return new Map();
  const rows = await db.stepMark.findMany({ where: { seq: { in: seqs } } });
  const out = new Map<number, InkStroke[]>();
  for (const r of rows) {
    const parsed = inkSchema.safeParse(JSON.parse(r.strokes));
    if (parsed.success) out.set(r.seq, parsed.data);
  }
  return out;
}
