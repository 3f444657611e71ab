// The report's own data an administrator keeps: title, 主送机关, 抄送, 印数, due date.
import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { parseInput } from "../core/validation";
import { Conflict } from "../core/errors";
import { enforce } from "../policy/enforce";
import { reportPolicy } from "../core/policy/report";
import { loadVisibleReport } from "../policy/visibility";
import { isSigned } from "../core/workflow/statuses";
import { reportMetadataSchema, type ReportMetadataInput } from "./schemas";
import { calendarDay, isoOfCalendarDayOrNull } from "../core/dates";

export async function updateReportMetadata(db: Db, actor: Actor, raw: ReportMetadataInput, ip?: string) {
  const input = parseInput(reportMetadataSchema, raw);
  const { report, ancestors } = await loadVisibleReport(db, actor, input.reportId);
  await enforce(db, actor, reportPolicy({ actor, ancestors }, report, "editMetadata"), { type: "report", id: report.id, officeId: report.officeId });
  // After 签发 the title and 主送机关 belong to the signed text.
  if (isSigned(report.status) && (input.title !== report.title || (input.addressee || null) !== report.addressee)) {
    throw new Conflict("report.signedMetadata");
  }
  const data = {
    title: input.title,
    addressee: input.addressee || null,
    copyTo: input.copyTo || null,
    copies: input.copies ?? null,
    dueDate: calendarDay(input.dueDate),
  };
  await db.$transaction(async (tx) => {
    await tx.report.update({ where: { id: report.id }, data });
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, role: "admin", action: "report.metadata", objectType: "report",
      objectId: report.id, officeId: report.officeId, ip,
      detail: { before: { title: report.title, addressee: report.addressee, copyTo: report.copyTo, copies: report.copies, dueDate: isoOfCalendarDayOrNull(report.dueDate) }, after: { ...data, dueDate: input.dueDate } },
    });
  });
}
