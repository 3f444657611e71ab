// Word (.docx) → report text for the text importer. mammoth reads the document;
// we keep paragraph text and heading levels and drop every bit of styling.
// Headings styled "Heading 1–4" whose numbers came from Word's automatic
// numbering (which mammoth does not output) get their 一、（一）1.（1） back here,
// so that the text importer recognises them by number like typed ones.
import mammoth from "mammoth";
import JSZip from "jszip";
import { headingLabel } from "../core/outline/outline-numbers";
import { matchHeading } from "../core/text/headings";

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

/** A .docx unpacks to far less than this; more is a zip bomb. */
export const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
const MAX_ENTRIES = 2000;

export class UnsafeDocxError extends Error {}

/**
 * Looks inside the package before any XML is parsed: refuses zip bombs (by the sizes
 * the archive declares and by what actually inflates), macros, and DTDs (a .docx
 * never needs one; external entities would live there).
 */
export async function checkDocxPackage(buffer: Buffer): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer, { checkCRC32: false });
  } catch {
    throw new UnsafeDocxError("这不是有效的 Word（.docx）文件。");
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > MAX_ENTRIES) throw new UnsafeDocxError("文件内部条目过多，已拒绝导入。");
  const declared = entries.reduce((n, f) => n + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (declared > MAX_UNPACKED_BYTES) throw new UnsafeDocxError("文件解压后过大（疑似压缩炸弹），已拒绝导入。");
  if (entries.some((f) => /vbaProject\.bin$|vbaData\.xml$/i.test(f.name))) {
    throw new UnsafeDocxError("文件含有宏（.docm），已拒绝导入；请另存为不含宏的 .docx 后再导入。");
  }
  if (!zip.file("word/document.xml")) throw new UnsafeDocxError("这不是有效的 Word（.docx）文件：缺少正文。");
  const notes: string[] = [];
  let inflated = 0;
  for (const f of entries.filter((e) => /\.(xml|rels)$/i.test(e.name))) {
    const xml = await f.async("string");
    inflated += xml.length;
    if (inflated > MAX_UNPACKED_BYTES) throw new UnsafeDocxError("文件解压后过大（疑似压缩炸弹），已拒绝导入。");
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new UnsafeDocxError("文件含有外部实体声明（DTD），已拒绝导入。");
  }
  const media = entries.filter((f) => f.name.startsWith("word/media/")).length;
  if (media) notes.push(`文档中的 ${media} 个图片等媒体文件未导入（报告正文只含文字）。`);
  return notes;
}

export async function docxToText(buffer: Buffer): Promise<DocxText> {
  if (buffer.length > MAX_DOCX_BYTES) throw new UnsafeDocxError(`文件过大（超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB）。`);
  const packageNotes = await checkDocxPackage(buffer);
  const { value: html, messages } = await mammoth.convertToHtml(
    { buffer },
    // Images are never read: the report's text is all that is imported.
    { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })) },
  );
  const notes: string[] = [...packageNotes];
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
