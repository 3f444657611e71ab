// Everything the report page shows, with the policy's answers: the page renders
// it and asks nothing of the database itself.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import type { Locale, Translate } from "../i18n/messages";
import { viewAnswer, viewAnswers } from "../policy/answer";
import { reportAnswers } from "../policy/report";
import { sectionFacts, sectionPolicy } from "../policy/section";
import { loadVisibleReport } from "../policy/visibility";
import { REOPENABLE_SECTION_STATUSES } from "../workflow/machine";
import { isTextOpen } from "../workflow/statuses";
import { flattenTree, numberTree } from "../sections/numbering";
import { officeDrafters } from "../sections/tree";
import { liveSections } from "./queries";
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
  const sections = flattenTree(numberTree(rows));
  const unpassed = rows.filter((s) => s.status !== "passed").map((s) => s.heading);
  const answers = viewAnswers(reportAnswers(ctx, { ...report, unpassed }), locale);
  const perSection = new Map(
    rows.map((s) => {
      const facts = sectionFacts(s);
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
  const reopenable = report.status === "checking" || report.status === "awaiting_signoff"
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
