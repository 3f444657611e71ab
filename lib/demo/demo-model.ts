// The demo 2022 report as a document model, straight from its text (no database):
// for the export checks and the export benchmark. `repeat` lengthens every section.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseReportText, toParagraph } from "../import/parse-text";
import type { Paragraph } from "../sections/paragraphs";
import { toDocumentModel, type DocumentModel } from "../export/model";

export function demoDocumentModel({ repeat = 1, copyTo = null as string | null } = {}): DocumentModel {
  const parsed = parseReportText(readFileSync(join(process.cwd(), "lib/demo/dachang-2022-report.txt"), "utf8"));
  const rows: { id: string; parentId: string | null; position: number; kind: string; heading: string; runIn?: boolean; content: Paragraph[] }[] = [];
  const walk = (list: typeof parsed.sections, parentId: string | null) =>
    list.forEach((s, i) => {
      const id = `${parentId ?? "r"}-${i}`;
      rows.push({ id, parentId, position: i, kind: s.kind, heading: s.heading, runIn: s.runIn, content: Array.from({ length: repeat }, () => s.paragraphs.map(toParagraph)).flat() });
      walk(s.children, id);
    });
  walk(parsed.sections, null);
  const m = parsed.metadata;
  return toDocumentModel({
    report: {
      title: m.title!, status: "published", docNumber: m.docNumber!, addressee: null, signatory: "上海市宝山区大场镇人民政府",
      writtenDate: "2023-02-16", copyTo, issuer: m.issuer!, issueDate: m.issueDate!, copies: m.copies!,
    },
    office: { headerMark: m.headerMark!, fullName: "上海市宝山区大场镇人民政府" },
    sections: rows,
  });
}
