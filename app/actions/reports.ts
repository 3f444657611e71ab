"use server";

// Each action is a service bound to its schema (lib/http/action.ts).
import { defineAction, runAction } from "@/lib/http/action";
import { createReport } from "@/lib/reports/create";
import { updateReportMetadata } from "@/lib/reports/metadata";
import { previewUpload } from "@/lib/import/preview";
import { createReportSchema, reportMetadataSchema } from "@/lib/reports/schemas";
import { updateOfficeStyle } from "@/lib/offices/settings";
import { officeStyleSchema } from "@/lib/offices/schemas";

export const createReportAction = defineAction(createReportSchema, (input, { db, actor, ip }) => createReport(db, actor, input, ip), { refresh: "/reports" });
export const updateReportMetadataAction = defineAction(reportMetadataSchema, (input, { db, actor, ip }) => updateReportMetadata(db, actor, input, ip), { refresh: "/reports" });
export const updateOfficeStyleAction = defineAction(officeStyleSchema, (input, { db, actor, ip }) => updateOfficeStyle(db, actor, input, ip), { refresh: "/" });

/** Reads an uploaded file or pasted text and shows what the import would create; saves nothing. */
export async function previewImportAction(form: FormData) {
  return runAction(({ db, actor }) => previewUpload(db, actor, form));
}
