// How big a report may grow: far above any real report (a town's is some twenty
// sections and twenty thousand characters), low enough that one person cannot make
// the report page, the preview or an export a burden for the server.
import "server-only";
import { isPostgresClient, type DbOrTx } from "../db/client";
import { TooLarge } from "../core/errors";
import type { ParsedSection } from "../core/text/parse-text";
import type { Paragraph } from "../core/text/paragraphs";

export const MAX_REPORT_SECTIONS = 500;
export const MAX_REPORT_CHARS = 500_000;

const chars = (content: readonly Paragraph[]) => content.reduce((n, p) => n + p.text.length, 0);

function countParsed(sections: readonly ParsedSection[]): { sections: number; chars: number } {
  return sections.reduce(
    (acc, s) => {
      const below = countParsed(s.children);
      return { sections: acc.sections + 1 + below.sections, chars: acc.chars + s.paragraphs.reduce((n, p) => n + p.text.length, 0) + below.chars };
    },
    { sections: 0, chars: 0 },
  );
}

/** 500,000: counts are said with the thousands marked, in either language. */
const count = (n: number) => n.toLocaleString("en");

function refuse(sections: number, text: number, growth: "import" | "add" | "save") {
  const what = { key: `report.growth.${growth}` } as const;
  if (sections > MAX_REPORT_SECTIONS) throw new TooLarge("report.tooManySections", { most: MAX_REPORT_SECTIONS, what, would: sections });
  if (text > MAX_REPORT_CHARS) throw new TooLarge("report.tooManyChars", { most: count(MAX_REPORT_CHARS), what, would: count(text) });
}

/**
 * Before parsing an import: text far past what a report can hold (its body, plus 500 headings
 * and the file's numbers and spaces) is refused at once, not parsed first (10 MB of text took
 * half a second of CPU to parse only to be refused).
 */
export function checkImportText(text: string): void {
  const most = 2 * MAX_REPORT_CHARS;
  if (text.length > most) throw new TooLarge("import.fileTooLong", { most: count(MAX_REPORT_CHARS), has: count(text.length) });
}

/** A parsed report (an import) within the limits, else 413 with what it would have been. */
export function checkParsedReport(sections: readonly ParsedSection[]): void {
  const n = countParsed(sections);
  refuse(n.sections, n.chars, "import");
}

/** The report's live sections and text now. */
async function reportSize(db: DbOrTx, reportId: string, except?: string) {
  const rows = await db.section.findMany({ where: { reportId, deletedAt: null }, select: { id: true, content: true } });
  return { sections: rows.length, chars: rows.filter((r) => r.id !== except).reduce((n, r) => n + chars(r.content as Paragraph[]), 0) };
}

/** Adding sections (and their text) keeps the report within the limits. */
export async function checkAddition(db: DbOrTx, reportId: string, added: readonly ParsedSection[] | number): Promise<void> {
  const now = await reportSize(db, reportId);
  const more = typeof added === "number" ? { sections: added, chars: 0 } : countParsed(added);
  refuse(now.sections + more.sections, now.chars + more.chars, "add");
}

/**
 * An upper bound of the text of the other sections of `sectionId`'s report, summed
 * in the database: the length of their stored JSON (the text plus keys, quotes and
 * brackets; CJK is stored unescaped). By the section alone, so that a save can ask
 * beside loading the section.
 */
export async function otherSectionsBound(db: DbOrTx, sectionId: string): Promise<number> {
  const rows = isPostgresClient(db)
    ? await db.$queryRaw<{ n: bigint | number | null }[]>`SELECT SUM(length("content"::text)) AS n FROM "Section" WHERE "reportId" = (SELECT "reportId" FROM "Section" WHERE "id" = ${sectionId}) AND "deletedAt" IS NULL AND "id" <> ${sectionId}`
    : await db.$queryRaw<{ n: bigint | number | null }[]>`SELECT SUM(length("content")) AS n FROM "Section" WHERE "reportId" = (SELECT "reportId" FROM "Section" WHERE "id" = ${sectionId}) AND "deletedAt" IS NULL AND "id" <> ${sectionId}`;
  return Number(rows[0]?.n ?? 0);
}

/**
 * A section's new text keeps the report within the limit. Saves are the commonest
 * request: `bound` (otherSectionsBound) is summed in the database, and the text
 * itself is read only when the bound comes near the limit.
 */
export async function checkSectionText(db: DbOrTx, reportId: string, sectionId: string, content: readonly Paragraph[], bound: number): Promise<void> {
  if (bound + chars(content) <= MAX_REPORT_CHARS) return;
  const others = await reportSize(db, reportId, sectionId);
  refuse(0, others.chars + chars(content), "save");
}
