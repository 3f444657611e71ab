// Placement rules of GB/T 9704 that the PDF layout and the DOCX writer share.
import type { DocumentModel } from "../model";
import { CHAR_PITCH, MM, TEXT } from "./geometry";

/** 发文机关标志: as large as fits the 版心 (with a margin), at most 18 mm. */
export function markSize(mark: string): number {
  return Math.min((TEXT.width * 0.92) / [...mark].length, 18 * MM);
}

/**
 * 署名 and 成文日期 without a seal (§7.3.5.2), as offsets from the 版心's left edge:
 * 署名 two characters in from the right; the date's first character two characters
 * right of the 署名's first; a date longer than that sits two in from the right and
 * the 署名 moves left with it.
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
