// Turns the plain text of a report (pasted, or extracted from Word) into
// document metadata and a section tree. Nothing is dropped: every line ends up
// in the metadata or in a section, and the notes say where anything went.
import { matchHeading } from "./headings";

export interface ParsedSection {
  kind: "intro" | "heading";
  heading: string;
  paragraphs: string[];
  children: ParsedSection[];
}

export interface ParsedMetadata {
  headerMark?: string;
  docNumber?: string;
  title?: string;
  addressee?: string;
  signatory?: string;
  writtenDate?: string;
  copyTo?: string;
  issuer?: string;
  issueDate?: string;
  copies?: number;
}

export interface ParsedReport {
  metadata: ParsedMetadata;
  sections: ParsedSection[];
  notes: string[];
}

const DOC_NUMBER = /^(\S{1,20}?)[〔［\[【(（](\d{4})[〕］\]】)）]第?(\d+)号$/;
const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const ISSUED = /^(.*?)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印发$/;
const COPIES = /^[（(]\s*共印\s*(\d+)\s*份\s*[）)]$/;
const COPY_TO = /^抄送[：:]\s*(.+?)[。.]?$/;

export const isoDate = (y: string, m: string, d: string) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;

/** Normalises any line-break style and splits the text into non-empty trimmed lines. */
export function splitLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[\u3000\s]+$/u, "").replace(/^[\u3000\s]+/u, ""))
    .filter((l) => l.length > 0);
}

export function parseReportText(text: string): ParsedReport {
  const lines = splitLines(text);
  const metadata: ParsedMetadata = {};
  const notes: string[] = [];
  let start = 0;

  // Head: 标志, 发文字号, 标题, 主送机关, before the first body line.
  for (; start < lines.length && start < 6; start++) {
    const line = lines[start];
    const dn = DOC_NUMBER.exec(line);
    if (!metadata.docNumber && dn) {
      metadata.docNumber = `${dn[1]}〔${dn[2]}〕${Number(dn[3])}号`;
      if (metadata.docNumber !== line) notes.push(`发文字号“${line}”已规范为“${metadata.docNumber}”。`);
      continue;
    }
    if (!metadata.headerMark && !metadata.title && /文件$/.test(line) && line.length <= 30) {
      metadata.headerMark = line;
      continue;
    }
    if (!metadata.title && !matchHeading(line) && /(报告|情况|总结)$/.test(line) && line.length <= 80) {
      metadata.title = line;
      continue;
    }
    if (metadata.title && !metadata.addressee && /[：:]$/.test(line) && line.length <= 40) {
      metadata.addressee = line.replace(/[：:]$/, "");
      continue;
    }
    break;
  }

  // Tail: 印数, 印发, 抄送, 成文日期 and 署名, read from the end upwards.
  let end = lines.length;
  const takeTail = (re: RegExp) => {
    const m = end > start ? re.exec(lines[end - 1]) : null;
    if (m) end -= 1;
    return m;
  };
  const copies = takeTail(COPIES);
  if (copies) metadata.copies = Number(copies[1]);
  const issued = takeTail(ISSUED);
  if (issued) {
    metadata.issueDate = isoDate(issued[2], issued[3], issued[4]);
    if (issued[1]) metadata.issuer = issued[1];
    else if (end > start && isOfficeName(lines[end - 1])) metadata.issuer = lines[--end];
  }
  const copyTo = takeTail(COPY_TO);
  if (copyTo) metadata.copyTo = copyTo[1];
  const written = takeTail(DATE);
  if (written) {
    metadata.writtenDate = isoDate(written[1], written[2], written[3]);
    if (end > start && isOfficeName(lines[end - 1])) metadata.signatory = lines[--end];
  }

  const { intro, roots } = buildTree(lines.slice(start, end), notes);
  return { metadata, sections: intro ? [intro, ...roots] : roots, notes };
}

/**
 * Body lines → section tree: numbered headings open sections, other lines are
 * paragraphs of the open section; lines before any heading form the 导语.
 */
export function buildTree(lines: readonly string[], notes: string[] = []): { intro: ParsedSection | null; roots: ParsedSection[] } {
  const roots: ParsedSection[] = [];
  // Open headings with the level their numbering names (一、=1 … （1）=4).
  const stack: { section: ParsedSection; kind: number }[] = [];
  let intro: ParsedSection | null = null;
  for (const line of lines) {
    const h = matchHeading(line);
    if (h) {
      // A heading belongs under the nearest open heading of a higher level, so a
      // paste that starts at （一） or a 1. directly under 一、 nests by position.
      while (stack.length && stack[stack.length - 1].kind >= h.depth) stack.pop();
      const section: ParsedSection = { kind: "heading", heading: h.heading, paragraphs: [], children: [] };
      if (stack.length + 1 !== h.depth) notes.push(`标题“${line.slice(0, 20)}”的层级已按所在位置调整。`);
      (stack.length ? stack[stack.length - 1].section.children : roots).push(section);
      stack.push({ section, kind: h.depth });
      if (h.rest) section.paragraphs.push(h.rest);
      continue;
    }
    const open = stack[stack.length - 1]?.section;
    if (open) open.paragraphs.push(line);
    else {
      intro ??= { kind: "intro", heading: "导语", paragraphs: [], children: [] };
      intro.paragraphs.push(line);
    }
  }
  return { intro, roots };
}


function isOfficeName(line: string): boolean {
  return line.length <= 40 && !/[，。；：,.;:]/.test(line) && /(政府|委员会|党委|办公室|人民政府|办事处|局|镇|街道)$/.test(line);
}

/** Every paragraph of a parsed tree in reading order (used to check nothing was lost). */
export function allParagraphs(sections: ParsedSection[]): string[] {
  return sections.flatMap((s) => [...s.paragraphs, ...allParagraphs(s.children)]);
}
