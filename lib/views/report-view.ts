// Everything the report page shows, with the policy's answers: the page renders
// it and asks nothing of the database itself.
import "server-only";
import { pendingCounts, pendingOf } from "../suggestions/queries";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import type { Locale, Translate } from "../core/i18n/messages";
import { viewAnswer, viewAnswers, type Answer } from "../core/policy/answer";
import { reportAnswers } from "../core/policy/report";
import { sectionAnswers, sectionFacts, sectionPolicy } from "../core/policy/section";
import { loadVisibleReport } from "../policy/visibility";
import { REOPENABLE_SECTION_STATUSES } from "../core/workflow/machine";
import { isTextOpen, phaseOf } from "../core/workflow/statuses";
import { flattenTree, numberTree } from "../core/outline/outline-numbers";
import { officeDrafters } from "../sections/tree";
import { lastEditors, liveSections } from "../sections/queries";
import { contentHash } from "../core/export/content-hash";
import { SIGNER_LABEL } from "../core/export/layout/rules";
import { sendingFacts } from "../district/submission";
import { reportParts } from "../district/report-parts";
import { missingParts } from "../core/district/required-parts";
import { composedIds, reviewState, unpassedHeadings } from "../core/workflow/review-scope";
import { listPlanItems } from "../reports/plan-service";
import { deadlineLabel, isoOfCalendarDay, todayInChina } from "../core/dates";

export async function reportPageView(db: Db, actor: Actor, reportId: string, locale: Locale, t: Translate) {
  const { report, ancestors } = await loadVisibleReport(db, actor, reportId);
  const ctx = { actor, ancestors };
  const [office, rows, planItems, sending, editors] = await Promise.all([
    db.office.findUniqueOrThrow({ where: { id: report.officeId } }),
    liveSections(db, report.id),
    listPlanItems(db, report.id),
    sendingFacts(db, report),
    lastEditors(db, report.id),
  ]);
  const sections = flattenTree(numberTree(rows));
  const unpassed = unpassedHeadings(rows);
  const composed = composedIds(rows);
  const answers = viewAnswers(reportAnswers(ctx, { ...report, unpassed, ...sending }), locale);
  const perSection = new Map(
    rows.map((s) => {
      const parentOwnerId = rows.find((p) => p.id === s.parentId)?.ownerId ?? null;
      const facts = sectionFacts(s, editors.get(s.id) ?? null, rows.some((c) => c.parentId === s.id), parentOwnerId);
      const ask = (a: Parameters<typeof sectionPolicy>[3]) => sectionPolicy(ctx, report, facts, a);
      return [s.id, { edit: viewAnswer(ask("edit"), locale), move: ask("changeStructure").ok, addChild: ask("addChild").ok, assign: ask("assign").ok, submit: ask("submit") }];
    }),
  );
  const anyAssign = [...perSection.values()].some((a) => a.assign);
  const [drafters, deleted, source] = await Promise.all([
    anyAssign ? officeDrafters(db, report.officeId) : [],
    answers.changeStructure.ok ? deletedSections(db, report.id) : [],
    report.sourceReportId ? db.report.findUnique({ where: { id: report.sourceReportId }, select: { year: true } }) : null,
  ]);
  const parts = await reportParts(db, report, rows, office.parentId);
  // What 核稿通过 and 签发 show before they are confirmed: the open comment threads and the fingerprint of the text.
  const signing = answers.checkPass.ok || answers.signOff.ok
    ? {
      ...(await signingFacts(db, report.title, sections)),
      // What the 签发 dialog shows of the header the document will get: a report with a
      // 主送机关 is a 上行文 and names its 签发人 (the one signing); one sent up must have it.
      header: {
        mark: office.headerMark, signer: actor.displayName, signerLine: `${SIGNER_LABEL}${actor.displayName}`, pendingNumber: report.docNumber ?? "〔印发时编号〕",
        addressee: report.addressee ?? "", addresseeRequired: !!office.parentId,
      },
    }
    : null;
  // Sections a return from 核稿 or 签发 may reopen.
  const reopenable = phaseOf(report.status) === "approval"
    ? sections.filter((n) => REOPENABLE_SECTION_STATUSES.includes(n.node.status)) : [];
  return {
    report,
    office,
    sections,
    composed,
    perSection,
    answers,
    planItems,
    sourceYear: source?.year ?? null,
    drafters,
    deleted,
    reopenable,
    signing,
    /** the required parts: which section covers each, and whether it has text */
    parts: parts.map((m) => ({ key: m.part.key, name: m.part.name, required: m.part.required, state: m.state, sectionId: m.sectionId, sharedWith: m.sharedWith ?? null })),
    /** why one section covers several parts, as the town stated it */
    partsSharedReason: report.partsSharedReason,
    missingParts: missingParts(parts),
    /** the first-level sections a part can be mapped to */
    topSections: sections.filter((n) => n.depth === 1 && n.node.kind === "heading").map((n) => ({ id: n.node.id, title: `${n.label}${n.node.heading}` })),
    /** the latest 报送 and the office it went to */
    submission: sending.latest ? { ...sending.latest, to: (await db.office.findUnique({ where: { id: sending.latest.toOfficeId }, select: { name: true } }))?.name ?? "" } : null,
    /** the office 报送 sends to, named on the page once it is a step the actor may take */
    officeAbove: office.parentId && (answers.send.ok || answers.send.blocked) ? (await db.office.findUnique({ where: { id: office.parentId }, select: { name: true } }))?.name ?? "" : "",
    /** sections of mine that 提交我负责的全部章节 would submit */
    mineToSubmit: rows.filter((s) => s.ownerId === actor.userId && perSection.get(s.id)!.submit.ok).length,
    deadline: report.dueDate && isTextOpen(report.status) ? deadlineLabel(isoOfCalendarDay(report.dueDate), todayInChina(), t) : null,
    textOpen: isTextOpen(report.status),
  };
}

