// The overview as the files a district files: CSV (UTF-8 with BOM, for Excel and WPS)
// and XLSX (exceljs), the same rows and the same totals as the page.
import "server-only";
import ExcelJS from "exceljs";
import type { Translate } from "../core/i18n/messages";
import { toCsv } from "../core/csv";
import { calendarDay } from "../core/dates";
import type { OverviewRow } from "./overview";

export interface OverviewTotals {
  towns: number;
  reports: number;
  passed: number;
  total: number;
  sent: number;
  received: number;
  published: number;
  late: number;
  flagged: number;
}

export function overviewTotals(rows: readonly OverviewRow[]): OverviewTotals {
  return {
    towns: rows.length,
    reports: rows.filter((r) => r.reportId).length,
    passed: rows.reduce((n, r) => n + r.passed, 0),
    total: rows.reduce((n, r) => n + r.total, 0),
    sent: rows.filter((r) => r.sentOn).length,
    received: rows.filter((r) => r.submission === "received").length,
    published: rows.filter((r) => r.publishedOn).length,
    late: rows.filter((r) => r.submitLate > 0 || r.publishLate > 0).length,
    flagged: rows.filter((r) => r.flagged).length,
  };
}

/** A cell: text, a number (a number in the spreadsheet, so SUM works), or empty. */
export type Cell = string | number | null;

const COLUMNS = ["code", "town", "status", "passed", "reviewed", "partsPresent", "partsRequired", "missing", "partsReason", "sent", "published", "submitLate", "publishLate", "similarityPercent"] as const;

/**
 * The header, a row per town and the totals. Counts are numbers; the totals row sums the
 * sections and parts and says the counts of sent, published, late and flagged reports in
 * words, leaving the date and day columns empty (a count is not a date, and a sum of
 * days late per town means nothing).
 */
function overviewTable(rows: readonly OverviewRow[], t: Translate): Cell[][] {
  const header = COLUMNS.map((k) => t(`district.col.${k}` as never));
  const body = rows.map((r): Cell[] => [
    r.code, r.name, r.status ? t(`report.status.${r.status}`) : t("district.noReport"), r.passed, r.total, r.partsPresent, r.partsRequired,
    r.missing.length ? r.missing.join("、") : t("district.noneMissing"), r.partsReason, r.sentOn, r.publishedOn, r.submitLate, r.publishLate,
    r.similarity === null ? null : Math.round(r.similarity * 100),
  ]);
  const sum = overviewTotals(rows);
  const parts = rows.reduce((n, r) => [n[0] + r.partsPresent, n[1] + r.partsRequired], [0, 0]);
  const totals: Cell[] = [
    t("district.totals"), t("district.totalsTowns", { towns: sum.towns, reports: sum.reports }), t("district.totalsCounts", { ...sum }),
    sum.passed, sum.total, parts[0], parts[1], null, null, null, null, null, null, null,
  ];
  return [header, ...body, totals];
}

export const overviewCsv = (rows: readonly OverviewRow[], t: Translate) => toCsv(overviewTable(rows, t).map((line) => line.map((c) => (c === null ? "" : String(c)))));

export async function overviewXlsx(rows: readonly OverviewRow[], t: Translate, sheetName: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  const dates = new Set([COLUMNS.indexOf("sent"), COLUMNS.indexOf("published")]);
  const [header, ...lines] = overviewTable(rows, t);
  sheet.addRow(header);
  // Dates as the spreadsheet's dates (a calendar day, written as it reads: no time zone shift).
  for (const line of lines) sheet.addRow(line.map((c, i) => (dates.has(i) && typeof c === "string" ? calendarDay(c) : c)));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c, i) => {
    c.width = 14;
    if (dates.has(i)) c.numFmt = "yyyy-mm-dd";
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
