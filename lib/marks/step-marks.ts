// The signer's handwritten mark (签批) captured with a 核稿 or 签发 step.
import "server-only";
import type { Db } from "../db/client";
import type { InkStroke } from "../core/export/issue-form";

/** The marks of the given audit steps, by the step's seq. */
export async function marksOfSteps(db: Db, seqs: number[]): Promise<Map<number, InkStroke[]>> {
  void db;
  void seqs;
  // Stored from part 2 on (the SignMark table); until then no step has a mark.
  return new Map();
}
