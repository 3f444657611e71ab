// The 发文稿纸's facts from the record: the report's fields and its steps in the audit trail.
import "server-only";
import type { Db } from "../db/client";
import { chinaDateOf } from "../core/dates";
import { asJointIssuers } from "../core/offices/schemas";
import type { FormStep, IssueFormInput } from "../core/export/issue-form";
import { marksOfSteps } from "../marks/step-marks";

/** The last time each step happened is the one the form shows (a step redone after a return replaces the earlier one). */
export async function issueFormInput(db: Db, reportId: string): Promise<IssueFormInput> {
  const report = await db.report.findUniqueOrThrow({ where: { id: reportId }, include: { office: true, createdBy: true } });
  const events = await db.auditEvent.findMany({
    where: { objectType: "report", objectId: reportId, action: { in: ["report.submitForCheck", "report.checkPass", "report.signOff"] } },
    orderBy: { seq: "asc" },
  });
  const users = await db.user.findMany({ where: { id: { in: events.map((e) => e.actorId).filter((x): x is string => !!x) } }, select: { id: true, displayName: true } });
  const marks = await marksOfSteps(db, events.map((e) => e.seq));
  const stepOf = (action: string): FormStep | undefined => {
    const e = events.filter((x) => x.action === action).at(-1);
    if (!e) return undefined;
    const detail = e.detail ? (JSON.parse(e.detail) as { opinion?: unknown }) : {};
    const ink = marks.get(e.seq);
    return {
      person: users.find((u) => u.id === e.actorId)?.displayName ?? e.actorName ?? "",
      date: chinaDateOf(e.at),
      ...(typeof detail.opinion === "string" ? { opinion: detail.opinion } : {}),
      ...(ink ? { ink } : {}),
    };
  };
  const submitted = stepOf("report.submitForCheck");
  const joint = asJointIssuers(report.office.jointIssuers) ?? [];
  return {
    issuer: [...joint.map((j) => j.fullName), report.issuer ?? report.office.fullName].join("、"),
    ...(report.docNumber ? { docNumber: report.docNumber } : {}),
    title: report.title,
    ...(report.addressee ? { addressee: report.addressee } : {}),
    ...(report.copyTo ? { copyTo: report.copyTo } : {}),
    ...(report.copies ? { copies: report.copies } : {}),
    // 拟稿: who sent the text to 核稿 (else who started it), for the office, on that day.
    draft: { person: submitted?.person ?? report.createdBy?.displayName ?? "", unit: report.office.fullName, ...(submitted?.date ? { date: submitted.date } : {}) },
    check: stepOf("report.checkPass"),
    // A joint document: each other issuing office countersigns; the system records no per-office step, so the row is signed on paper.
    countersign: joint.map((j) => ({ office: j.mark })),
    sign: stepOf("report.signOff"),
  };
}
