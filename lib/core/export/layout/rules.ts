// Placement rules of GB/T 9704 that the PDF layout, the OFD and the DOCX writer share.
import type { DocumentModel } from "../model";
import { CHAR_PITCH, MM, TEXT } from "./geometry";

/** The 发文机关标志 is as large as fits the 版心 (with a margin), at most 18 mm a character. */
const MARK_MAX = 18 * MM;
const MARK_FILL = 0.92;
/** Joint issuers' names are stacked this far apart (baseline to baseline, in character heights). */
const JOINT_LINE = 1.15;

export interface MarkLine {
  text: string;
  /** from the 版心's left edge */
  x: number;
  /** baseline, from the top of the mark */
  baseline: number;
  /** extra space after each character (names of one width, 分散对齐) */
  spacing: number;
}

export interface MarkLayout {
  size: number;
  lines: MarkLine[];
  /** from the top of the mark to the bottom of its lowest glyphs */
  height: number;
}

/**
 * The 发文机关标志 (§7.2.1): one issuer centred on one line; for joint issuing the
 * issuers one a line, each spread to the width of the longest, with "文件" to their
 * right, centred on their height; the whole centred in the 版心.
 */
export function markLayout(mark: DocumentModel["header"]["mark"], measure: (text: string, size: number) => number): MarkLayout {
  const chars = (s: string) => [...s].length;
  const widest = Math.max(...mark.names.map(chars));
  const gap = mark.suffix ? 0.5 : 0;
  const size = Math.min((TEXT.width * MARK_FILL) / (widest + gap + chars(mark.suffix)), MARK_MAX);
  const nameWidth = Math.max(...mark.names.map((n) => measure(n, size)));
  const suffixWidth = mark.suffix ? measure(mark.suffix, size) : 0;
  const total = nameWidth + (mark.suffix ? gap * size + suffixWidth : 0);
  const left = (TEXT.width - total) / 2;
  const ascent = 0.88 * size;
  const lines: MarkLine[] = mark.names.map((text, i) => {
    const w = measure(text, size);
    const n = chars(text);
    const spacing = mark.names.length > 1 && n > 1 ? (nameWidth - w) / (n - 1) : 0;
    // One issuer is centred; joint issuers start together and end together.
    const x = mark.names.length > 1 ? left : (TEXT.width - w) / 2;
    return { text, x, baseline: ascent + i * JOINT_LINE * size, spacing };
  });
  const height = ascent + (mark.names.length - 1) * JOINT_LINE * size + 0.12 * size;
  if (mark.suffix) {
    const middle = (mark.names.length - 1) * JOINT_LINE * size / 2;
    lines.push({ text: mark.suffix, x: left + nameWidth + gap * size, baseline: ascent + middle, spacing: 0 });
  }
  return { size, lines, height };
}

/**
 * 署名 and 成文日期 without a seal (§7.3.5.2), as offsets from the 版心's left edge:
 * 署名 two characters in from the right; the date's first character two characters
 * right of the 署名's first; a date longer than that sits two in from the right and
 * the 署名 moves left with it. For joint issuing the 署名 are stacked, the longest
 * setting the positions, all ending at the same place.
 */
export function signaturePositions(signatoryWidth: number, dateWidth: number): { signX: number; dateX: number } {
  const right = TEXT.width - 2 * CHAR_PITCH;
  const signX = right - signatoryWidth;
  if (signX + 2 * CHAR_PITCH + dateWidth <= right + 0.5) return { signX, dateX: signX + 2 * CHAR_PITCH };
  const dateX = right - dateWidth;
  return { signX: dateX - 2 * CHAR_PITCH, dateX };
}

/** The 版记's rows, top to bottom: 抄送, 印发机关 and 印发日期, 印数. */
export function colophonRows(c: NonNullable<DocumentModel["colophon"]>): { left?: string; right?: string }[] {
  const rows: { left?: string; right?: string }[] = [];
  if (c.copyTo) rows.push({ left: `抄送：${c.copyTo.replace(/[。.]$/, "")}。` });
  rows.push({ left: c.issuer, right: `${c.issueDate}印发` });
  if (c.copies) rows.push({ right: `（共印${c.copies}份）` });
  return rows;
}

/** 签发人 on the 发文字号's line of a 上行文 (§7.2.4): "签发人：" and the name, one character in from the right. */
export const SIGNER_LABEL = "签发人：";
