"use server";

// The district's side: 催办, the year's requirements, 报送 and 收文 (lib/district/).
import { defineAction } from "@/lib/http/action";
import { remindSchema, remindTown } from "@/lib/district/remind";
import { saveYearSettings, yearSettingsSchema } from "@/lib/district/year";
import { decideSubmission, decideSubmissionSchema, sendReport, sendReportSchema } from "@/lib/district/submission";

const everywhere = { refresh: "/" };

export const remindTownAction = defineAction(remindSchema, (input, { db, actor, ip }) => remindTown(db, actor, input, ip), everywhere);
export const saveYearSettingsAction = defineAction(yearSettingsSchema, (input, { db, actor, ip }) => saveYearSettings(db, actor, input, ip), everywhere);
export const sendReportAction = defineAction(sendReportSchema, (input, { db, actor, ip }) => sendReport(db, actor, input, ip), everywhere);
export const decideSubmissionAction = defineAction(decideSubmissionSchema, (input, { db, actor, ip }) => decideSubmission(db, actor, input, ip), everywhere);
