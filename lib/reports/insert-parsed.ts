// Writes a parsed report (from the text or Word importer, or the demo data) as
// a Report with its section tree, each section starting with revision 1.
import type { Tx } from "../db/client";
import { toParagraph, type ParsedReport, type ParsedSection } from "../import/parse-text";
import type { ReportStatus, SectionStatus } from "../workflow/statuses";
import { dateOf } from "./deadline";

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
  const m = parsed.metadata;
  const report = await tx.report.create({
    data: {
      officeId: opts.officeId,
      year: opts.year,
      title: m.title ?? opts.fallbackTitle,
      status: opts.status ?? "drafting",
      docNumber: m.docNumber ?? null,
      addressee: m.addressee ?? null,
      signatory: m.signatory ?? null,
      writtenDate: m.writtenDate ? dateOf(m.writtenDate) : null,
      copyTo: m.copyTo ?? null,
      issuer: m.issuer ?? null,
      issueDate: m.issueDate ? dateOf(m.issueDate) : null,
      copies: m.copies ?? null,
      dueDate: dateOf(opts.dueDate ?? `${opts.year + 1}-03-01`),
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
