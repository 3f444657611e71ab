// Word (.docx) → report text for the text importer. mammoth reads the document;
// we keep paragraph text and heading levels and drop every bit of styling.
// Headings styled "Heading 1–4" whose numbers came from Word's automatic
// numbering (which mammoth does not output) get their 一、（一）1.（1） back here,
// so that the text importer recognises them by number like typed ones.
import mammoth from "mammoth";
import { headingLabel } from "../sections/numbering";
import { matchHeading } from "./headings";

export const MAX_DOCX_BYTES = 10 * 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

function decode(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith("#") && e !== "#39") return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e] ?? m;
    });
}

export interface DocxText {
  text: string;
  notes: string[];
}

export async function docxToText(buffer: Buffer): Promise<DocxText> {
  if (buffer.length > MAX_DOCX_BYTES) throw new Error(`文件过大（超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB）。`);
  const { value: html, messages } = await mammoth.convertToHtml(
    { buffer },
    { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })) },
  );
  const notes: string[] = [];
  const images = (html.match(/<img /g) ?? []).length;
  if (images) notes.push(`文档中的 ${images} 张图片未导入（报告正文只含文字）。`);
  if (messages.some((m) => m.type === "warning")) notes.push("部分 Word 样式无法识别，已按普通段落导入。");
  const counters = [0, 0, 0, 0];
  const lines: string[] = [];
  const blocks = html.matchAll(/<(h[1-6]|p|li|td|th)\b[^>]*>([\s\S]*?)<\/\1>/gi);
  for (const [, tag, inner] of blocks) {
    if (/<(p|h[1-6])\b/i.test(inner)) continue; // a cell holding paragraphs: the paragraphs come on their own
    const text = decode(inner).replace(/[ \t\u00a0]+/g, " ").trim();
    if (!text) continue;
    const level = /^h[1-6]$/i.test(tag) ? Math.min(Number(tag[1]), 4) : 0;
    if (level && !matchHeading(text)) {
      counters[level - 1] += 1;
      counters.fill(0, level);
      lines.push(headingLabel(level, counters[level - 1]) + text);
    } else {
      if (level) {
        counters[level - 1] += 1;
        counters.fill(0, level);
      }
      lines.push(...text.split("\n").map((l) => l.trim()).filter(Boolean));
    }
  }
  return { text: lines.join("\n"), notes };
}
