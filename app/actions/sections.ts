"use server";

// Each action is a service bound to its schema (lib/http/action.ts).
import { defineAction } from "@/lib/http/action";
import { addSection, assignOwner, deleteSection, moveSection, restoreSection } from "@/lib/sections/tree";
import { restoreRevision } from "@/lib/sections/save";
import { addPastedSubsections, pasteSchema } from "@/lib/sections/paste";
import { updatePlanItem } from "@/lib/reports/plan-service";
import { addSectionSchema, assignOwnerSchema, moveSectionSchema, planItemSchema, restoreRevisionSchema, sectionIdSchema } from "@/lib/sections/schemas";

const reports = { refresh: "/reports" };

export const addSectionAction = defineAction(addSectionSchema, (input, { db, actor, ip }) => addSection(db, actor, input, ip), reports);
export const moveSectionAction = defineAction(moveSectionSchema, (input, { db, actor, ip }) => moveSection(db, actor, input, ip), reports);
export const deleteSectionAction = defineAction(sectionIdSchema, (input, { db, actor, ip }) => deleteSection(db, actor, input, ip), reports);
export const restoreSectionAction = defineAction(sectionIdSchema, (input, { db, actor, ip }) => restoreSection(db, actor, input, ip), reports);
export const assignOwnerAction = defineAction(assignOwnerSchema, (input, { db, actor, ip }) => assignOwner(db, actor, input, ip), reports);
export const restoreRevisionAction = defineAction(restoreRevisionSchema, (input, { db, actor, ip }) => restoreRevision(db, actor, input, ip), reports);
export const pasteSubsectionsAction = defineAction(pasteSchema, (input, { db, actor, ip }) => addPastedSubsections(db, actor, input, ip), reports);
export const updatePlanItemAction = defineAction(planItemSchema, (input, { db, actor, ip }) => updatePlanItem(db, actor, input, ip), reports);
