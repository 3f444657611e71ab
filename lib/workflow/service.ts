// Moving sections and reports through review, 核稿, 签发, 印发 and 公开. Each
// step: visible (else 404), allowed by the policy (lib/policy: state, permission,
// four eyes, all passed; a 403 is recorded), written with a status condition (so
// two clicks cannot both win), recorded, and notified.
import "server-only";
import type { Db, Tx } from "../db/client";
import type { Actor } from "../core/policy/actor";
import type { Prisma } from "../generated/sqlite/client";
import type { z } from "zod";
import { recordAudit } from "../audit/record";
import { markOf } from "../marks/step-marks";
import { parseInput } from "../core/validation";
import { Conflict, Invalid } from "../core/errors";
import { roleAllows, type Permission, type Role } from "../core/permissions";
import { translate } from "../core/i18n/messages";
import { enforce } from "../policy/enforce";
import { reportPolicy } from "../core/policy/report";
import { sectionFacts, sectionPolicy } from "../core/policy/section";
import { loadVisibleReport, loadVisibleSection } from "../policy/visibility";
import { calendarDay, todayInChina } from "../core/dates";
import { mailNotices, notify, sectionParams, usersWithRole } from "../notify/service";
import { REOPENABLE_SECTION_STATUSES, reportStep, sectionStep } from "../core/workflow/machine";
import { OPEN_SECTION_STATUSES, phaseOf, type ReportStatus } from "../core/workflow/statuses";
import { reportTransitionSchema, sectionTransitionSchema, submitAllMineSchema, type ReportTransitionInput, type SectionTransitionInput, type SubmitAllMineInput } from "./schemas";
import { contentHash } from "../core/export/content-hash";
import { formatDocNumber, takeNextNumber } from "./doc-number";
import { liveSections } from "../sections/queries";
import { withParagraphs } from "../core/text/paragraphs";
import { unpassedHeadings } from "../core/workflow/review-scope";
import { partsCheck, reportParts } from "../district/report-parts";

/** The actor's role that grants the permission there, for the record. */
function roleFor(actor: Actor, officeId: string, permission: Permission): Role | null {
  const roles = actor.memberships.filter((m) => m.officeId === officeId).map((m) => m.role);
  return roles.find((r) => roleAllows(r, permission)) ?? roles[0] ?? null;
}

const stale = () => new Conflict("error.stale");

export async function transitionSection(db: Db, actor: Actor, raw: SectionTransitionInput, ip?: string) {
  const input = parseInput(sectionTransitionSchema, raw);
  const { section, report, ancestors } = await loadVisibleSection(db, actor, input.sectionId);
  const object = { type: "section", id: section.id, officeId: report.officeId };

  const notices = await db.$transaction(async (tx) => {
    // Asked inside the transaction with the version in the write's condition: a save
    // between the question and the write (which would change who edited last) makes it stale.
    const last = input.action === "pass" ? await tx.sectionRevision.findFirst({ where: { sectionId: section.id }, orderBy: { version: "desc" } }) : null;
    const hasChildren = input.action === "submit" && (await tx.section.count({ where: { parentId: section.id, deletedAt: null } })) > 0;
    const pendingSuggestions = input.action === "pass" ? await tx.suggestion.count({ where: { sectionId: section.id, decision: null } }) : 0;
    await enforce(tx, actor, sectionPolicy({ actor, ancestors }, report, { ...sectionFacts(section, last?.authorId ?? null, hasChildren), pendingSuggestions }, input.action), object);
    const step = sectionStep(section.status, input.action)!;
    const moved = await tx.section.updateMany({ where: { id: section.id, status: section.status, version: section.version, deletedAt: null }, data: { status: step.to } });
    if (moved.count === 0) throw stale();
    if (input.action === "return") {
      await tx.comment.create({ data: { sectionId: section.id, authorId: actor.userId, body: `退回修改：${input.reason}` } });
    }
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, role: roleFor(actor, report.officeId, step.permission),
      action: `section.${input.action}`, objectType: "section", objectId: section.id, officeId: report.officeId, ip,
      detail: { before: section.status, after: step.to, heading: section.heading, reason: input.reason, reportId: report.id },
    });
    const link = `/reports/${report.id}/sections/${section.id}`;
    if (input.action === "submit") {
      return notify(tx, { userIds: await usersWithRole(tx, report.officeId, ["reviewer"]), kind: "section.submitted", params: sectionParams(section), link }, actor.userId);
    }
    if ((input.action === "pass" || input.action === "return") && section.ownerId) {
      return notify(tx, { userIds: [section.ownerId], kind: `section.${input.action}`, params: { ...sectionParams(section), reason: input.reason ?? "" }, link }, actor.userId);
    }
    return [];
  });
  await mailNotices(db, notices);
  return { status: sectionStep(section.status, input.action)!.to };
}

