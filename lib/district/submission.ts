// 报送 and 收文: the town sends its issued report up, as it was signed (number and content
// hash); the district 签收 it or 退回 it with a reason. A returned report is corrected
// through the town's own returns (印发 → 签发 → 核稿 …), signed and issued again — keeping
// its 发文字号, as every issue after a return does — and sent again: each sending is a
// row of its own, so the earlier version and the district's reason stay on record.
import "server-only";
import { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { recordAudit } from "../audit/record";
import { id, parseInput, text } from "../core/validation";
import { Conflict, NotFound } from "../core/errors";
import { enforce } from "../policy/enforce";
import { reportPolicy } from "../core/policy/report";
import { loadVisibleReport } from "../policy/visibility";
import { notify, mailNotices } from "../notify/service";
import { overseenDistricts, requireDistrict } from "./access";
import { modelOfReport } from "../export/service";
import { renderPdf } from "../export/pdf";

export const sendReportSchema = z.object({ reportId: id() }).strict();
export const decideSubmissionSchema = z
  .object({ submissionId: id(), action: z.enum(["receive", "reject"], { error: "input.unknownAction" }), reason: text().trim().max(2000, "input.reasonTooLong").optional() })
  .strict()
  .refine((v) => v.action !== "reject" || (v.reason ?? "").length > 0, { path: ["reason"], message: "input.returnReasonRequired" });
export type SendReportInput = z.input<typeof sendReportSchema>;
export type DecideSubmissionInput = z.input<typeof decideSubmissionSchema>;

/** What the send policy needs to know about a report: its latest sending and whether there is an office above. */
export async function sendingFacts(db: Db, report: { id: string; officeId: string }) {
  const [latest, office] = await Promise.all([
    db.reportSubmission.findFirst({ where: { reportId: report.id }, orderBy: { sentAt: "desc" }, omit: { pdf: true } }),
    db.office.findUniqueOrThrow({ where: { id: report.officeId }, select: { parentId: true } }),
  ]);
  return { submission: latest ? { status: latest.status, decidedAt: latest.decidedAt } : null, hasOfficeAbove: !!office.parentId, latest, parentId: office.parentId };
}

export async function sendReport(db: Db, actor: Actor, raw: SendReportInput, ip?: string) {
  const { reportId } = parseInput(sendReportSchema, raw);
  const { report, ancestors } = await loadVisibleReport(db, actor, reportId);
  const facts = await sendingFacts(db, report);
  await enforce(db, actor, reportPolicy({ actor, ancestors }, { ...report, ...facts }, "send"), { type: "report", id: report.id, officeId: report.officeId });
  // The issued PDF as it is sent: the district files exactly this, whatever changes later.
  const pdf = await renderPdf(await modelOfReport(db, report.id));
  const notices = await db.$transaction(async (tx) => {
    // One sending at a time, even from two clicks: the latest must still be what the policy saw.
    const latest = await tx.reportSubmission.findFirst({ where: { reportId: report.id }, orderBy: { sentAt: "desc" }, omit: { pdf: true } });
    if ((latest?.id ?? null) !== (facts.latest?.id ?? null) || (latest && latest.status !== "returned")) throw new Conflict("refusal.alreadySent");
    const sent = await tx.reportSubmission.create({
      data: { reportId: report.id, toOfficeId: facts.parentId!, docNumber: report.docNumber ?? "", contentHash: report.contentHash ?? "", pdf: new Uint8Array(pdf), sentById: actor.userId },
    });
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: "report.send", objectType: "report", objectId: report.id, officeId: report.officeId, ip,
      detail: { submissionId: sent.id, docNumber: sent.docNumber, contentHash: sent.contentHash, again: !!latest },
    });
    const above = await tx.membership.findMany({ where: { officeId: facts.parentId!, role: { in: ["admin", "reader"] }, user: { active: true } }, select: { userId: true } });
    return notify(tx, { userIds: above.map((m) => m.userId), kind: "report.sent", params: { title: report.title }, link: "/district/inbox" }, actor.userId);
  });
  await mailNotices(db, notices);
  return { status: "sent" as const };
}

export async function decideSubmission(db: Db, actor: Actor, raw: DecideSubmissionInput, ip?: string) {
  const input = parseInput(decideSubmissionSchema, raw);
  const district = await requireDistrict(db, actor);
  const submission = await db.reportSubmission.findUnique({ where: { id: input.submissionId }, include: { report: true }, omit: { pdf: true } });
  if (!submission || submission.toOfficeId !== district.id) throw new NotFound();
  const status = input.action === "receive" ? "received" : "returned";
  const notices = await db.$transaction(async (tx) => {
    const moved = await tx.reportSubmission.updateMany({
      where: { id: submission.id, status: "sent" },
      data: { status, decidedAt: new Date(), decidedById: actor.userId, reason: input.reason ?? null },
    });
    if (moved.count === 0) throw new Conflict("submission.decided");
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, action: input.action === "receive" ? "report.receive" : "report.reject", objectType: "report",
      objectId: submission.reportId, officeId: district.id, ip, detail: { submissionId: submission.id, reason: input.reason, docNumber: submission.docNumber },
    });
    const town = await tx.membership.findMany({ where: { officeId: submission.report.officeId, role: { in: ["admin", "reviewer"] }, user: { active: true } }, select: { userId: true } });
    return notify(tx, {
      userIds: town.map((m) => m.userId), kind: input.action === "receive" ? "report.received" : "report.rejected",
      params: { title: submission.report.title, district: district.name, reason: input.reason ?? "" }, link: `/reports/${submission.reportId}`,
    }, actor.userId);
  });
  await mailNotices(db, notices);
  return { status };
}

/** 收文: what the district has been sent, newest first, with its town. */
export async function districtInbox(db: Db, actor: Actor) {
  const district = await requireDistrict(db, actor);
  const rows = await db.reportSubmission.findMany({
    where: { toOfficeId: district.id },
    orderBy: { sentAt: "desc" },
    omit: { pdf: true },
    include: { report: { select: { id: true, title: true, year: true, office: { select: { name: true, code: true } } } } },
  });
  return { district, rows };
}

/** The PDF of one sending, for the district it went to and for the town that sent it. */
export async function submissionPdf(db: Db, actor: Actor, submissionId: string): Promise<{ pdf: Buffer; fileName: string }> {
  const submission = await db.reportSubmission.findUnique({ where: { id: submissionId }, include: { report: { select: { officeId: true, title: true } } } });
  if (!submission?.pdf) throw new NotFound();
  const districts = await overseenDistricts(db, actor);
  if (!districts.some((d) => d.id === submission.toOfficeId)) await loadVisibleReport(db, actor, submission.reportId);
  return { pdf: Buffer.from(submission.pdf), fileName: `${submission.docNumber}${submission.report.title}.pdf` };
}
