"use server";

import { partMappingSchema, partsSharedReasonSchema, setPartMapping, setPartsSharedReason } from "@/lib/district/report-parts";

// Each action is a service bound to its schema (lib/http/action.ts).
import { defineAction } from "@/lib/http/action";
import { createReport } from "@/lib/reports/create";
import { updateReportMetadata } from "@/lib/reports/metadata";
import { previewPasted } from "@/lib/import/preview";
import { createReportSchema, importPreviewSchema, reportMetadataSchema } from "@/lib/reports/schemas";
import { updateOfficeStyle } from "@/lib/offices/settings";
import { officeStyleSchema } from "@/lib/core/offices/schemas";

export const createReportAction = defineAction(createReportSchema, (input, { db, actor, ip }) => createReport(db, actor, input, ip), { refresh: "/reports" });
export const updateReportMetadataAction = defineAction(reportMetadataSchema, (input, { db, actor, ip }) => updateReportMetadata(db, actor, input, ip), { refresh: "/reports" });
export const updateOfficeStyleAction = defineAction(officeStyleSchema, (input, { db, actor, ip }) => updateOfficeStyle(db, actor, input, ip), { refresh: "/" });

/** Shows what pasted text would create; saves nothing. (A file goes to POST /api/imports/preview.) */
export const previewImportAction = defineAction(importPreviewSchema, (input, { db, actor }) => previewPasted(db, actor, input));
export const setPartMappingAction = defineAction(partMappingSchema, (input, { db, actor, ip }) => setPartMapping(db, actor, input, ip), { refresh: "/reports" });
export const setPartsSharedReasonAction = defineAction(partsSharedReasonSchema, (input, { db, actor, ip }) => setPartsSharedReason(db, actor, input, ip), { refresh: "/reports" });
