// Who sees what: a report of one's own office always; a report of a town below
// one's district once it is signed (sent up). Everything else answers 404, as if it
// did not exist. The loaders here are the only way services and pages reach a report
// or a section, and the list below the only way they list reports.
import "server-only";
import type { DbOrTx } from "../db/client";
import { memberOfficeIds, rolesIn, type Actor } from "../core/policy/actor";
import { rolesAllow } from "../core/permissions";
import { descendantsOf, loadAncestors } from "../db/office-tree";
import { statusesIn } from "../core/workflow/statuses";
import { NotFound } from "../core/errors";
import { withParagraphs } from "../core/text/paragraphs";
import { canReadReport } from "../core/policy/read";

export { canReadReport };

export async function loadVisibleReport(db: DbOrTx, actor: Actor, reportId: string) {
  const [report, ancestors] = await Promise.all([db.report.findUnique({ where: { id: reportId } }), loadAncestors(db)]);
  if (!report || !canReadReport(actor, report, ancestors)) throw new NotFound();
  return { report, ancestors };
}

export async function loadVisibleSection(db: DbOrTx, actor: Actor, sectionId: string) {
  // The report by its section, beside the section rather than after it (an include
  // would wait for the section's row): one round trip less on every autosave.
  const [section, report, ancestors] = await Promise.all([
    db.section.findUnique({ where: { id: sectionId } }),
    db.report.findFirst({ where: { sections: { some: { id: sectionId } } } }),
    loadAncestors(db),
  ]);
  if (!section || !report || section.reportId !== report.id || !canReadReport(actor, report, ancestors)) throw new NotFound();
  return { section: withParagraphs(section), report, ancestors };
}

/** Every report the actor may read: its own offices' and, signed, those of the offices below. */
export async function listVisibleReports(db: DbOrTx, actor: Actor) {
  const ancestors = await loadAncestors(db);
  const own = memberOfficeIds(actor).filter((id) => rolesAllow(rolesIn(actor, id), "report.read"));
  const below = descendantsOf(ancestors, own).filter((id) => !own.includes(id));
  return db.report.findMany({
    where: { OR: [{ officeId: { in: own } }, { officeId: { in: below }, status: { in: statusesIn("signed") } }] },
    include: { office: { select: { code: true, name: true } } },
    orderBy: [{ year: "desc" }, { office: { code: "asc" } }],
  });
}
