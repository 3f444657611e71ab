// The demo 2022 report as a document model, straight from its text (no database):
// for the export checks and the export benchmark. `repeat` lengthens every section.
import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseReportText, parsedRows } from "../core/text/parse-text";
import { toDocumentModel, type DocumentModel, type ModelInput } from "../core/export/model";
import { calendarDay } from "../core/dates";

const DEMO_TEXT_PATH = join(process.cwd(), "lib/demo/dachang-2022-report.txt");

/** Any report text as a document model, issued: the import → model path without a database. */
export function textDocumentModel(text: string, overrides: Partial<ModelInput["report"]> = {}, office: Partial<ModelInput["office"]> = {}, repeat = 1): DocumentModel {
  const parsed = parseReportText(text);
  const rows = parsedRows(parsed.sections).map((r) => ({ ...r, content: Array.from({ length: repeat }, () => r.content).flat() }));
  const m = parsed.metadata;
  return toDocumentModel({
    report: {
      title: m.title ?? "关于某镇2024年法治政府建设情况的报告", status: "published", docNumber: m.docNumber ?? "某府〔2025〕1号", addressee: null,
      signatory: m.signatory ?? "上海市宝山区大场镇人民政府", writtenDate: calendarDay(m.writtenDate ?? "2023-02-16"), copyTo: m.copyTo ?? null,
      issuer: m.issuer ?? "上海市宝山区大场镇人民政府", issueDate: calendarDay(m.issueDate ?? "2023-02-16"), copies: m.copies ?? null,
      ...overrides,
    },
    office: { headerMark: m.headerMark ?? "大场镇人民政府文件", fullName: "上海市宝山区大场镇人民政府", ...office },
    sections: rows,
  });
}

export function demoDocumentModel({ repeat = 1, copyTo = null as string | null } = {}): DocumentModel {
  return textDocumentModel(readFileSync(DEMO_TEXT_PATH, "utf8"), { copyTo }, {}, repeat);
}
