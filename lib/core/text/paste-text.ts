// What a paste into a section's text becomes. Pure (the editor and the tests use it).
//  - Word and web pages put the same words in text/plain and text/html; plain is
//    taken unless the HTML holds a table, which the report cannot hold: then the
//    HTML without its tables is read, and the paste says how many tables stayed out.
//  - Numbered list items (1． （1）) stay paragraphs of the section, numbered by
//    position; only headings numbered 一、 or （一） standing on their own line are
//    clearly headings, and they (with what follows them) become sub-sections.
//  - Every character but a typed number is kept.
import { classifyLine } from "./headings";
import { splitLines } from "./parse-text";
import type { Paragraph } from "./paragraphs";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** HTML → lines of text: block ends become line breaks, tags and comments go, entities are decoded. */
function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(style|script|head)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|h[1-6]|li|tr|td|th|blockquote|pre)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

export interface PastePlan {
  /** paragraphs to insert at the cursor */
  paragraphs: Paragraph[];
  /** text from the first clear heading on, for the server to make sub-sections of ("" = none) */
  subsections: string;
  /** tables that were not pasted */
  tables: number;
  /** numbers typed in the pasted text that now follow from position */
  renumbered: number;
}

export function planPaste(plain: string, html: string, canHaveChildren: boolean): PastePlan {
  const tables = (html.match(/<table\b/gi) ?? []).length;
  const source = tables ? htmlToText(html.replace(/<table\b[\s\S]*?<\/table>/gi, "\n")) : plain || htmlToText(html);
  const lines = splitLines(source.replace(/\u00a0/g, " "));
  const paragraphs: Paragraph[] = [];
  let renumbered = 0;
  for (const [i, line] of lines.entries()) {
    const shape = classifyLine(line, { minorHeadings: false });
    if (shape.kind === "heading" && !shape.rest && canHaveChildren) {
      return { paragraphs, subsections: lines.slice(i).join("\n"), tables, renumbered };
    }
    if (shape.kind === "numbered") {
      renumbered += 1;
      paragraphs.push({ text: shape.text, level: shape.level, ...(shape.runIn ? { runIn: true } : {}) });
    } else paragraphs.push({ text: line });
  }
  return { paragraphs, subsections: "", tables, renumbered };
}
