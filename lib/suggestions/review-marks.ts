// What the 修订稿 carries of a report's review: each section's pending suggestions (as Word
// revisions, with their author and time) and open comment threads with their replies (as
// Word comments). Read here, written by lib/export/docx.ts through markedBody.
import "server-only";
import type { DbOrTx } from "../db/client";
import { asAnchor } from "../core/text/comment-anchor";
import { markedBody, type ReviewMarks, type SectionMarks } from "../core/review/marked-body";
import type { liveSections } from "../sections/queries";

type Rows = Awaited<ReturnType<typeof liveSections>>;

export async function reviewMarksOf(db: DbOrTx, rows: Rows): Promise<ReviewMarks> {
  const ids = rows.map((r) => r.id);
  const [suggestions, comments] = await Promise.all([
    db.suggestion.findMany({ where: { sectionId: { in: ids }, decision: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.comment.findMany({ where: { sectionId: { in: ids } }, include: { author: { select: { displayName: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const marks: Record<string, SectionMarks> = {};
  for (const id of ids) {
    const open = comments.filter((c) => c.sectionId === id && !c.parentId && !c.resolvedAt);
    marks[id] = {
      suggestions: suggestions.filter((s) => s.sectionId === id).map((s) => ({ kind: s.kind, text: s.text, prefix: s.prefix, suffix: s.suffix, author: s.authorName, date: s.createdAt })),
      threads: open.map((root) => ({
        anchor: asAnchor(root.anchor),
        comments: [root, ...comments.filter((c) => c.parentId === root.id)].map((c) => ({ author: c.authorName ?? c.author.displayName, date: c.createdAt, text: c.body })),
      })),
    };
  }
  return { ...markedBody(rows, marks), versions: Object.fromEntries(rows.map((r) => [r.id, r.version])) };
}
