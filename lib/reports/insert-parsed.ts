// Writes a parsed report (from the text or Word importer, or the demo data) as
// a Report with its section tree, each section starting with revision 1. What the
// file says of its issuing (发文字号, 署名, 成文日期, 印发机关 and date) is not kept:
// a number comes only from the office's register at 印发, the 署名 and date at 签发
// (previewNotes below says so before anything is saved).
import "server-only";
import type { Tx } from "../db/client";
import { toParagraph, type ParsedReport, type ParsedSection } from "../core/text/parse-text";
import type { ReportStatus, SectionStatus } from "../core/workflow/statuses";
import { calendarDay } from "../core/dates";
import { checkParsedReport } from "../sections/limits";

export interface InsertParsedOptions {
  officeId: string;
  year: number;
  createdById: string | null;
  status?: ReportStatus;
  sectionStatus?: SectionStatus;
  /** who owns each top-level section (by index), children inherit */
  ownerFor?: (topIndex: number, section: ParsedSection) => string | null;
  /** an owner for any section (undefined = inherit from the parent) */
  ownerOf?: (section: ParsedSection) => string | null | undefined;
  fallbackTitle: string;
  dueDate?: string;
  /** what the first revision says it was (导入, 上年结构, 模板 …) */
  revisionNote?: string;
}

export async function insertParsedReport(tx: Tx, parsed: ParsedReport, opts: InsertParsedOptions) {
  checkParsedReport(parsed.sections);
  const m = parsed.metadata;
  const report = await tx.report.create({
    data: {
      officeId: opts.officeId,
      year: opts.year,
      title: m.title ?? opts.fallbackTitle,
      status: opts.status ?? "drafting",
      addressee: m.addressee ?? null,
      copyTo: m.copyTo ?? null,
      copies: m.copies ?? null,
      dueDate: calendarDay(opts.dueDate ?? `${opts.year + 1}-03-01`),
      createdById: opts.createdById,
    },
  });
  const insert = async (sections: ParsedSection[], parentId: string | null, ownerId: string | null, top: boolean) => {
    for (const [position, s] of sections.entries()) {
      const explicit = opts.ownerOf?.(s);
      const owner = explicit !== undefined ? explicit : top && opts.ownerFor ? opts.ownerFor(position, s) : ownerId;
      const content = s.paragraphs.map(toParagraph);
      const runIn = !!s.runIn && content.length > 0;
      const row = await tx.section.create({
        data: {
          reportId: report.id,
          parentId,
          position,
          kind: s.kind,
          heading: s.heading,
          runIn,
          content,
          ownerId: owner,
          status: opts.sectionStatus ?? (content.length ? "drafting" : "not_started"),
          revisions: { create: { version: 1, heading: s.heading, runIn, content, authorId: opts.createdById, note: opts.revisionNote ?? "导入" } },
        },
      });
      await insert(s.children, row.id, owner, false);
    }
  };
  await insert(parsed.sections, null, null, true);
  return report;
}

/** The issuing data of the file, each said once, as not carried over. */
export function issueDataNotes(m: ParsedReport["metadata"]): string[] {
  return [
    m.docNumber ? `文件中的发文字号“${m.docNumber}”仅作参考，不沿用：发文字号在印发时由本单位的发文字号登记分配。` : null,
    m.signatory || m.writtenDate ? `文件中的署名和成文日期（${[m.signatory, m.writtenDate].filter(Boolean).join("，")}）不沿用：签发时按本单位和签发日期生成。` : null,
    m.issuer || m.issueDate ? `文件中的印发机关和印发日期（${[m.issuer, m.issueDate].filter(Boolean).join("，")}）不沿用：印发时生成。` : null,
  ].filter((n): n is string => n !== null);
}
