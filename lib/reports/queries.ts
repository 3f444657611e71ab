// Data access for reports: the only place that decides which reports an actor sees.
import type { DbOrTx } from "../db/client";
import { SENT_UP_STATUSES, canReadReport, memberOfficeIds, type Actor } from "../auth/actor";
import { rolesAllow } from "../permissions";
import { descendantsOf, loadAncestors } from "../offices/queries";
import { numberTree, flattenTree } from "../sections/numbering";
import { withParagraphs } from "../sections/paragraphs";

export async function listVisibleReports(db: DbOrTx, actor: Actor) {
  const ancestors = await loadAncestors(db);
  const own = memberOfficeIds(actor).filter((id) =>
    rolesAllow(actor.memberships.filter((m) => m.officeId === id).map((m) => m.role), "report.read"),
  );
  const below = descendantsOf(ancestors, own).filter((id) => !own.includes(id));
  return db.report.findMany({
    where: {
      OR: [
        { officeId: { in: own } },
        { officeId: { in: below }, status: { in: [...SENT_UP_STATUSES] } },
      ],
    },
    include: { office: { select: { code: true, name: true } } },
    orderBy: [{ year: "desc" }, { office: { code: "asc" } }],
  });
}

/** The report if the actor may read it, else null (which callers answer with 404). */
export async function findVisibleReport(db: DbOrTx, actor: Actor, id: string) {
  const report = await db.report.findUnique({ where: { id }, include: { office: true } });
  if (!report) return null;
  const ancestors = await loadAncestors(db);
  return canReadReport(actor, report, ancestors) ? report : null;
}

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
