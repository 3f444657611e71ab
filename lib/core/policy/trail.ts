// Which entries of a report's record (流转记录, 签发单) an actor reads. The office reads
// all of it; an office above reads the steps the signed text went through and their
// opinions — not the town's internal review (who saved, passed or returned which
// section and why, deleted sections' headings, comments). Pure.
import type { Answer } from "./answer";

/** The steps an office above sees: 核稿, 签发, 印发, 公开 and 报送, and its own 签收 or 退回. */
const STEPS_SEEN_ABOVE: readonly string[] = [
  "report.checkPass", "report.signOff", "report.issue", "report.publish", "report.send", "report.receive", "report.reject",
];

/** `readReview`: the report policy's answer for the actor (report.ts). */
export function trailEntryShown(readReview: Answer, entry: { action: string; objectType: string | null }): boolean {
  return readReview.ok || (entry.objectType === "report" && STEPS_SEEN_ABOVE.includes(entry.action));
}
