// Data access for a report's sections (who may see a report: lib/policy/visibility.ts).
import type { DbOrTx } from "../db/client";
import { numberTree, flattenTree } from "../sections/numbering";
import { withParagraphs } from "../sections/paragraphs";

/** The report's live sections as a numbered tree, in reading order. */
export async function loadNumberedSections(db: DbOrTx, reportId: string) {
  const rows = await liveSections(db, reportId);
  return flattenTree(numberTree(rows));
}

/** A report's live sections (not deleted), bodies as paragraphs, with their owners. */
export async function liveSections(db: DbOrTx, reportId: string) {
  const rows = await db.section.findMany({
    where: { reportId, deletedAt: null },
    include: { owner: { select: { id: true, username: true, displayName: true } } },
  });
  return rows.map(withParagraphs);
}

export function listAllReports(db: DbOrTx) {
  return db.report.findMany({
    include: { office: { select: { code: true } } },
    orderBy: [{ office: { code: "asc" } }, { year: "asc" }],
  });
}

/** Who saved the current version of each section (the four-eyes fact of the policy). */
export async function lastEditors(db: DbOrTx, sectionIds: string[]): Promise<Map<string, string | null>> {
  const rows = await db.sectionRevision.findMany({
    where: { sectionId: { in: sectionIds } },
    orderBy: [{ sectionId: "asc" }, { version: "desc" }],
    distinct: ["sectionId"],
    select: { sectionId: true, authorId: true },
  });
  return new Map(rows.map((r) => [r.sectionId, r.authorId]));
}
