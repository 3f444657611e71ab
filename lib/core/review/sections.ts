// A report's sections as the export writes them (headings and numbered paragraphs with
// their numbers), in reading order: what a reviewed Word file is aligned with. Pure.
import { flattenTree, numberTree, type NumberableNode } from "../outline/outline-numbers";
import type { ReviewSection } from "./types";

export function reviewSections(rows: readonly (NumberableNode & { heading: string; runIn?: boolean })[]): ReviewSection[] {
  return flattenTree(numberTree(rows)).map((n) => {
    const intro = n.node.kind === "intro";
    return {
      id: n.node.id,
      heading: intro ? "" : n.node.heading,
      numberedHeading: intro ? "" : n.label + n.node.heading,
      // The export sets a run-in section's first paragraph on the heading's line, without its number.
      runIn: !intro && !!n.node.runIn && n.node.content.length > 0,
      paragraphs: n.node.content.map((p) => ({ ...p })),
      labels: n.paragraphLabels.map((l, i) => (i === 0 && !intro && n.node.runIn ? "" : l)),
    };
  });
}

/** A section's text: its paragraphs joined by "\n" (what suggestions are anchored in). */
export const sectionText = (s: Pick<ReviewSection, "paragraphs">): string => s.paragraphs.map((p) => p.text).join("\n");

/**
 * The section's body as the export writes it, each paragraph with its number, and for
 * each character its offset in the section's text (-1 for a number's characters).
 */
export function exportedBody(s: ReviewSection): { text: string; textOffset: Int32Array } {
  const parts: string[] = [];
  const offsets: number[] = [];
  let t = 0;
  s.paragraphs.forEach((p, i) => {
    if (i > 0) {
      parts.push("\n");
      offsets.push(t++);
    }
    const label = s.labels[i] ?? "";
    parts.push(label, p.text);
    for (let k = 0; k < label.length; k++) offsets.push(-1);
    for (let k = 0; k < p.text.length; k++) offsets.push(t++);
  });
  return { text: parts.join(""), textOffset: Int32Array.from(offsets) };
}