/** Deleted sections (restorable), newest first, with who deleted them (from the record). */
async function deletedSections(db: Db, reportId: string) {
  const rows = await db.section.findMany({ where: { reportId, deletedAt: { not: null } }, orderBy: { deletedAt: "desc" }, select: { id: true, heading: true, deletedAt: true } });
  if (!rows.length) return [];
  const events = await db.auditEvent.findMany({ where: { action: "section.delete", objectType: "section", objectId: { in: rows.map((r) => r.id) } }, orderBy: { seq: "desc" }, select: { objectId: true, actorId: true, actorName: true } });
  const users = await db.user.findMany({ where: { id: { in: events.map((e) => e.actorId).filter((x): x is string => !!x) } }, select: { id: true, displayName: true } });
  const by = (id: string) => {
    const e = events.find((x) => x.objectId === id);
    return e ? users.find((u) => u.id === e.actorId)?.displayName ?? e.actorName ?? null : null;
  };
  // Sub-sections deleted with their parent are restored with it: list only what was deleted itself.
  return rows.filter((r) => events.some((e) => e.objectId === r.id)).map((r) => ({ id: r.id, heading: r.heading, deletedAt: r.deletedAt!, deletedBy: by(r.id) }));
}

/** The text's content hash (the one 签发 records) and the comment threads still open, by section. */
async function signingFacts(db: Db, title: string, sections: ReturnType<typeof flattenTree<Awaited<ReturnType<typeof liveSections>>[number]>>) {
  const open = await db.comment.findMany({
    where: { sectionId: { in: sections.map((s) => s.node.id) }, parentId: null, resolvedAt: null },
    include: { author: { select: { displayName: true } } },
    orderBy: { createdAt: "asc" },
  });
  const label = new Map(sections.map((s) => [s.node.id, s.node.kind === "intro" ? null : `${s.label}${s.node.heading}`]));
  const suggestions = await pendingOf(db, sections.map((s) => s.node));
  return {
    contentHash: contentHash(title, sections.map((s) => s.node)),
    openSuggestions: suggestions.map((s) => ({ id: s.id, sectionId: s.sectionId, section: label.get(s.sectionId) ?? null, kind: s.kind, text: s.text.slice(0, 120), authorName: s.author, stale: s.stale })),
    openComments: open.map((c) => ({ id: c.id, sectionId: c.sectionId, section: label.get(c.sectionId) ?? null, body: c.body.slice(0, 120), authorName: c.authorName ?? c.author.displayName })),
  };
}

/** What may be done, as the API answers it (the way Outline returns policies with each object): allowed, "blocked", or false. */
const policyFlag = (a: Answer) => (a.ok ? true : a.blocked ? "blocked" : false);

/** GET /api/reports/[id]: the report, its numbered sections, and what the caller may do to each. */
export async function reportApiView(db: Db, actor: Actor, reportId: string) {
  const { report, ancestors } = await loadVisibleReport(db, actor, reportId);
  const ctx = { actor, ancestors };
  const [office, rows, sending, editors] = await Promise.all([
    db.office.findUniqueOrThrow({ where: { id: report.officeId }, select: { code: true } }),
    liveSections(db, report.id),
    sendingFacts(db, report),
    lastEditors(db, report.id),
  ]);
  const unpassed = unpassedHeadings(rows);
  const composed = composedIds(rows);
  const pending = await pendingCounts(db, rows.map((r) => r.id));
  const flags = <A extends string>(answers: Record<A, Answer>) => Object.fromEntries(Object.entries<Answer>(answers).map(([k, a]) => [k, policyFlag(a)]));
  return {
    id: report.id,
    office: office.code,
    year: report.year,
    status: report.status,
    title: report.title,
    docNumber: report.docNumber,
    policies: flags(reportAnswers(ctx, { ...report, unpassed, ...sending })),
    submission: sending.latest ? { id: sending.latest.id, status: sending.latest.status, sentAt: sending.latest.sentAt, reason: sending.latest.reason } : null,
    /** who may own sections (for PUT /api/sections/[id]/owner), to those who may assign them */
    drafters: rows.some((s) => sectionPolicy(ctx, report, sectionFacts(s), "assign").ok) ? await officeDrafters(db, report.officeId) : [],
    sections: flattenTree(numberTree(rows)).map(({ node, depth, label }) => ({
      id: node.id, depth, label, heading: node.heading, kind: node.kind, content: node.content, status: node.status, version: node.version, ownerId: node.ownerId,
      reviewState: reviewState(node, composed),
      pendingSuggestions: pending.get(node.id) ?? 0,
      policies: flags(sectionAnswers(ctx, report, { ...sectionFacts(node, editors.get(node.id) ?? null, rows.some((c) => c.parentId === node.id), rows.find((p) => p.id === node.parentId)?.ownerId ?? null), pendingSuggestions: pending.get(node.id) ?? 0 })),
    })),
  };
}
