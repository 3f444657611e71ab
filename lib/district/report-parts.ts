// A report's required parts as its district asks for them that year: which it has, which
// are missing or empty. 提交核稿 and 签发 go on past a missing part only with a stated reason.
import "server-only";
import { z } from "zod";
import type { Db, DbOrTx } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { id, line, parseInput, text } from "../core/validation";
import { Conflict, Invalid } from "../core/errors";
import { enforce } from "../policy/enforce";
import { reportPolicy } from "../core/policy/report";
import { loadVisibleReport } from "../policy/visibility";
import { hasOwnText } from "../core/workflow/review-scope";
import { DEFAULT_PARTS, matchParts, missingParts, type PartMatch, type TopSection } from "../core/district/required-parts";
import { yearSettings } from "./year";

interface Row { id: string; parentId: string | null; kind: string; heading: string; position: number; content: readonly { text: string }[] }

export function topSectionsOf(rows: readonly Row[]): TopSection[] {
  const under = (id: string): Row[] => rows.filter((s) => s.parentId === id).flatMap((c) => [c, ...under(c.id)]);
  return rows
    .filter((s) => s.parentId === null && s.kind === "heading")
    .sort((a, b) => a.position - b.position)
    .map((s) => ({ id: s.id, heading: s.heading, hasText: [s, ...under(s.id)].some(hasOwnText) }));
}

/**
 * The parts the office above requires for the year (the regulation's five where there is none).
 * `parentId`: the office above, when the caller has it already.
 */
export async function reportParts(db: DbOrTx, report: { officeId: string; year: number; partMapping: unknown; partsSharedReason: string | null }, rows: readonly Row[], parentId?: string | null): Promise<PartMatch[]> {
  const above = parentId !== undefined ? parentId : (await db.office.findUnique({ where: { id: report.officeId }, select: { parentId: true } }))?.parentId ?? null;
  const parts = above ? (await yearSettings(db, above, report.year)).parts : [...DEFAULT_PARTS];
  return matchParts(topSectionsOf(rows), parts, (report.partMapping ?? {}) as Record<string, string>, report.partsSharedReason);
}

/** Refuses a step past missing parts unless a reason is given; returns what to record. */
export function partsCheck(matches: readonly PartMatch[], reason: string | undefined): { missingParts?: string[]; partsReason?: string } {
  const missing = missingParts(matches);
  if (!missing.length) return {};
  if (!reason) throw new Conflict("report.partsMissing", { parts: { listed: missing } });
  return { missingParts: missing, partsReason: reason };
}

export const partMappingSchema = z
  .object({ reportId: id(), partKey: line().min(1).max(32), sectionId: id().nullable() })
  .strict();
export type PartMappingInput = z.input<typeof partMappingSchema>;

/** A town maps a required part to the first-level section that covers it in its own words. */
export async function setPartMapping(db: Db, actor: Actor, raw: PartMappingInput, ip?: string) {
  const input = parseInput(partMappingSchema, raw);
  const { report, ancestors } = await loadVisibleReport(db, actor, input.reportId);
  await enforce(db, actor, reportPolicy({ actor, ancestors }, report, "changeStructure"), { type: "report", id: report.id, officeId: report.officeId });
  if (input.sectionId && !(await db.section.findFirst({ where: { id: input.sectionId, reportId: report.id, parentId: null, deletedAt: null } }))) {
    throw new Invalid("district.partMappingTopOnly");
  }
  const mapping = { ...((report.partMapping ?? {}) as Record<string, string>) };
  if (input.sectionId) mapping[input.partKey] = input.sectionId;
  else delete mapping[input.partKey];
  await db.$transaction(async (tx) => {
    await tx.report.update({ where: { id: report.id }, data: { partMapping: mapping } });
    await recordAudit(tx, { actorId: actor.userId, actorName: actor.username, action: "report.parts", objectType: "report", objectId: report.id, officeId: report.officeId, ip, detail: { partKey: input.partKey, sectionId: input.sectionId } });
  });
}

export const partsSharedReasonSchema = z
  .object({ reportId: id(), reason: text().trim().max(500, "input.sharedReasonTooLong") })
  .strict();
export type PartsSharedReasonInput = z.input<typeof partsSharedReasonSchema>;

/** The town states why one of its sections covers several required parts (empty: it no longer does). */
export async function setPartsSharedReason(db: Db, actor: Actor, raw: PartsSharedReasonInput, ip?: string) {
  const input = parseInput(partsSharedReasonSchema, raw);
  const { report, ancestors } = await loadVisibleReport(db, actor, input.reportId);
  await enforce(db, actor, reportPolicy({ actor, ancestors }, report, "changeStructure"), { type: "report", id: report.id, officeId: report.officeId });
  const reason = input.reason || null;
  await db.$transaction(async (tx) => {
    await tx.report.update({ where: { id: report.id }, data: { partsSharedReason: reason } });
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "report.partsShared", objectType: "report", objectId: report.id, officeId: report.officeId, ip,
      detail: { before: report.partsSharedReason, after: reason },
    });
  });
}
