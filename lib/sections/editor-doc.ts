// The editor's document is paragraphs of plain text; these convert it to and
// from the stored form (paragraphs joined by "\n"). Pure, shared by client and tests.
export interface ParagraphDoc {
  type: "doc";
  content: { type: "paragraph"; content?: { type: "text"; text: string }[] }[];
}

export function textToDoc(text: string): ParagraphDoc {
  const paragraphs = text === "" ? [""] : text.split("\n");
  return {
    type: "doc",
    content: paragraphs.map((p) => (p ? { type: "paragraph", content: [{ type: "text", text: p }] } : { type: "paragraph" })),
  };
}

/** Every draft is kept in the browser until the server has it. */
export interface LocalDraft {
  baseVersion: number;
  heading: string;
  content: string;
  at: string;
}

export const draftKey = (sectionId: string) => `report-studio:draft:${sectionId}`;
