import { z } from "zod";
import { id as idOf, line, text, visible } from "../core/validation";
import { REPORT_ACTIONS, SECTION_ACTIONS } from "../core/workflow/machine";

const id = idOf();
// Reasons and opinions are read by the next person: blank or only U+200B says nothing.
const reason = text().trim().check(visible).max(2000, "理由最多 2000 个字符。");

export const sectionTransitionSchema = z
  .object({ sectionId: id, action: z.enum(SECTION_ACTIONS, { error: "未知的操作。" }), reason: reason.optional() })
  .strict()
  .refine((v) => v.action !== "return" || (v.reason ?? "").length > 0, { path: ["reason"], message: "退回修改必须填写理由。" });

export const reportTransitionSchema = z
  .object({
    reportId: id,
    action: z.enum(REPORT_ACTIONS, { error: "未知的操作。" }),
    reason: reason.optional(),
    /** sections a return from 核稿 or 签发 reopens */
    sectionIds: z.array(id).max(500).optional(),
    /** 印发: 版记 data */
    copyTo: line().trim().max(200, "抄送最多 200 个字符。").optional(),
    copies: z.number().int("印数须为整数。").min(1, "印数至少为 1。").max(100_000).nullable().optional(),
    /** 核稿意见 (核稿通过) or 签发意见 (签发): recorded in the audit and the 签发单 */
    opinion: text().trim().check(visible).max(500, "意见最多 500 个字符。").optional(),
    /** 提交核稿 and 签发 past a missing required part: why */
    partsReason: text().trim().check(visible).max(500, "缺项说明最多 500 个字符。").optional(),
    /** 公开: the 保密审查 — who checked the text for secrets, and the result as written */
    secrecyReviewer: line().trim().check(visible).max(40, "审查人最多 40 个字符。").optional(),
    secrecyResult: line().trim().check(visible).max(200, "审查结论最多 200 个字符。").optional(),
    /** 签发: the 主送机关 as the signer confirms it (a report sent up is a 上行文: the header names its 签发人) */
    addressee: line().trim().max(100, "主送机关最多 100 个字符。").regex(/^[^：:]*$/, "主送机关不必带冒号，导出时会自动加上。").optional(),
    /** 签发: the content hash the signer was shown; the text must still be that text */
    contentHash: line().regex(/^[0-9a-f]{64}$/, "内容指纹格式不正确。").optional(),
  })
  .strict()
  .refine((v) => v.action !== "return" || (v.reason ?? "").length > 0, { path: ["reason"], message: "退回必须填写理由。" })
  .refine((v) => v.action !== "checkPass" || (v.opinion ?? "").length > 0, { path: ["opinion"], message: "核稿通过须填写核稿意见。" })
  .refine((v) => v.action !== "signOff" || (v.opinion ?? "").length > 0, { path: ["opinion"], message: "签发须填写签发意见（例如“同意印发。”）。" })
  .refine((v) => v.action !== "publish" || (v.secrecyReviewer ?? "").length > 0, { path: ["secrecyReviewer"], message: "公开前须经保密审查：请填写审查人。" })
  .refine((v) => v.action !== "publish" || (v.secrecyResult ?? "").length > 0, { path: ["secrecyResult"], message: "公开前须经保密审查：请填写审查结论。" });

export const nextNumberSchema = z
  .object({ year: z.number().int().min(2000).max(2100), next: z.number().int("序号须为整数。").min(1, "序号从 1 开始。").max(1_000_000) })
  .strict();

export const submitAllMineSchema = z.object({ reportId: id }).strict();

export type SectionTransitionInput = z.input<typeof sectionTransitionSchema>;
export type ReportTransitionInput = z.input<typeof reportTransitionSchema>;
export type SubmitAllMineInput = z.input<typeof submitAllMineSchema>;
export type NextNumberInput = z.input<typeof nextNumberSchema>;
