// What an import found, before anything is saved: metadata, the section tree
// (numbered as it will be), every place where a number will change, and the
// notes on whatever the report cannot hold.
import "server-only";
import type { DbOrTx } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { requireOfficeWith } from "../auth/guard";
import { Invalid, TooLarge } from "../core/errors";
import { parseInput, unsafeText } from "../core/validation";
import { checkImportText, checkParsedReport } from "../sections/limits";
import { importPreviewSchema, type ImportPreviewInput } from "../reports/schemas";
import { readDocx } from "./docx/read";
import { UnsafeDocxError } from "./docx/unsafe";
import { parseReportText, parsedRows, type ParsedSection } from "../core/text/parse-text";
import { flattenTree, numberTree } from "../core/outline/outline-numbers";
import { issueDataNotes } from "../reports/insert-parsed";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface ImportPreview {
  text: string;
  metadata: ReturnType<typeof parseReportText>["metadata"];
  outline: { label: string; heading: string; depth: number; paragraphs: number }[];
  paragraphCount: number;
  /** numbers that the position changes: what the file said and what the report will show */
  renumbered: { text: string; from: string; to: string }[];
  notes: string[];
}

/** Text of an uploaded .docx or .txt (UTF-8, else GB18030 as Windows Notepad saves Chinese). */
export async function textOfUpload(name: string, bytes: Buffer): Promise<{ text: string; notes: string[] }> {
  if (bytes.length > MAX_UPLOAD_BYTES) throw uploadTooLarge();
  const lower = name.toLowerCase();
  if (lower.endsWith(".docx")) {
    if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw new Invalid("import.notDocx");
    try {
      return await readDocx(bytes);
    } catch (err) {
      if (err instanceof UnsafeDocxError) throw new Invalid(err.key);
      throw new Invalid("import.unreadable");
    }
  }
  if (lower.endsWith(".txt")) {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), notes: [] };
    } catch {
      return { text: new TextDecoder("gb18030").decode(bytes), notes: ["文本文件按 GB18030 编码读取。"] };
    }
  }
  if (lower.endsWith(".doc")) throw new Invalid("import.oldDoc");
  throw new Invalid("import.wrongType");
}

/** A parsed tree numbered exactly as the report will be. */
function numberParsed(sections: readonly ParsedSection[]) {
  return flattenTree(numberTree(parsedRows(sections)));
}

const snippet = (s: string) => (s.length > 16 ? `${s.slice(0, 16)}…` : s);

export function previewText(text: string, extraNotes: string[] = []): ImportPreview {
  checkImportText(text);
  const unsafe = unsafeText(text);
  if (unsafe) throw new Invalid(unsafe.key, unsafe.params);
  const parsed = parseReportText(text);
  checkParsedReport(parsed.sections);
  const numbered = numberParsed(parsed.sections);
  const renumbered: ImportPreview["renumbered"] = [];
  const changed = (from: string | undefined, to: string, what: string) => {
    if (from !== undefined && from.trim() !== to) renumbered.push({ text: snippet(what), from: from.trim(), to });
  };
  let paragraphCount = 0;
  const outline = numbered.map((n) => {
    const s = n.node.section;
    changed(s.sourceNumber, n.label, s.heading);
    s.paragraphs.forEach((p, i) => changed(p.sourceNumber, n.paragraphLabels[i], p.text));
    paragraphCount += s.paragraphs.length;
    return { label: n.label, heading: s.heading, depth: n.depth, paragraphs: s.paragraphs.length };
  });
  const notes = [...extraNotes, ...parsed.notes, ...issueDataNotes(parsed.metadata)];
  const indented = text.split(/\r\n?|\n/).filter((l) => /^[\s\u3000]+\S/u.test(l)).length;
  if (indented) notes.push(`${indented} 个段落开头的空格（手工缩进）未保留：段首缩进由版式生成。`);
  if (!parsed.sections.some((s) => s.kind === "heading")) notes.push("没有识别到编号标题（一、（一）1．（1）），全部文字放入导语。");
  return { text, metadata: parsed.metadata, outline, paragraphCount, renumbered, notes };
}

/** The 413 of an upload past MAX_UPLOAD_BYTES. */
export const uploadTooLarge = () => new TooLarge("import.fileTooLarge", { mb: MAX_UPLOAD_BYTES / 1024 / 1024 });

/** The import form's preview of an uploaded Word or text file (POST /api/imports/preview), for those who may create reports. */
export async function previewFile(db: DbOrTx, actor: Actor, encodedName: string, bytes: Buffer): Promise<ImportPreview> {
  await requireOfficeWith(db, actor, "report.create");
  let name: string;
  try {
    name = decodeURIComponent(encodedName);
  } catch {
    throw new Invalid("import.badFileName");
  }
  const { text, notes } = await textOfUpload(name, bytes);
  return previewText(text, notes);
}

/** The preview of pasted text. */
export async function previewPasted(db: DbOrTx, actor: Actor, input: ImportPreviewInput): Promise<ImportPreview> {
  await requireOfficeWith(db, actor, "report.create");
  return previewText(parseInput(importPreviewSchema, input).text);
}
