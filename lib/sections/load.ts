// Finding a section the actor may see (its report visible), else 404.
import type { DbOrTx } from "../db/client";
import type { Actor } from "../auth/actor";
import { canReadReport } from "../auth/actor";
import { AccessError, MESSAGES } from "../auth/guard";
import { loadAncestors } from "../offices/queries";
import { recordAudit } from "../audit/record";
import type { EditRefusal } from "./access";
import { withParagraphs } from "./paragraphs";

export async function loadVisibleSection(db: DbOrTx, actor: Actor, sectionId: string) {
  const section = await db.section.findUnique({ where: { id: sectionId }, include: { report: true } });
  const ancestors = await loadAncestors(db);
  if (!section || !canReadReport(actor, section.report, ancestors)) throw new AccessError(404, MESSAGES.notFound);
  return { section: withParagraphs(section), report: section.report, ancestors };
}

export async function loadVisibleReport(db: DbOrTx, actor: Actor, reportId: string) {
  const report = await db.report.findUnique({ where: { id: reportId } });
  const ancestors = await loadAncestors(db);
  if (!report || !canReadReport(actor, report, ancestors)) throw new AccessError(404, MESSAGES.notFound);
  return { report, ancestors };
}

/** Throws the refusal (a 403 is also written to the audit record). */
export async function refuse(db: DbOrTx, actor: Actor, refusal: EditRefusal, object: { type: string; id: string; officeId: string }) {
  if (!refusal) return;
  if (refusal.status === 403) {
    await recordAudit(db, {
      actorId: actor.userId, actorName: actor.username, action: "permission.denied", objectType: object.type,
      objectId: object.id, officeId: object.officeId, detail: { reason: refusal.message },
    });
  }
  throw new AccessError(refusal.status, refusal.message);
}
