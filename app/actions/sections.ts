"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { addSection, assignOwner, deleteSection, moveSection, restoreSection } from "@/lib/sections/tree";
import { restoreRevision } from "@/lib/sections/save";
import { addPastedSubsections } from "@/lib/sections/paste";
import { updatePlanItem } from "@/lib/reports/plan-service";

const refresh = <T extends { ok: boolean }>(r: T) => {
  if (r.ok) revalidatePath("/reports", "layout");
  return r;
};

export async function addSectionAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => addSection(db, actor, raw, ip)));
}
export async function moveSectionAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => moveSection(db, actor, raw, ip)));
}
export async function deleteSectionAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => deleteSection(db, actor, raw, ip)));
}
export async function restoreSectionAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => restoreSection(db, actor, raw, ip)));
}
export async function assignOwnerAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => assignOwner(db, actor, raw, ip)));
}
export async function restoreRevisionAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => restoreRevision(db, actor, raw, ip)));
}
export async function pasteSubsectionsAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => addPastedSubsections(db, actor, raw, ip)));
}
export async function updatePlanItemAction(raw: unknown) {
  return refresh(await runAction(({ db, actor, ip }) => updatePlanItem(db, actor, raw, ip)));
}
