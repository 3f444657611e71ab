// The 修订稿's body in DOCX: the marked body (lib/core/review/marked-body.ts) as Word
// revisions (w:ins and w:del runs with w:author and w:date; an inserted or deleted
// paragraph mark in the paragraph's w:rPr) and Word comments around their words, each
// reply under its thread's first comment (commentsExtended.xml's paraIdParent, which the
// docx package writes). Set like the official body, paragraph for paragraph.
import {
  AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, InsertedTextRun, Paragraph as DocxParagraph, TextRun, type ICommentOptions, type ParagraphChild,
} from "docx";
import type { MarkedItem, MarkRevision, ReviewMarks } from "../core/review/marked-body";
import { STYLE_FONT } from "../core/export/layout/engine";
import { DOCX, SIZE } from "../core/export/layout/geometry";
import { exact, Paragraph, runOptions } from "./docx-runs";

/** Revision ids follow the comments' (w:id is one numbering for all annotations in Word). */
function revisionIds(review: ReviewMarks) {
  let next = review.comments.length;
  return (change: MarkRevision) => ({ id: next++, author: change.author, date: change.date });
}

export function reviewParagraphs(review: ReviewMarks, runInBold: boolean): Paragraph[] {
  const revision = revisionIds(review);
  const item = (i: MarkedItem): ParagraphChild[] => {
    if ("comment" in i) {
      return i.edge === "start" ? [new CommentRangeStart(i.comment)] : [new CommentRangeEnd(i.comment), new TextRun({ children: [new CommentReference(i.comment)] })];
    }
    const options = runOptions(i.text, STYLE_FONT[i.style], SIZE.body, i.style === "lead" && runInBold ? { bold: true } : {});
    if (!i.change) return [new TextRun(options)];
    return [i.change.kind === "insert" ? new InsertedTextRun({ ...options, ...revision(i.change) }) : new DeletedTextRun({ ...options, ...revision(i.change) })];
  };
  return review.body.map(
    (b, i) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: exact(),
        indent: { firstLine: DOCX.indent },
        keepNext: b.kind === "heading" && i < review.body.length - 1,
        ...(b.mark ? { run: { [b.mark.kind === "insert" ? "insertion" : "deletion"]: revision(b.mark) } } : {}),
        children: b.items.flatMap(item),
      }),
  );
}

/** The comments' part: each comment's text a paragraph a line. */
export function reviewComments(review: ReviewMarks): ICommentOptions[] {
  return review.comments.map((c) => ({
    id: c.id,
    author: c.author,
    date: new Date(c.date),
    ...(c.parentId !== undefined ? { parentId: c.parentId } : {}),
    children: c.text.split("\n").map((line) => new DocxParagraph({ children: [new TextRun(line)] })),
  }));
}
