// A section's body as plain text with its numbers shown, one paragraph a line,
// and back: for the conflict screen's hand merge, the history's diff and any
// place where paragraphs are read or edited as text. Pure.
import { classifyLine } from "./headings";
import { splitLines } from "./parse-text";
import { paragraphLabels } from "../outline/outline-numbers";
import { paragraphViews, type Paragraph, type Paragraphs } from "./paragraphs";

/** "1．健全领导机制。……" per numbered paragraph; numbering starts afresh unless `start` says otherwise. */
export function paragraphsToText(paragraphs: Paragraphs, start = { 3: 0, 4: 0 }): string {
  return paragraphViews(paragraphs, paragraphLabels(paragraphs, start))
    .map((p) => p.number + p.lead + p.text)
    .join("\n");
}

/** Lines → paragraphs: a line that starts with 1． or （1） is a numbered paragraph, its number taken off. */
export function textToParagraphs(text: string): Paragraph[] {
  return splitLines(text).map((line) => {
    const shape = classifyLine(line, { minorHeadings: false });
    if (shape.kind !== "numbered") return { text: line };
    return { text: shape.text, level: shape.level, ...(shape.runIn ? { runIn: true } : {}) };
  });
}
