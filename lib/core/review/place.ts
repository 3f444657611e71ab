// A reviewed Word file placed on a report: per section, the suggestion drafts (Word's
// revisions with their author and date, text changed with 修订 off as the uploader's)
// and the comment threads anchored to their words; and what could not be placed.
// Nothing is applied: accepting every draft of a section gives exactly the file's text
// with every revision accepted; accepting none leaves the report's text. Pure, and
// bounded for a report of 500 sections (the alignment and the diffs count their steps).
import { StepBudget } from "../myers";
import { DIFF_BUDGET } from "../text-diff";
import { makeAnchor } from "../text/comment-anchor";
import { alignParagraphs, ALIGN_BUDGET } from "./align";
import { sectionDrafts } from "./drafts";
import { baseParagraphs } from "./pieces";
import { sectionParts } from "./regions";
import { sectionText } from "./sections";
import type { ReviewComment, ReviewedDocument, ReviewPlacement, ReviewSection, Revision, ThreadDraft } from "./types";

/** Steps all the sections' character diffs of one file may take together. */
const DRAFTS_BUDGET = { chars: 10_000_000, coarse: 20_000_000 };

export interface Uploader {
  /** who uploads the file: the author of text changed with 修订 off */
  name: string;
  /** when (ISO 8601) */
  at: string;
}

/** The comment each one answers, followed up to the thread's first (a reply to a reply is in the same thread). */
function rootsOf(comments: readonly ReviewComment[]): Map<string, string> {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const roots = new Map<string, string>();
  for (const c of comments) {
    let root = c;
    for (let guard = 0; root.parentId && byId.has(root.parentId) && guard < comments.length; guard++) root = byId.get(root.parentId)!;
    roots.set(c.id, root.id);
  }
  return roots;
}

/**
 * `frame`: the report's texts around its body as the export writes them (title, 主送 with
 * its colon, 署名, 成文日期): where they stand in the file, the body starts or ends.
 */
export function placeReview(sections: readonly ReviewSection[], doc: ReviewedDocument, uploader: Uploader, frame: readonly string[] = []): ReviewPlacement {
  const pars = baseParagraphs(doc);
  const placed = alignParagraphs(sections, pars, new Set(frame.map((t) => t.trim()).filter(Boolean)), new StepBudget(ALIGN_BUDGET));
  const acceptedOf = (para: number) => (doc.paragraphs[para]?.segments ?? []).filter((s) => s.change?.kind !== "delete").map((s) => s.text).join("");
  const { parts, headingEdges, unplaced, outside } = sectionParts(sections, pars, placed, acceptedOf);
  const found = new Set(placed.map((p) => p.section));
  const share = Math.max(1, found.size);
  const budget = { chars: Math.min(DIFF_BUDGET.chars, Math.floor(DRAFTS_BUDGET.chars / share)), coarse: Math.min(DIFF_BUDGET.coarse, Math.floor(DRAFTS_BUDGET.coarse / share)) };
  const by: Revision = { kind: "insert", author: uploader.name, date: uploader.at };
  const roots = rootsOf(doc.comments);
  const threads = new Map<string, { section: number; thread: ThreadDraft }>();
  const result = sections.map((section, s) => {
    if (!found.has(s)) return { sectionId: section.id, suggestions: [], threads: [] };
    const drafts = sectionDrafts(section, parts[s], by, budget);
    for (const para of drafts.numberChanges) unplaced.push({ paragraph: para, text: acceptedOf(para), reason: "number" });
    const text = sectionText(section);
    for (const c of doc.comments) {
      if (roots.get(c.id) !== c.id) continue;
      const edges = drafts.edges.get(c.id);
      const onHeading = headingEdges.get(c.id) === s;
      if (!onHeading && edges?.start === undefined) continue;
      const start = edges?.start ?? 0;
      const end = Math.max(start, edges?.end ?? text.length);
      const anchor = onHeading || end === start ? null : makeAnchor(text, start, end);
      threads.set(c.id, { section: s, thread: { anchor, comments: [], resolved: c.done } });
    }
    return { sectionId: section.id, suggestions: drafts.suggestions, threads: [] as ThreadDraft[] };
  });
  // Each thread's first comment, then its replies in the file's order.
  for (const c of [...doc.comments].sort((a, b) => Number(roots.get(b.id) === b.id) - Number(roots.get(a.id) === a.id))) {
    threads.get(roots.get(c.id)!)?.thread.comments.push({ author: c.author, date: c.date, text: c.text });
  }
  for (const { section, thread } of threads.values()) result[section].threads.push(thread);
  return { sections: result, unplaced, outside, missing: sections.filter((_, s) => !found.has(s)).map((s) => s.id), formatRevisions: doc.formatRevisions };
}
