import { z } from "zod";
import { id, line, text, visible } from "../core/validation";
import { MAX_REPORT_CHARS } from "../sections/limits";

/** An imported text: the report's limit and room for its headings and the lines around the text. */
const IMPORT_TEXT_LIMIT = Math.round(MAX_REPORT_CHARS * 1.2);
const IMPORT_TOO_LONG = "input.importTooLong";

const year = z.number({ error: "input.yearNumber" }).int("input.yearWhole").min(2000, "input.yearMin").max(2100, "input.yearMax");

/** The drafter who owns every section that has no owner yet (all of a new or imported report; last year's carry over). */
const ownerId = id().nullable().optional();

export const createReportSchema = z.discriminatedUnion(
  "source",
  [
    z
      .object({
        source: z.literal("template"),
        year,
        themes: z.array(line().trim().min(1, "input.themeRequired").max(100, "input.themeTooLong").check(visible)).max(12, "input.themesMax"),
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
        text: text().min(1, "input.importEmpty").max(IMPORT_TEXT_LIMIT, IMPORT_TOO_LONG),
        ownerId,
      })
      .strict(),
  ],
  { error: "input.sourceRequired" },
);
export type CreateReportInput = z.input<typeof createReportSchema>;

export const importPreviewSchema = z
  .object({ text: text().min(1, "input.importPasteRequired").max(IMPORT_TEXT_LIMIT, IMPORT_TOO_LONG) })
  .strict();

export const reportMetadataSchema = z
  .object({
    reportId: id(),
    title: line().trim().min(1, "input.titleRequired").max(200, "input.titleTooLong").check(visible),
    addressee: line().trim().max(100, "input.addresseeTooLong").regex(/^[^：:]*$/, "input.addresseeColon"),
    copyTo: line().trim().max(200, "input.copyToTooLong"),
    copies: z.number().int("input.copiesWhole").min(1, "input.copiesMin").max(100_000).nullable(),
    dueDate: line().regex(/^\d{4}-\d{2}-\d{2}$/, "input.dateFormat"),
  })
  .strict();

export type ImportPreviewInput = z.input<typeof importPreviewSchema>;
export type ReportMetadataInput = z.input<typeof reportMetadataSchema>;
