// Moving sections and reports through review, 核稿, 签发, 印发 and 公开. Each
// step: visible (else 404), allowed by the state machine (else 409), permitted
// (else 403, recorded), guarded (four-eyes, all passed, reasons), written with a
// status condition (so two clicks cannot both win), recorded, and notified.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { AccessError, requirePermission } from "../auth/guard";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { roleAllows, type Permission, type Role } from "../permissions";
import { reportStatusLabel, sectionStatusLabel } from "../reports/status";
import { loadVisibleReport, loadVisibleSection, refuse } from "../sections/load";
import { dateOf, todayInChina } from "../reports/deadline";
import { mailNotices, notify, usersWithRole } from "../notify/service";
import { REOPENABLE_SECTION_STATUSES, REPORT_ACTION_LABELS, SECTION_ACTION_LABELS, reportStep, sectionStep } from "./machine";
import { reportTransitionSchema, sectionTransitionSchema } from "./schemas";
import { contentHash } from "./content-hash";
import { formatDocNumber, takeNextNumber } from "./doc-number";
import { liveSections } from "../reports/queries";
import { asParagraphs } from "../sections/paragraphs";

const hasText = (content: unknown) => asParagraphs(content).some((p) => p.text.trim());

/** The actor's role that grants the permission there, for the record. */
export function roleFor(actor: Actor, officeId: string, permission: Permission): Role | null {
  const roles = actor.memberships.filter((m) => m.officeId === officeId).map((m) => m.role);
  return roles.find((r) => roleAllows(r, permission)) ?? roles[0] ?? null;
}

const stale = () => new AccessError(409, "状态已被他人改变，请刷新页面后再试。");

export async function transitionSection(db: Db, actor: Actor, raw: unknown, ip?: string) {
  const input = parseInput(sectionTransitionSchema, raw);
  const { section, report } = await loadVisibleSection(db, actor, input.sectionId);
  const label = SECTION_ACTION_LABELS[input.action];
  if (section.deletedAt) throw new AccessError(409, "此章节已被删除。");
  if (report.status !== "drafting") throw new AccessError(409, `报告已进入“${reportStatusLabel(report.status, "zh")}”阶段，章节不能再${label}。`);
  const step = sectionStep(section.status, input.action);
  if (!step) throw new AccessError(409, `此章节当前为“${sectionStatusLabel(section.status, "zh")}”，不能${label}。`);
  await requirePermission(db, actor, report.officeId, step.permission, { type: "section", id: section.id });

  if ((input.action === "submit" || input.action === "withdraw") && section.ownerId !== actor.userId) {
    await refuse(db, actor, { status: 403, message: `只有章节负责人可以${label}。` }, { type: "section", id: section.id, officeId: report.officeId });
  }
  if (input.action === "submit" && !hasText(section.content)) throw new AccessError(409, "章节正文为空，不能提交审核。");
  if (input.action === "pass") {
    const last = await db.sectionRevision.findFirst({ where: { sectionId: section.id }, orderBy: { version: "desc" } });
    if (last?.authorId === actor.userId) {
      throw new AccessError(409, "此章节最后一次修改是您做的，按双人复核要求，须由另一位核稿人审核通过。");
    }
  }

  const notices = await db.$transaction(async (tx) => {
    const moved = await tx.section.updateMany({ where: { id: section.id, status: section.status, deletedAt: null }, data: { status: step.to } });
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
      return notify(tx, { userIds: await usersWithRole(tx, report.officeId, ["reviewer"]), kind: "section.submitted", message: `章节“${section.heading}”已提交审核`, link }, actor.userId);
    }
    if ((input.action === "pass" || input.action === "return") && section.ownerId) {
      const message = input.action === "pass" ? `您的章节“${section.heading}”已审核通过` : `您的章节“${section.heading}”被退回修改：${input.reason}`;
      return notify(tx, { userIds: [section.ownerId], kind: `section.${input.action}`, message, link }, actor.userId);
    }
    return [];
  });
  await mailNotices(db, notices);
  return { status: step.to };
}


