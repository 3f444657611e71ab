// Turns the plain text of a report (pasted, or read out of Word) into document
// metadata and a section tree. Nothing is dropped: every line ends up in the
// metadata or in a section, and every character of it but a typed number stays.
// A typed number becomes the number the position gives; the source number is
// kept beside it so the preview can show where the two differ.
import { classifyLine } from "./headings";
import type { Paragraph } from "./paragraphs";

export interface ParsedParagraph extends Paragraph {
  /** the number the source gave this paragraph (typed, or Word's own), if any */
  sourceNumber?: string;
}

export interface ParsedSection {
  kind: "intro" | "heading";
  heading: string;
  /** the heading and the first paragraph form one line (a run-in heading) */
  runIn?: boolean;
  paragraphs: ParsedParagraph[];
  children: ParsedSection[];
  sourceNumber?: string;
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

const isoDate = (y: string, m: string, d: string) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;

/** Any line-break style; each line without the spaces around it (an indent is layout); empty lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ""))
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
      continue;
    }
    if (!metadata.headerMark && !metadata.title && /文件$/.test(line) && line.length <= 30) {
      metadata.headerMark = line;
      continue;
    }
    if (!metadata.title && classifyLine(line).kind === "plain" && /(报告|情况|总结)$/.test(line) && line.length <= 80) {
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
 * Body lines → section tree. Headings (levels 1–2 always, 3–4 when they stand on
 * their own line) open sections nested by their level; numbered paragraphs and
 * plain lines belong to the open section; lines before any heading form the 导语.
 */
export function buildTree(
  lines: readonly string[],
  notes: string[] = [],
  options: { minorHeadings?: boolean } = {},
): { intro: ParsedSection | null; roots: ParsedSection[] } {
  const roots: ParsedSection[] = [];
  // Open headings with the level their numbering names (一、=1 … （1）=4).
  const stack: { section: ParsedSection; level: number }[] = [];
  let intro: ParsedSection | null = null;
  const body = () => {
    const open = stack[stack.length - 1]?.section;
    if (open) return open.paragraphs;
    intro ??= { kind: "intro", heading: "导语", paragraphs: [], children: [] };
    return intro.paragraphs;
  };
  for (const line of lines) {
    const shape = classifyLine(line, options);
    if (shape.kind === "plain") {
      body().push({ text: shape.text });
      continue;
    }
    if (shape.kind === "numbered") {
      body().push({ text: shape.text, level: shape.level, ...(shape.runIn ? { runIn: true } : {}), sourceNumber: shape.number });
      continue;
    }
    // A heading belongs under the nearest open heading of a higher level, so a
    // paste that starts at （一） or a 1． directly under 一、 nests by position.
    while (stack.length && stack[stack.length - 1].level >= shape.level) stack.pop();
    const section: ParsedSection = { kind: "heading", heading: shape.heading, paragraphs: [], children: [], sourceNumber: shape.number };
    if (shape.rest) {
      section.runIn = true;
      section.paragraphs.push({ text: shape.rest });
    }
    if (stack.length + 1 !== shape.level) notes.push(`标题“${line.slice(0, 20)}”的层级已按所在位置调整。`);
    (stack.length ? stack[stack.length - 1].section.children : roots).push(section);
    stack.push({ section, level: shape.level });
  }
  return { intro, roots };
}

function isOfficeName(line: string): boolean {
  return line.length <= 40 && !/[，。；：,.;:]/.test(line) && /(政府|委员会|党委|办公室|人民政府|办事处|局|镇|街道)$/.test(line);
}

/** Every paragraph of a parsed tree in reading order (used to check nothing was lost). */
export function allParagraphs(sections: readonly ParsedSection[]): ParsedParagraph[] {
  return sections.flatMap((s) => [...s.paragraphs, ...allParagraphs(s.children)]);
}

/** A parsed paragraph as stored: without its source number. */
export function toParagraph({ text, level, runIn }: ParsedParagraph): Paragraph {
  return level ? { text, level, ...(runIn ? { runIn } : {}) } : { text };
}

/** A parsed tree as flat section rows (ids s0, s1 … in reading order), as the database would hold it. */
export function parsedRows(sections: readonly ParsedSection[]) {
  const rows: { id: string; parentId: string | null; position: number; kind: string; heading: string; runIn: boolean; content: Paragraph[]; section: ParsedSection }[] = [];
  const walk = (nodes: readonly ParsedSection[], parentId: string | null) =>
    nodes.forEach((s, position) => {
      const id = `s${rows.length}`;
      rows.push({ id, parentId, position, kind: s.kind, heading: s.heading, runIn: !!s.runIn, content: s.paragraphs.map(toParagraph), section: s });
      walk(s.children, id);
    });
  walk(sections, null);
  return rows;
}
