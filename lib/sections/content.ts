// A section's body is plain paragraphs separated by "\n": the format decides
// fonts and sizes, so nothing else is kept. These helpers clean what arrives.

export const MAX_SECTION_CHARS = 100_000;
export const MAX_HEADING_CHARS = 200;

/** Control characters other than tab and newline have no place in a report. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g;

export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\u2028|\u2029/g, "\n")
    .replace(CONTROL, "")
    .replace(/\t/g, " ");
}

/** Paragraphs: trimmed (including full-width spaces used as indents), empty ones dropped. */
export function toParagraphs(text: string): string[] {
  return normaliseText(text)
    .split("\n")
    .map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ""))
    .filter((p) => p.length > 0);
}

export function paragraphsToContent(paragraphs: readonly string[]): string {
  return paragraphs.join("\n");
}

export function cleanContent(text: string): string {
  return paragraphsToContent(toParagraphs(text));
}

export function cleanHeading(text: string): string {
  return normaliseText(text).replace(/\s*\n\s*/g, "").trim();
}