export async function transitionReport(db: Db, actor: Actor, raw: ReportTransitionInput, ip?: string) {
  const input = parseInput(reportTransitionSchema, raw);
  const { report, ancestors } = await loadVisibleReport(db, actor, input.reportId);
  const reopen = input.sectionIds ?? [];
  const sections = await liveSections(db, report.id);
  const unpassed = unpassedHeadings(sections);
  await enforce(db, actor, reportPolicy({ actor, ancestors }, { ...report, unpassed }, input.action), { type: "report", id: report.id, officeId: report.officeId });
  const step = reportStep(report.status, input.action, reopen.length > 0)!;
  const parts = input.action === "submitForCheck" || input.action === "signOff" ? partsCheck(await reportParts(db, report, sections), input.partsReason) : {};
  const office = await db.office.findUniqueOrThrow({ where: { id: report.officeId } });
  // 主送机关 before 签发: a report sent up is a 上行文, its header names the 签发人 (GB/T 9704 §7.2.4).
  const addressee = input.action === "signOff" ? (input.addressee ?? report.addressee ?? "").trim() : "";
  if (input.action === "signOff" && office.parentId && !addressee) {
    throw new Invalid("workflow.addresseeRequired", {}, { addressee: "workflow.addresseeField" });
  }
  if (reopen.length && phaseOf(report.status) !== "approval") throw new Invalid("workflow.reopenOnlyInApproval");
  if (reopen.length) {
    const bad = reopen.filter((id) => !sections.some((s) => s.id === id && REOPENABLE_SECTION_STATUSES.includes(s.status)));
    if (bad.length) throw new Invalid("workflow.reopenWrongSections");
  }

  const today = todayInChina();
  const notices = await db.$transaction(async (tx) => {
    const { data, docNumber, signedHash } = await reportChanges(tx, { actor, input, report, office, sections, addressee, today }, step.to);
    const moved = await tx.report.updateMany({ where: { id: report.id, status: report.status }, data });
    if (moved.count === 0) throw stale();
    if (reopen.length) await reopenSections(tx, actor, report.status, reopen, input.reason);
    const mark = input.ink?.length ? markOf(input.ink) : null;
    const seq = await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, role: roleFor(actor, report.officeId, step.permission),
      action: `report.${input.action}`, objectType: "report", objectId: report.id, officeId: report.officeId, ip,
      detail: {
        before: report.status, after: step.to, reason: input.reason, reopened: reopen.length ? reopen : undefined,
        docNumber: docNumber ?? undefined, contentHash: signedHash, opinion: input.opinion,
        addressee: input.action === "signOff" && addressee !== (report.addressee ?? "") ? { before: report.addressee, after: addressee || null } : undefined,
        ...parts,
        secrecy: input.action === "publish" ? { reviewer: input.secrecyReviewer, result: input.secrecyResult } : undefined,
        mark: mark?.summary,
      },
    });
    if (mark) await tx.stepMark.create({ data: { seq, reportId: report.id, strokes: mark.strokes } });
    const owners = sections.filter((s) => reopen.includes(s.id) && s.ownerId).map((s) => s.ownerId!);
    return noticesOfReportStep(tx, actor, report, input, { docNumber, owners });
  });
  await mailNotices(db, notices);
  return { status: step.to };
}

type ReportStepContext = {
  actor: Actor;
  input: z.output<typeof reportTransitionSchema>;
  report: Awaited<ReturnType<typeof loadVisibleReport>>["report"];
  office: { id: string; fullName: string; docCodePrefix: string };
  sections: Awaited<ReturnType<typeof liveSections>>;
  /** the 主送机关 a 签发 writes ("" for none) */
  addressee: string;
  /** the China date of the step (YYYY-MM-DD) */
  today: string;
};

