// What an import found, before anything is saved: metadata, the section tree
// (numbered as it will be), paragraph counts and the notes on anything moved.
import { AccessError } from "../auth/guard";
import { docxToText, MAX_DOCX_BYTES, UnsafeDocxError } from "./docx";
import { parseReportText, allParagraphs, type ParsedSection } from "./parse-text";
import { headingLabel } from "../sections/numbering";

export interface ImportPreview {
  text: string;
  metadata: ReturnType<typeof parseReportText>["metadata"];
  outline: { label: string; heading: string; depth: number; paragraphs: number }[];
  paragraphCount: number;
  notes: string[];
}

/** Text of an uploaded .docx or .txt (UTF-8, else GB18030 as Windows Notepad saves Chinese). */
export async function textOfUpload(name: string, bytes: Buffer): Promise<{ text: string; notes: string[] }> {
  if (bytes.length > MAX_DOCX_BYTES) throw new AccessError(413, `文件过大（上限 ${MAX_DOCX_BYTES / 1024 / 1024} MB）。`);
  const lower = name.toLowerCase();
  if (lower.endsWith(".docx")) {
    if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw new AccessError(400, "这不是有效的 Word（.docx）文件。");
    try {
      return await docxToText(bytes);
    } catch (err) {
      if (err instanceof UnsafeDocxError) throw new AccessError(400, err.message);
      throw new AccessError(400, "无法读取这个 Word 文件：格式错误或已损坏。");
    }
  }
  if (lower.endsWith(".txt")) {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), notes: [] };
    } catch {
      return { text: new TextDecoder("gb18030").decode(bytes), notes: ["文本文件按 GB18030 编码读取。"] };
    }
  }
  if (lower.endsWith(".doc")) throw new AccessError(400, "暂不支持旧版 .doc 文件，请在 Word 或 WPS 中另存为 .docx 后再导入。");
  throw new AccessError(400, "只能导入 .docx 或 .txt 文件。");
}

export function previewText(text: string, extraNotes: string[] = []): ImportPreview {
  const parsed = parseReportText(text);
  const outline: ImportPreview["outline"] = [];
  const walk = (nodes: ParsedSection[], depth: number) => {
    let n = 0;
    for (const s of nodes) {
      const label = s.kind === "intro" ? "" : headingLabel(Math.min(depth, 4), ++n);
      outline.push({ label, heading: s.heading, depth, paragraphs: s.paragraphs.length });
      walk(s.children, depth + 1);
    }
  };
  walk(parsed.sections, 1);
  const notes = [...extraNotes, ...parsed.notes];
  if (!parsed.sections.some((s) => s.kind === "heading")) notes.push("没有识别到编号标题（一、（一）1.（1）），全部文字放入导语。");
  return { text, metadata: parsed.metadata, outline, paragraphCount: allParagraphs(parsed.sections).length, notes };
}
