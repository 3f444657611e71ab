// The checklist of last year's plans: what became of each.
import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { parseInput } from "../core/validation";
import { NotFound } from "../core/errors";
import { enforce } from "../policy/enforce";
import { reportPolicy } from "../core/policy/report";
import { loadVisibleReport } from "../policy/visibility";
import { planItemSchema, type PlanItemInput } from "../sections/schemas";

export async function updatePlanItem(db: Db, actor: Actor, raw: PlanItemInput, ip?: string) {
  const input = parseInput(planItemSchema, raw);
  const item = await db.planItem.findUnique({ where: { id: input.itemId } });
  if (!item) throw new NotFound();
  const { report, ancestors } = await loadVisibleReport(db, actor, item.reportId);
  await enforce(db, actor, reportPolicy({ actor, ancestors }, report, "editPlan"), { type: "planItem", id: item.id, officeId: report.officeId });
  await db.$transaction(async (tx) => {
    await tx.planItem.update({ where: { id: item.id }, data: { outcome: input.outcome, note: input.note } });
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "plan.update", objectType: "planItem", objectId: item.id,
      officeId: report.officeId, ip, detail: { before: { outcome: item.outcome }, after: { outcome: input.outcome } },
    });
  });
}

export function listPlanItems(db: Db, reportId: string) {
  return db.planItem.findMany({ where: { reportId }, orderBy: { position: "asc" } });
}
