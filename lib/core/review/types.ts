// A reviewed Word file as the review import reads it (lib/import/review/), and what
// placing it on a report gives: suggestion drafts, comment threads and what could not
// be placed, per section. Plain data: the reader fills it from the package's XML, the
// placement (place.ts) is pure, and the service stores the drafts afterwards.
import type { SuggestionAnchor } from "../suggestions/anchor";
import type { Anchor } from "../text/comment-anchor";

/** A tracked change as Word records it: who, when (w:date as written, or null). */
export interface Revision {
  kind: "insert" | "delete";
  author: string;
  date: string | null;
}

/** A stretch of a paragraph's text, inserted, deleted or unchanged. */
export interface ReviewSegment {
  text: string;
  change: Revision | null;
}

export interface ReviewParagraph {
  segments: ReviewSegment[];
  /** the paragraph mark itself inserted or deleted (w:pPr/w:rPr/w:ins|w:del) */
  mark: Revision | null;
  /** inside a table (a report's body has none: the 版头 of joint issuers, the 版记) */
  inTable?: boolean;
}

/**
 * A Word comment, its range in base-text offsets (the text with deletions kept and
 * insertions left out): from `from` in paragraph `paragraph` to `to` in `endParagraph`.
 */
export interface ReviewComment {
  id: string;
  author: string;
  date: string | null;
  text: string;
  paragraph: number;
  from: number;
  endParagraph: number;
  to: number;
  /** the comment this one answers (commentsExtended's paraIdParent) */
  parentId: string | null;
  /** resolved (w15:done) */
  done: boolean;
}

/** A formatting-only revision (w:rPrChange, w:pPrChange): it changes no text and is ignored. */
export interface FormatRevision {
  kind: "run" | "paragraph";
  paragraph: number;
  author: string;
  date: string | null;
}

export interface ReviewedDocument {
  /** our 修订稿's record of each section's version it was made from (absent in any other file) */
  sectionVersions?: Record<string, number>;
  paragraphs: ReviewParagraph[];
  comments: ReviewComment[];
  formatRevisions: FormatRevision[];
}

/** A section as the report exports it: the heading with its number, each paragraph's number. */
export interface ReviewSection {
  id: string;
  /** the heading as stored; "" for the 导语 */
  heading: string;
  /** the heading with its number, as exported ("（一）坚持党的领导"); "" for the 导语 */
  numberedHeading: string;
  /** the first paragraph is set on the heading's line */
  runIn: boolean;
  paragraphs: { text: string; level?: 3 | 4; runIn?: boolean }[];
  /** each paragraph's number as exported ("1．"), "" for an ordinary one */
  labels: string[];
}

export interface SuggestionDraft extends SuggestionAnchor {
  author: string;
  date: string | null;
  /** a Word revision; false for text changed with 修订 off (the uploader's) */
  tracked: boolean;
}

export interface ThreadDraft {
  /** null: on the section as a whole (the range holds none of the section's text) */
  anchor: Anchor | null;
  /** the root first, then the replies in the file's order */
  comments: { author: string; date: string | null; text: string }[];
  resolved: boolean;
}

export type UnplacedReason =
  /** a paragraph with revisions or comments that matches no section */
  | "noSection"
  /** a revision in a heading: headings are not suggestions */
  | "heading"
  /** a revision to a paragraph's number, which follows from its position */
  | "number"
  /** a paragraph mark at a section's end inserted or deleted: it would join two sections */
  | "sectionEnd";

export interface Unplaced {
  /** the file's paragraph (0-based, in reading order) */
  paragraph: number;
  /** its text with all revisions accepted */
  text: string;
  reason: UnplacedReason;
}

export interface SectionReview {
  sectionId: string;
  suggestions: SuggestionDraft[];
  threads: ThreadDraft[];
}

export interface ReviewPlacement {
  sections: SectionReview[];
  unplaced: Unplaced[];
  /** paragraphs outside the report's body (版头, title, 主送, 署名, 版记) without revisions or comments */
  outside: { paragraph: number; text: string }[];
  /** sections nothing in the file was found for: left as they are */
  missing: string[];
  formatRevisions: FormatRevision[];
}

/** The 修订稿's custom document property holding its sections' versions (JSON: {sectionId: version}). */
export const SECTION_VERSIONS_PROPERTY = "ReportStudioSectionVersions";
