// The overview as the files a district files: CSV (UTF-8 with BOM, for Excel and WPS)
// and XLSX (exceljs), the same rows and the same totals as the page.
import ExcelJS from "exceljs";
import type { Translate } from "../i18n/messages";
import { toCsv } from "../workflow/trail";
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

const percent = (share: number | null) => (share === null ? "" : `${Math.round(share * 100)}%`);

export function overviewTable(rows: readonly OverviewRow[], t: Translate): string[][] {
  const header = ["code", "town", "status", "sections", "parts", "missing", "sent", "published", "submitLate", "publishLate", "similarity"].map((k) => t(`district.col.${k}` as never));
  const body = rows.map((r) => [
    r.code, r.name, r.status ? t(`report.status.${r.status}`) : t("district.noReport"), `${r.passed}/${r.total}`, `${r.partsPresent}/${r.partsRequired}`,
    r.missing.length ? r.missing.join("、") : t("district.noneMissing"), r.sentOn ?? "", r.publishedOn ?? "", String(r.submitLate), String(r.publishLate), percent(r.similarity),
  ]);
  const sum = overviewTotals(rows);
  const totals = [t("district.totals"), t("district.totalsTowns", { towns: sum.towns, reports: sum.reports }), "", `${sum.passed}/${sum.total}`, "", "", String(sum.sent), String(sum.published), String(sum.late), "", String(sum.flagged)];
  return [header, ...body, totals];
}

export const overviewCsv = (rows: readonly OverviewRow[], t: Translate) => toCsv(overviewTable(rows, t));

export async function overviewXlsx(rows: readonly OverviewRow[], t: Translate, sheetName: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  for (const line of overviewTable(rows, t)) sheet.addRow(line);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 14));
  return Buffer.from(await book.xlsx.writeBuffer());
}
