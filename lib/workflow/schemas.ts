import { z } from "zod";
import { id as idOf, line, text, visible } from "../core/validation";
import { REPORT_ACTIONS, SECTION_ACTIONS } from "../core/workflow/machine";
import { inkSchema } from "../core/workflow/ink";

const id = idOf();
// Reasons and opinions are read by the next person: blank or only U+200B says nothing.
const reason = text().trim().check(visible).max(2000, "input.reasonTooLong");

export const sectionTransitionSchema = z
  .object({ sectionId: id, action: z.enum(SECTION_ACTIONS, { error: "input.unknownAction" }), reason: reason.optional() })
  .strict()
  .refine((v) => v.action !== "return" || (v.reason ?? "").length > 0, { path: ["reason"], message: "input.sectionReturnReasonRequired" });

export const reportTransitionSchema = z
  .object({
    reportId: id,
    action: z.enum(REPORT_ACTIONS, { error: "input.unknownAction" }),
    reason: reason.optional(),
    /** sections a return from 核稿 or 签发 reopens */
    sectionIds: z.array(id).max(500).optional(),
    /** 印发: 版记 data */
    copyTo: line().trim().max(200, "input.copyToTooLong").optional(),
    copies: z.number().int("input.copiesWhole").min(1, "input.copiesMin").max(100_000).nullable().optional(),
    /** 核稿意见 (核稿通过) or 签发意见 (签发): recorded in the audit and the 签发单 */
    opinion: text().trim().check(visible).max(500, "input.opinionTooLong").optional(),
    /** 核稿 or 签发: the signer's handwritten mark beside the typed opinion (which stays required) */
    ink: inkSchema.optional(),
    /** 提交核稿 and 签发 past a missing required part: why */
    partsReason: text().trim().check(visible).max(500, "input.partsReasonTooLong").optional(),
    /** 公开: the 保密审查 — who checked the text for secrets, and the result as written */
    secrecyReviewer: line().trim().check(visible).max(40, "input.secrecyReviewerTooLong").optional(),
    secrecyResult: line().trim().check(visible).max(200, "input.secrecyResultTooLong").optional(),
    /** 签发: the 主送机关 as the signer confirms it (a report sent up is a 上行文: the header names its 签发人) */
    addressee: line().trim().max(100, "input.addresseeTooLong").regex(/^[^：:]*$/, "input.addresseeColon").optional(),
    /** 签发: the content hash the signer was shown; the text must still be that text */
    contentHash: line().regex(/^[0-9a-f]{64}$/, "input.contentHashFormat").optional(),
  })
  .strict()
  .refine((v) => v.action !== "return" || (v.reason ?? "").length > 0, { path: ["reason"], message: "input.returnReasonRequired" })
  .refine((v) => v.action !== "checkPass" || (v.opinion ?? "").length > 0, { path: ["opinion"], message: "input.checkOpinionRequired" })
  .refine((v) => v.action !== "signOff" || (v.opinion ?? "").length > 0, { path: ["opinion"], message: "input.signOpinionRequired" })
  .refine((v) => !v.ink?.length || v.action === "checkPass" || v.action === "signOff", { path: ["ink"], message: "input.inkInvalid" })
  .refine((v) => v.action !== "publish" || (v.secrecyReviewer ?? "").length > 0, { path: ["secrecyReviewer"], message: "input.secrecyReviewerRequired" })
  .refine((v) => v.action !== "publish" || (v.secrecyResult ?? "").length > 0, { path: ["secrecyResult"], message: "input.secrecyResultRequired" });

export const nextNumberSchema = z
  .object({ year: z.number().int().min(2000).max(2100), next: z.number().int("input.numberWhole").min(1, "input.numberMin").max(1_000_000) })
  .strict();

export const submitAllMineSchema = z.object({ reportId: id }).strict();

export type SectionTransitionInput = z.input<typeof sectionTransitionSchema>;
export type ReportTransitionInput = z.input<typeof reportTransitionSchema>;
export type SubmitAllMineInput = z.input<typeof submitAllMineSchema>;
export type NextNumberInput = z.input<typeof nextNumberSchema>;