export async function transitionReport(db: Db, actor: Actor, raw: unknown, ip?: string) {
  const input = parseInput(reportTransitionSchema, raw);
  const { report } = await loadVisibleReport(db, actor, input.reportId);
  const reopen = input.sectionIds ?? [];
  const step = reportStep(report.status, input.action, reopen.length > 0);
  const label = REPORT_ACTION_LABELS[input.action];
  if (!step) throw new AccessError(409, `报告当前为“${reportStatusLabel(report.status, "zh")}”，不能${label}。`);
  await requirePermission(db, actor, report.officeId, step.permission, { type: "report", id: report.id });
  const office = await db.office.findUniqueOrThrow({ where: { id: report.officeId } });
  const sections = await liveSections(db, report.id);

  if (input.action === "submitForCheck") {
    const open = sections.filter((s) => s.status !== "passed");
    if (open.length) {
      throw new AccessError(409, `还有 ${open.length} 个章节未审核通过（${open.slice(0, 3).map((s) => `“${s.heading}”`).join("、")}${open.length > 3 ? "等" : ""}），不能提交核稿。`);
    }
  }
  if (reopen.length) {
    const bad = reopen.filter((id) => !sections.some((s) => s.id === id && REOPENABLE_SECTION_STATUSES.includes(s.status as never)));
    if (bad.length) throw new AccessError(400, "要退回的章节不属于此报告，或不能退回。");
  }

  const today = todayInChina();
  const notices = await db.$transaction(async (tx) => {
    const data: Record<string, unknown> = { status: step.to };
    let docNumber: string | null = null;
    if (input.action === "signOff") {
      data.contentHash = contentHash(report.title, sections);
      data.signerName = actor.displayName;
      data.signedAt = new Date();
      data.writtenDate = dateOf(today); // 成文日期 is the day the leader signs
      data.signatory = report.signatory ?? office.fullName;
    }
    if (input.action === "issue") {
      // A number once given is never reused: an issue after a return keeps it.
      const issueYear = Number(today.slice(0, 4));
      docNumber = report.docNumber ?? formatDocNumber(office.docCodePrefix, issueYear, await takeNextNumber(tx, office.id, issueYear));
      Object.assign(data, {
        docNumber, issueDate: dateOf(today), issuer: report.issuer ?? office.fullName,
        ...(input.copyTo !== undefined ? { copyTo: input.copyTo || null } : {}),
        ...(input.copies !== undefined ? { copies: input.copies } : {}),
      });
    }
    if (input.action === "publish") data.publishedAt = new Date();
    if (input.action === "return" && report.status === "signed") Object.assign(data, { contentHash: null, signerName: null, signedAt: null });
    if (input.action === "return" && report.status === "published") data.publishedAt = null;

    const moved = await tx.report.updateMany({ where: { id: report.id, status: report.status }, data });
    if (moved.count === 0) throw stale();
    if (reopen.length) {
      await tx.section.updateMany({ where: { id: { in: reopen } }, data: { status: "returned" } });
      for (const id of reopen) await tx.comment.create({ data: { sectionId: id, authorId: actor.userId, body: `${reportStatusLabel(report.status, "zh")}退回：${input.reason}` } });
    }
    await recordAudit(tx, {
      actorId: actor.userId, actorName: actor.username, role: roleFor(actor, report.officeId, step.permission),
      action: `report.${input.action}`, objectType: "report", objectId: report.id, officeId: report.officeId, ip,
      detail: {
        before: report.status, after: step.to, reason: input.reason, reopened: reopen.length ? reopen : undefined,
        docNumber: docNumber ?? undefined, contentHash: data.contentHash ?? undefined,
      },
    });
    const link = `/reports/${report.id}`;
    const who = async (roles: Parameters<typeof usersWithRole>[2]) => usersWithRole(tx, report.officeId, roles);
    switch (input.action) {
      case "submitForCheck":
        return notify(tx, { userIds: await who(["reviewer"]), kind: "report.checking", message: `《${report.title}》已提交核稿`, link }, actor.userId);
      case "checkPass":
        return notify(tx, { userIds: await who(["approver"]), kind: "report.awaiting", message: `《${report.title}》核稿通过，待您签发`, link }, actor.userId);
      case "signOff":
        return notify(tx, { userIds: await who(["admin", "reviewer"]), kind: "report.signed", message: `《${report.title}》已签发，可以印发`, link }, actor.userId);
      case "issue":
        return notify(tx, { userIds: await who(["drafter", "reviewer", "approver", "admin"]), kind: "report.issued", message: `《${report.title}》已印发，发文字号 ${docNumber}`, link }, actor.userId);
      case "publish":
        return notify(tx, { userIds: await who(["admin", "reviewer"]), kind: "report.published", message: `《${report.title}》已公开`, link }, actor.userId);
      default: {
        const owners = sections.filter((s) => reopen.includes(s.id) && s.ownerId).map((s) => s.ownerId!);
        return notify(tx, { userIds: [...owners, ...(await who(["reviewer"]))], kind: "report.returned", message: `《${report.title}》被退回：${input.reason}`, link }, actor.userId);
      }
    }
  });
  await mailNotices(db, notices);
  return { status: step.to };
}

/** 提交审核 for every section the actor owns that has text and can be submitted. */
export async function submitAllMine(db: Db, actor: Actor, reportId: string, ip?: string) {
  const { report } = await loadVisibleReport(db, actor, reportId);
  const mine = await db.section.findMany({
    where: { reportId: report.id, ownerId: actor.userId, deletedAt: null, status: { in: ["drafting", "returned", "not_started"] } },
  });
  let submitted = 0;
  const skipped: string[] = [];
  for (const s of mine) {
    if (!hasText(s.content)) {
      skipped.push(s.heading);
      continue;
    }
    await transitionSection(db, actor, { sectionId: s.id, action: "submit" }, ip);
    submitted += 1;
  }
  return { submitted, skipped };
}
