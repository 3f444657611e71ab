// Everything the report page shows, with the policy's answers: the page renders
// it and asks nothing of the database itself.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import type { Locale, Translate } from "../i18n/messages";
import { viewAnswer, viewAnswers, type Answer } from "../policy/answer";
import { reportAnswers } from "../policy/report";
import { sectionAnswers, sectionFacts, sectionPolicy } from "../policy/section";
import { loadVisibleReport } from "../policy/visibility";
import { REOPENABLE_SECTION_STATUSES } from "../workflow/machine";
import { isTextOpen, phaseOf } from "../workflow/statuses";
import { flattenTree, numberTree } from "../sections/numbering";
import { officeDrafters } from "../sections/tree";
import { lastEditors, liveSections } from "./queries";
import { listPlanItems } from "./plan-service";
import { deadlineLabel, isoOf, todayInChina } from "./deadline";

export async function reportPageView(db: Db, actor: Actor, reportId: string, locale: Locale, t: Translate) {
  const { report, ancestors } = await loadVisibleReport(db, actor, reportId);
  const ctx = { actor, ancestors };
  const [office, rows, planItems] = await Promise.all([
    db.office.findUniqueOrThrow({ where: { id: report.officeId } }),
    liveSections(db, report.id),
    listPlanItems(db, report.id),
  ]);
  const editors = await lastEditors(db, rows.map((s) => s.id));
  const sections = flattenTree(numberTree(rows));
  const unpassed = rows.filter((s) => s.status !== "passed").map((s) => s.heading);
  const answers = viewAnswers(reportAnswers(ctx, { ...report, unpassed }), locale);
  const perSection = new Map(
    rows.map((s) => {
      const facts = sectionFacts(s, editors.get(s.id) ?? null);
      const ask = (a: Parameters<typeof sectionPolicy>[3]) => sectionPolicy(ctx, report, facts, a);
      return [s.id, { edit: viewAnswer(ask("edit"), locale), move: ask("changeStructure").ok, assign: ask("assign").ok, submit: ask("submit") }];
    }),
  );
  const anyAssign = [...perSection.values()].some((a) => a.assign);
  const [drafters, deleted, source] = await Promise.all([
    anyAssign ? officeDrafters(db, report.officeId) : [],
    answers.changeStructure.ok ? db.section.findMany({ where: { reportId: report.id, deletedAt: { not: null } }, orderBy: { deletedAt: "desc" } }) : [],
    report.sourceReportId ? db.report.findUnique({ where: { id: report.sourceReportId }, select: { year: true } }) : null,
  ]);
  // Sections a return from 核稿 or 签发 may reopen.
  const reopenable = phaseOf(report.status) === "approval"
    ? sections.filter((n) => REOPENABLE_SECTION_STATUSES.includes(n.node.status)) : [];
  return {
    report,
    office,
    sections,
    perSection,
    answers,
    planItems,
    sourceYear: source?.year ?? null,
    drafters,
    deleted,
    reopenable,
    /** sections of mine that 提交我负责的全部章节 would submit */
    mineToSubmit: rows.filter((s) => s.ownerId === actor.userId && perSection.get(s.id)!.submit.ok).length,
    deadline: report.dueDate && isTextOpen(report.status) ? deadlineLabel(isoOf(report.dueDate), todayInChina(), t) : null,
    textOpen: isTextOpen(report.status),
  };
}

/** What may be done, as the API answers it (the way Outline returns policies with each object): allowed, "blocked", or false. */
const policyFlag = (a: Answer) => (a.ok ? true : a.blocked ? "blocked" : false);

/** GET /api/reports/[id]: the report, its numbered sections, and what the caller may do to each. */
export async function reportApiView(db: Db, actor: Actor, reportId: string) {
  const { report, ancestors } = await loadVisibleReport(db, actor, reportId);
  const ctx = { actor, ancestors };
  const [office, rows] = await Promise.all([db.office.findUniqueOrThrow({ where: { id: report.officeId }, select: { code: true } }), liveSections(db, report.id)]);
  const editors = await lastEditors(db, rows.map((s) => s.id));
  const unpassed = rows.filter((s) => s.status !== "passed").map((s) => s.heading);
  const flags = <A extends string>(answers: Record<A, Answer>) => Object.fromEntries(Object.entries<Answer>(answers).map(([k, a]) => [k, policyFlag(a)]));
  return {
    id: report.id,
    office: office.code,
    year: report.year,
    status: report.status,
    title: report.title,
    docNumber: report.docNumber,
    policies: flags(reportAnswers(ctx, { ...report, unpassed })),
    sections: flattenTree(numberTree(rows)).map(({ node, depth, label }) => ({
      id: node.id, depth, label, heading: node.heading, kind: node.kind, content: node.content, status: node.status, version: node.version, ownerId: node.ownerId,
      policies: flags(sectionAnswers(ctx, report, sectionFacts(node, editors.get(node.id) ?? null))),
    })),
  };
}
