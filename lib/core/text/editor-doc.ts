// The editor's document is paragraphs of plain text, each with its numbering
// attributes; these convert it to and from the stored paragraphs. Pure, shared by
// the client and the tests.
import type { Paragraph, ParagraphLevel } from "./paragraphs";

export interface EditorParagraph {
  type: "paragraph";
  attrs?: { level: ParagraphLevel | null; runIn: boolean };
  content?: { type: "text"; text: string }[];
}

export interface ParagraphDoc {
  type: "doc";
  content: EditorParagraph[];
}

export function paragraphsToDoc(paragraphs: readonly Paragraph[]): ParagraphDoc {
  const list = paragraphs.length ? paragraphs : [{ text: "" }];
  return {
    type: "doc",
    content: list.map((p) => ({
      type: "paragraph",
      attrs: { level: p.level ?? null, runIn: !!p.runIn },
      ...(p.text ? { content: [{ type: "text", text: p.text }] } : {}),
    })),
  };
}

/** Tiptap's JSON of the document (getJSON()) → paragraphs. */
export function docToParagraphs(doc: { content?: unknown }): Paragraph[] {
  const nodes = (Array.isArray(doc.content) ? doc.content : []) as { attrs?: Record<string, unknown>; content?: { text?: string }[] }[];
  return nodes.map((node) => {
    const text = (node.content ?? []).map((t) => t.text ?? "").join("");
    const level = node.attrs?.level === 3 || node.attrs?.level === 4 ? (node.attrs.level as ParagraphLevel) : undefined;
    return level ? { text, level, ...(node.attrs?.runIn ? { runIn: true } : {}) } : { text };
  });
}

/** Every draft is kept in the browser until the server has it. */
export interface LocalDraft {
  baseVersion: number;
  heading: string;
  runIn: boolean;
  content: Paragraph[];
  at: string;
}

export const draftKey = (sectionId: string) => `report-studio:draft:${sectionId}`;

/** A draft read back from storage: one written by an earlier version held the text as a string. */
export function readDraft(raw: string | null): LocalDraft | null {
  try {
    const d = JSON.parse(raw ?? "null");
    if (!d || typeof d.baseVersion !== "number" || typeof d.heading !== "string") return null;
    const content = Array.isArray(d.content)
      ? (d.content as Paragraph[])
      : typeof d.content === "string"
        ? d.content.split("\n").map((text: string) => ({ text }))
        : [];
    return { baseVersion: d.baseVersion, heading: d.heading, runIn: !!d.runIn, content, at: String(d.at ?? "") };
  } catch {
    return null;
  }
}
