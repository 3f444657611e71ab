// A district's settings for a report year, with the defaults where it has set nothing.
import "server-only";
import { z } from "zod";
import type { Db, DbOrTx } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { line, parseInput, text } from "../core/validation";
import { calendarDay, isoOfCalendarDay } from "../core/dates";
import { DEFAULT_PARTS, parsePartsText, type RequiredPart } from "../core/district/required-parts";
import { Invalid } from "../core/errors";
import { defaultPublishDue, defaultSubmitDue } from "./calendar";
import { requireDistrict } from "./access";

export interface YearSettings {
  year: number;
  submitDue: string;
  publishDue: string;
  parts: RequiredPart[];
  similarityThreshold: number;
  /** the outline handed to the towns, or null */
  template: string | null;
}

export async function yearSettings(db: DbOrTx, districtId: string, year: number): Promise<YearSettings> {
  const row = await db.districtYear.findUnique({ where: { officeId_year: { officeId: districtId, year } } });
  return {
    year,
    submitDue: row ? isoOfCalendarDay(row.submitDue) : defaultSubmitDue(year),
    publishDue: row ? isoOfCalendarDay(row.publishDue) : defaultPublishDue(year),
    parts: row ? (row.parts as unknown as RequiredPart[]) : [...DEFAULT_PARTS],
    similarityThreshold: row?.similarityThreshold ?? 0.6,
    template: row?.template ?? null,
  };
}

const day = line().regex(/^\d{4}-\d{2}-\d{2}$/, "input.dateFormat");
export const yearSettingsSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    submitDue: day,
    publishDue: day,
    similarityThreshold: z.number().min(0.1, "input.thresholdRange").max(1, "input.thresholdRange"),
    /** the outline for the towns: one heading a line, numbered 一、/（一） as in a report */
    template: text().max(5000, "input.templateTooLong").optional(),
    /** the required parts, one a line: 名称｜关键词、关键词｜必需/可选 */
    partsText: text().max(3000, "input.partsTooLong").optional(),
  })
  .strict();
export type YearSettingsInput = z.input<typeof yearSettingsSchema>;

/** The district sets its deadlines, the parts it requires, its flag for copied text and the outline it hands down. */
export async function saveYearSettings(db: Db, actor: Actor, raw: YearSettingsInput, ip?: string) {
  const input = parseInput(yearSettingsSchema, raw);
  const district = await requireDistrict(db, actor);
  const parsedParts = input.partsText === undefined ? null : parsePartsText(input.partsText);
  if (parsedParts && "error" in parsedParts) throw new Invalid(parsedParts.error.key, parsedParts.error.params);
  const data = { submitDue: calendarDay(input.submitDue), publishDue: calendarDay(input.publishDue), similarityThreshold: input.similarityThreshold, template: input.template?.trim() || null };
  await db.$transaction(async (tx) => {
    const current = await yearSettings(tx, district.id, input.year);
    await tx.districtYear.upsert({
      where: { officeId_year: { officeId: district.id, year: input.year } },
      create: { officeId: district.id, year: input.year, parts: (parsedParts?.parts ?? current.parts) as unknown as object, ...data },
      update: { ...data, ...(parsedParts ? { parts: parsedParts.parts as unknown as object } : {}) },
    });
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "district.settings", objectType: "office", objectId: district.id,
      officeId: district.id, ip, detail: { year: input.year, before: { submitDue: current.submitDue, publishDue: current.publishDue }, after: input },
    });
  });
}
