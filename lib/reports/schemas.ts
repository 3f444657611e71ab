import { z } from "zod";
import { id, line, text, visible } from "../core/validation";
import { MAX_REPORT_CHARS } from "../sections/limits";

/** An imported text: the report's limit and room for its headings and the lines around the text. */
const IMPORT_TEXT_LIMIT = Math.round(MAX_REPORT_CHARS * 1.2);
const IMPORT_TOO_LONG = `导入的文字过长（最多 ${IMPORT_TEXT_LIMIT.toLocaleString("en")} 个字符）。`;

const year = z.number({ error: "请用数字填写年度，如 2025。" }).int("年度须为整数。").min(2000, "年度不早于 2000 年。").max(2100, "年度不晚于 2100 年。");

/** The drafter who owns every section that has no owner yet (all of a new or imported report; last year's carry over). */
const ownerId = id().nullable().optional();

export const createReportSchema = z.discriminatedUnion(
  "source",
  [
    z
      .object({
        source: z.literal("template"),
        year,
        themes: z.array(line().trim().min(1, "主题不能为空。").max(100, "主题最多 100 个字符。").check(visible)).max(12, "主题最多 12 个。"),
        includeOther: z.boolean(),
        ownerId,
      })
      .strict(),
    z.object({ source: z.literal("lastYear"), year, sourceReportId: id(), ownerId }).strict(),
    /** the outline the district handed its towns for the year */
    z.object({ source: z.literal("district"), year, ownerId }).strict(),
    z
      .object({
        source: z.literal("import"),
        year,
        text: text().min(1, "没有可导入的文字。").max(IMPORT_TEXT_LIMIT, IMPORT_TOO_LONG),
        ownerId,
      })
      .strict(),
  ],
  { error: "请选择创建方式。" },
);
export type CreateReportInput = z.input<typeof createReportSchema>;

export const importPreviewSchema = z
  .object({ text: text().min(1, "请粘贴报告文字或选择 Word 文件。").max(IMPORT_TEXT_LIMIT, IMPORT_TOO_LONG) })
  .strict();

export const reportMetadataSchema = z
  .object({
    reportId: id(),
    title: line().trim().min(1, "请输入标题。").max(200, "标题最多 200 个字符。").check(visible),
    addressee: line().trim().max(100, "主送机关最多 100 个字符。").regex(/^[^：:]*$/, "主送机关不必带冒号，导出时会自动加上。"),
    copyTo: line().trim().max(200, "抄送最多 200 个字符。"),
    copies: z.number().int("印数须为整数。").min(1, "印数至少为 1。").max(100_000).nullable(),
    dueDate: line().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD。"),
  })
  .strict();

export type ImportPreviewInput = z.input<typeof importPreviewSchema>;
export type ReportMetadataInput = z.input<typeof reportMetadataSchema>;
