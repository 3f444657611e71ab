// Data access for a report's sections (who may see a report: lib/policy/visibility.ts).
import "server-only";
import type { DbOrTx } from "../db/client";
import { numberTree, flattenTree } from "../core/outline/outline-numbers";
import { withParagraphs } from "../core/text/paragraphs";

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

/**
 * Who saved the newest revision of each of the report's live sections (the
 * four-eyes fact of the policy). One index seek per section: autosave adds a
 * revision every few seconds, and reading them all to keep the newest (Prisma's
 * `distinct` filters in memory) made every report page slower as the year went on.
 */
export async function lastEditors(db: DbOrTx, reportId: string): Promise<Map<string, string | null>> {
  const rows = await db.$queryRaw<{ sectionId: string; authorId: string | null }[]>`
    SELECT s."id" AS "sectionId",
           (SELECT r."authorId" FROM "SectionRevision" r WHERE r."sectionId" = s."id" ORDER BY r."version" DESC LIMIT 1) AS "authorId"
    FROM "Section" s
    WHERE s."reportId" = ${reportId} AND s."deletedAt" IS NULL`;
  return new Map(rows.map((r) => [r.sectionId, r.authorId]));
}
