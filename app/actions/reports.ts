"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { createReport } from "@/lib/reports/create";
import { updateReportMetadata } from "@/lib/reports/metadata";
import { AccessError } from "@/lib/auth/guard";
import { officeWith } from "@/lib/auth/guard";
import { previewText, textOfUpload } from "@/lib/import/preview";
import { parseInput } from "@/lib/validation";
import { importPreviewSchema } from "@/lib/reports/schemas";
import { updateOfficeStyle } from "@/lib/offices/settings";

export async function createReportAction(raw: unknown) {
  const result = await runAction(({ db, actor, ip }) => createReport(db, actor, raw, ip));
  if (result.ok) revalidatePath("/reports");
  return result;
}

/** Reads an uploaded file or pasted text and shows what the import would create; saves nothing. */
export async function previewImportAction(form: FormData) {
  return runAction(async ({ actor }) => {
    if (!officeWith(actor, "report.create")) throw new AccessError(403, "您没有创建报告的权限。");
    const file = form.get("file");
    if (file instanceof File && file.size > 0) {
      const { text, notes } = await textOfUpload(file.name, Buffer.from(await file.arrayBuffer()));
      return previewText(text, notes);
    }
    const { text } = parseInput(importPreviewSchema, { text: String(form.get("text") ?? "") });
    return previewText(text);
  });
}

export async function updateReportMetadataAction(raw: unknown) {
  const result = await runAction(({ db, actor, ip }) => updateReportMetadata(db, actor, raw, ip));
  if (result.ok) revalidatePath("/reports", "layout");
  return result;
}

export async function updateOfficeStyleAction(raw: unknown) {
  const result = await runAction(({ db, actor, ip }) => updateOfficeStyle(db, actor, raw, ip));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