/** What the step writes on the report besides its new status: the signature, the 发文字号, the publication, or their undoing. */
async function reportChanges(tx: Tx, c: ReportStepContext, to: ReportStatus) {
  const { actor, input, report, office, sections, addressee, today } = c;
  const data: Prisma.ReportUpdateManyMutationInput = { status: to };
  let docNumber: string | null = null;
  let signedHash: string | undefined;
  if (input.action === "signOff") {
    signedHash = contentHash(report.title, sections);
    if (input.contentHash && input.contentHash !== signedHash) throw new Conflict("workflow.contentChanged");
    data.contentHash = signedHash;
    data.signerName = actor.displayName;
    data.signedAt = new Date();
    data.writtenDate = calendarDay(today); // 成文日期 is the day the leader signs
    data.signatory = report.signatory ?? office.fullName;
    data.addressee = addressee || null;
  }
  if (input.action === "issue") {
    // A number once given is never reused: an issue after a return keeps it.
    const issueYear = Number(today.slice(0, 4));
    docNumber = report.docNumber ?? formatDocNumber(office.docCodePrefix, issueYear, await takeNextNumber(tx, office.id, issueYear));
    data.docNumber = docNumber;
    data.issueDate = calendarDay(today);
    data.issuer = report.issuer ?? office.fullName;
    if (input.copyTo !== undefined) data.copyTo = input.copyTo || null;
    if (input.copies !== undefined) data.copies = input.copies;
  }
  if (input.action === "publish") {
    data.publishedAt = new Date();
    data.secrecyReviewer = input.secrecyReviewer;
    data.secrecyResult = input.secrecyResult;
    data.secrecyReviewedAt = new Date();
  }
  if (input.action === "return" && report.status === "signed") {
    data.contentHash = null;
    data.signerName = null;
    data.signedAt = null;
  }
  if (input.action === "return" && report.status === "published") data.publishedAt = null;
  return { data, docNumber, signedHash };
}

/** A return from 核稿 or 待签发 that names sections: they go back to their drafters, each with the reason as a comment. */
async function reopenSections(tx: Tx, actor: Actor, from: ReportStatus, ids: string[], reason: string | undefined) {
  await tx.section.updateMany({ where: { id: { in: ids } }, data: { status: "returned" } });
  const stage = translate("zh", `report.status.${from}`);
  for (const id of ids) await tx.comment.create({ data: { sectionId: id, authorId: actor.userId, body: `${stage}退回：${reason}` } });
}

/** Who hears of the step: the next role in line, or for a return the owners of the reopened sections and the reviewers. */
async function noticesOfReportStep(tx: Tx, actor: Actor, report: ReportStepContext["report"], input: ReportStepContext["input"], after: { docNumber: string | null; owners: string[] }) {
  const link = `/reports/${report.id}`;
  const who = async (roles: Parameters<typeof usersWithRole>[2]) => usersWithRole(tx, report.officeId, roles);
  switch (input.action) {
    case "submitForCheck":
      return notify(tx, { userIds: await who(["reviewer"]), kind: "report.checking", params: { title: report.title }, link }, actor.userId);
    case "checkPass":
      return notify(tx, { userIds: await who(["approver"]), kind: "report.awaiting", params: { title: report.title }, link }, actor.userId);
    case "signOff":
      return notify(tx, { userIds: await who(["admin", "reviewer"]), kind: "report.signed", params: { title: report.title }, link }, actor.userId);
    case "issue":
      return notify(tx, { userIds: await who(["drafter", "reviewer", "approver", "admin"]), kind: "report.issued", params: { title: report.title, docNumber: after.docNumber ?? "" }, link }, actor.userId);
    case "publish":
      return notify(tx, { userIds: await who(["admin", "reviewer"]), kind: "report.published", params: { title: report.title }, link }, actor.userId);
    default:
      return notify(tx, { userIds: [...after.owners, ...(await who(["reviewer"]))], kind: "report.returned", params: { title: report.title, reason: input.reason ?? "" }, link }, actor.userId);
  }
}

/** 提交审核 for every section the actor owns that has text and can be submitted. */
export async function submitAllMine(db: Db, actor: Actor, raw: SubmitAllMineInput, ip?: string) {
  const { reportId } = parseInput(submitAllMineSchema, raw);
  const { report } = await loadVisibleReport(db, actor, reportId);
  const mine = await db.section.findMany({
    where: { reportId: report.id, ownerId: actor.userId, deletedAt: null, status: { in: OPEN_SECTION_STATUSES } },
  });
  let submitted = 0;
  const skipped: string[] = [];
  for (const s of mine) {
    if (!sectionFacts(withParagraphs(s)).hasText) {
      skipped.push(s.heading);
      continue;
    }
    await transitionSection(db, actor, { sectionId: s.id, action: "submit" }, ip);
    submitted += 1;
  }
  return { submitted, skipped };
}
