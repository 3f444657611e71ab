// The report's own data an administrator keeps: title, 主送机关, 抄送, 印数, due date.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { AccessError, requirePermission } from "../auth/guard";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { loadVisibleReport } from "../sections/load";
import { FROZEN_STATUSES } from "../workflow/machine";
import { reportMetadataSchema } from "./schemas";
import { dateOf, isoOrNull } from "./deadline";

export async function updateReportMetadata(db: Db, actor: Actor, raw: unknown, ip?: string) {
  const input = parseInput(reportMetadataSchema, raw);
  const { report } = await loadVisibleReport(db, actor, input.reportId);
  await requirePermission(db, actor, report.officeId, "report.editMetadata", { type: "report", id: report.id });
  // An issued document is what it is; after 签发 the title and 主送机关 belong to the signed text.
  if (report.status === "issued" || report.status === "published") throw new AccessError(409, "报告已印发，报告信息不能再修改。");
  if ((FROZEN_STATUSES as readonly string[]).includes(report.status) && (input.title !== report.title || (input.addressee || null) !== report.addressee)) {
    throw new AccessError(409, "报告已签发，标题和主送机关不能再修改。");
  }
  const data = {
    title: input.title,
    addressee: input.addressee || null,
    copyTo: input.copyTo || null,
    copies: input.copies ?? null,
    dueDate: dateOf(input.dueDate),
  };
  await db.$transaction(async (tx) => {
    await tx.report.update({ where: { id: report.id }, data });
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, role: "admin", action: "report.metadata", objectType: "report",
      objectId: report.id, officeId: report.officeId, ip,
      detail: { before: { title: report.title, addressee: report.addressee, copyTo: report.copyTo, copies: report.copies, dueDate: isoOrNull(report.dueDate) }, after: { ...data, dueDate: input.dueDate } },
    });
  });
}
