// A section's body: paragraphs of the user's text. A paragraph may be numbered at
// level 3 (1．) or 4 (（1）); its number is never stored but follows from its
// position (lib/core/outline/outline-numbers.ts). A numbered paragraph may open with a
// run-in heading: a lead-in phrase ending in 。 followed by text on the same line.
// Pure; shared by the server, the editor and the export.
import { z } from "zod";
import { stored, text } from "../validation";

export type ParagraphLevel = 3 | 4;

// A type, not an interface: it is stored as-is in a Json column.
export type Paragraph = {
  text: string;
  /** numbered at this level (1． or （1）); absent = an ordinary paragraph */
  level?: ParagraphLevel;
  /** the first sentence (up to and including the first 。) is a run-in heading */
  runIn?: boolean;
};

export type Paragraphs = readonly Paragraph[];

export const MAX_SECTION_CHARS = 100_000;
export const MAX_HEADING_CHARS = 200;
const MAX_PARAGRAPHS = 2_000;

const TOO_LONG = "input.sectionTooLong";

const paragraphSchema = z
  .object({
    text: text().max(MAX_SECTION_CHARS, TOO_LONG),
    level: z.union([z.literal(3), z.literal(4)]).optional(),
    runIn: z.boolean().optional(),
  })
  .strict();

export const paragraphsSchema = z
  .array(paragraphSchema)
  .max(MAX_PARAGRAPHS, "input.tooManyParagraphs")
  .refine((ps) => ps.reduce((n, p) => n + p.text.length, 0) <= MAX_SECTION_CHARS, { message: TOO_LONG, params: { maximum: MAX_SECTION_CHARS } });

/** The run-in heading ends at the first 。 (kept with it). */
const RUN_IN_END = "。";

/** A paragraph's run-in lead-in and the rest; no lead when the paragraph is not run-in or has no 。 before its end. */
export function splitRunIn(p: Paragraph): { lead: string; rest: string } {
  if (!p.runIn || !p.level) return { lead: "", rest: p.text };
  const end = p.text.indexOf(RUN_IN_END);
  if (end < 0 || end === p.text.length - 1) return { lead: "", rest: p.text };
  return { lead: p.text.slice(0, end + 1), rest: p.text.slice(end + 1) };
}

/** The body as plain text, one paragraph a line, numbers left out (for anchors, diffs, counting). */
export function plainText(paragraphs: Paragraphs): string {
  return paragraphs.map((p) => p.text).join("\n");
}

/** Control characters other than tab and newline have no place in a report. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g;

/** Line breaks of any style as "\n"; tabs as spaces; invisible control characters removed. */
function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\u2028|\u2029/g, "\n")
    .replace(CONTROL, "")
    .replace(/\t/g, " ");
}

/** Spaces around a paragraph (including full-width ones typed as an indent) are layout, not text. */
function trimParagraph(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "");
}

/**
 * What is stored: each paragraph's text cleaned, empty paragraphs dropped with
 * their numbering, a run-in flag only on numbered paragraphs.
 */
export function cleanParagraphs(paragraphs: Paragraphs): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    // A paragraph holding a line break becomes several paragraphs, each keeping the numbering only on its first.
    normaliseText(p.text).split("\n").forEach((line, i) => {
      const text = trimParagraph(line);
      if (!text) return;
      const level = i === 0 ? p.level : undefined;
      out.push(level ? { text, level, ...(p.runIn ? { runIn: true } : {}) } : { text });
    });
  }
  return out;
}

export function sameParagraphs(a: Paragraphs, b: Paragraphs): boolean {
  if (a.length !== b.length) return false;
  return a.every((p, i) => p.text === b[i].text && (p.level ?? 0) === (b[i].level ?? 0) && !!p.runIn === !!b[i].runIn);
}

/** A paragraph as stored: its text read as it is (see `stored`), never refused. */
const storedParagraphSchema = paragraphSchema.extend({ text: stored() });

/**
 * Reads a stored body (a Json column) defensively: anything that is not a paragraph list is no text.
 * Not the input rule: a row saved before it must not vanish from the page, the export and the content hash.
 */
export function asParagraphs(value: unknown): Paragraph[] {
  const parsed = z.array(storedParagraphSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** A heading is one line: line breaks inside it are dropped with the spaces around them. */
export function cleanHeading(text: string): string {
  return normaliseText(text).replace(/\s*\n\s*/g, "").trim();
}

/** A database row with its Json body read as paragraphs. */
export function withParagraphs<T extends { content: unknown }>(row: T): Omit<T, "content"> & { content: Paragraph[] } {
  return { ...row, content: asParagraphs(row.content) };
}

/** A paragraph as shown: its number (from position), its run-in lead-in and the rest. */
export interface ParagraphView {
  number: string;
  lead: string;
  text: string;
}

export function paragraphViews(paragraphs: Paragraphs, labels: readonly string[]): ParagraphView[] {
  return paragraphs.map((p, i) => {
    const { lead, rest } = splitRunIn(p);
    return { number: labels[i] ?? "", lead, text: rest };
  });
}
