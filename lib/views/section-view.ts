// Everything the section page and its history show, with the policy's answers:
// the pages render it and ask nothing of the database themselves.
import "server-only";
import { sectionSuggestions } from "../suggestions/queries";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import type { Locale, Translate } from "../core/i18n/messages";
import { NotFound } from "../core/errors";
import { viewAnswer, viewAnswers } from "../core/policy/answer";
import { sectionAnswers, sectionFacts } from "../core/policy/section";
import { suggestionPolicy } from "../core/policy/suggestion";
import { loadVisibleSection } from "../policy/visibility";
import { SECTION_ACTIONS, type SectionAction } from "../core/workflow/machine";
import { listComments } from "../comments/service";
import { liveSections } from "../sections/queries";
import { countersBefore, flattenTree, numberTree } from "../core/outline/outline-numbers";
import { asParagraphs, plainText } from "../core/text/paragraphs";
import { countChineseChars } from "../core/text/char-count";
import { mySections } from "../sections/tree";
import { isTextOpen } from "../core/workflow/statuses";
import { deadlineLabel, isoOfCalendarDay, todayInChina } from "../core/dates";
import { diffStats, readableDiff } from "../core/text/paragraph-diff";
import { paragraphsToText } from "../core/text/text-form";
import { listRevisions } from "../sections/save";
import { composedIds } from "../core/workflow/review-scope";
import { carriedOverShare } from "../core/text/similarity";
import type { Paragraph } from "../core/text/paragraphs";
import { inReadingOrder, sectionPlaces } from "../sections/places";

export async function sectionPageView(db: Db, actor: Actor, reportId: string, sectionId: string, locale: Locale) {
  const { section, report, ancestors } = await loadVisibleSection(db, actor, sectionId);
  if (report.id !== reportId || section.deletedAt) throw new NotFound();
  const [rows, office, last, comments, suggestions] = await Promise.all([
    liveSections(db, report.id),
    db.office.findUniqueOrThrow({ where: { id: report.officeId }, select: { runInBold: true } }),
    db.sectionRevision.findFirst({ where: { sectionId: section.id }, orderBy: { version: "desc" }, select: { authorId: true } }),
    listComments(db, actor, section.id),
    sectionSuggestions(db, actor, section.id),
  ]);
  const tree = numberTree(rows);
  const numbered = flattenTree(tree);
  const me = numbered.find((n) => n.node.id === section.id)!;
  const answers = sectionAnswers({ actor, ancestors }, report, { ...sectionFacts(section, last?.authorId ?? null, rows.some((r) => r.parentId === section.id)), pendingSuggestions: suggestions.length });
  const views = viewAnswers(answers, locale);
  const composed = composedIds(rows).has(section.id);
  // The office's own people compare with last year (an office above reads only signed texts).
  const own = actor.memberships.some((m) => m.officeId === report.officeId);
  const lastYear = own && !composed ? await sameSectionLastYear(db, report, me.label, section) : null;
  return {
    lastYear,
    composed,
    returned: section.status === "returned" ? await returnNote(db, section.id, report.id) : null,
    section,
    report,
    runInBold: office.runInBold,
    me,
    numberingStart: countersBefore(tree, section.id),
    children: numbered.filter((n) => n.node.parentId === section.id),
    comments,
    suggestions,
    /** what this reader may do to each suggestion, and whether they may suggest (修订 mode) */
    suggestionRights: Object.fromEntries(
      suggestions.map((x) => [x.id, { accept: suggestionPolicy({ actor, ancestors }, report, section, x, "accept").ok, reject: suggestionPolicy({ actor, ancestors }, report, section, x, "reject").ok }]),
    ),
    canSuggest: answers.suggest.ok,
    /** the owner or a reviewer who may not accept now (a passed section, a frozen text): why */
    acceptBlocked: (() => {
      const first = suggestions[0];
      if (!first) return null;
      const a = suggestionPolicy({ actor, ancestors }, report, section, first, "accept");
      const view = viewAnswer(a, locale);
      return !a.ok && a.status === 409 && !view.ok ? view.reason : null;
    })(),
    reader: { id: actor.userId, name: actor.displayName },
    edit: views.edit,
    canComment: views.comment.ok,
    workflow: Object.fromEntries(SECTION_ACTIONS.map((a) => [a, views[a]])) as Record<SectionAction, (typeof views)[SectionAction]>,
  };
}

/**
 * The same section in the office's report of the year before: the heading that reads
 * the same with the years aside, else the one with the same number; with a diff and
 * the share of this year's sentences carried over unchanged.
 */
async function sameSectionLastYear(db: Db, report: { officeId: string; year: number }, label: string, section: { kind: string; heading: string; content: Paragraph[] }) {
  const before = await db.report.findUnique({ where: { officeId_year: { officeId: report.officeId, year: report.year - 1 } }, select: { id: true, year: true } });
  if (!before) return null;
  const rows = await liveSections(db, before.id);
  const numbered = flattenTree(numberTree(rows));
  const plainHeading = (h: string) => h.replace(/\d{4}/g, "");
  const match = section.kind === "intro"
    ? numbered.find((n) => n.node.kind === "intro")
    : numbered.find((n) => n.node.kind === "heading" && plainHeading(n.node.heading) === plainHeading(section.heading)) ?? numbered.find((n) => n.label === label && n.node.kind === "heading");
  if (!match) return null;
  const then = plainText(match.node.content);
  const now = plainText(section.content);
  return { year: before.year, reportId: before.id, sectionId: match.node.id, title: match.node.kind === "intro" ? null : `${match.label}${match.node.heading}`, diff: readableDiff(then, now), carried: carriedOverShare(now, then) };
}

/** Why a 退回修改 section was returned, by whom and when: shown on top until it is submitted again. */
async function returnNote(db: Db, sectionId: string, reportId: string): Promise<{ reason: string; by: string; at: string } | null> {
  const rows = await db.auditEvent.findMany({
    where: { OR: [{ objectType: "section", objectId: sectionId, action: "section.return" }, { objectType: "report", objectId: reportId, action: "report.return" }] },
    orderBy: { seq: "desc" },
    take: 50,
  });
  const detail = (r: (typeof rows)[number]) => (r.detail ? (JSON.parse(r.detail) as { reason?: string; reopened?: string[] }) : {});
  const hit = rows.find((r) => r.action === "section.return" || (detail(r).reopened ?? []).includes(sectionId));
  if (!hit) return null;
  const user = hit.actorId ? await db.user.findUnique({ where: { id: hit.actorId }, select: { displayName: true } }) : null;
  return { reason: detail(hit).reason ?? "", by: user?.displayName ?? hit.actorName ?? "", at: hit.at.toISOString() };
}

/** The notes the system writes on a revision, in the reader's language (a person's own note stays as written). */
export function revisionNote(note: string | null, t: Translate): string | null {
  if (!note) return null;
  const restored = /^恢复自第 (\d+) 版$/.exec(note);
  if (restored) return t("history.note.restored", { version: restored[1] });
  const known: Record<string, Parameters<Translate>[0]> = { 新建: "history.note.created", 粘贴: "history.note.pasted", 导入: "history.note.imported" };
  return known[note] ? t(known[note]) : note;
}

export async function historyPageView(db: Db, actor: Actor, reportId: string, sectionId: string, query: { from?: string; to?: string }, locale: Locale) {
  const { section, report, ancestors, revisions } = await listRevisions(db, actor, sectionId);
  if (report.id !== reportId) throw new NotFound();
  const edit = viewAnswer(sectionAnswers({ actor, ancestors }, report, sectionFacts(section)).edit, locale);
  const newest = revisions[0];
  const to = revisions.find((r) => String(r.version) === query.to) ?? newest;
  const from = revisions.find((r) => String(r.version) === query.from) ?? revisions.find((r) => r.version < to.version) ?? to;
  const asText = (r: typeof from) => `${r.heading}\n${paragraphsToText(asParagraphs(r.content))}`;
  const diff = readableDiff(asText(from), asText(to));
  return { section, revisions, from, to, diff, stats: diffStats(diff.segments), canRestore: edit.ok };
}

/** "我的章节": the actor's sections across reports, each numbered as in its report, with its deadline. */
export async function mySectionsPageView(db: Db, actor: Actor, t: Translate) {
  const found = await mySections(db, actor);
  // Labels and order need each report's whole tree.
  const places = await sectionPlaces(db, found.map((s) => s.reportId));
  const sections = inReadingOrder(found, places);
  const today = todayInChina();
  return {
    rows: sections.map((s) => ({
      id: s.id, reportId: s.reportId, year: s.report.year, reportStatus: s.report.status, status: places.get(s.id)?.composed ? ("composed" as const) : s.status,
      title: s.kind === "intro" ? t("intro") : `${places.get(s.id)?.label ?? ""}${s.heading}`,
      chars: countChineseChars(plainText(asParagraphs(s.content))),
      deadline: s.report.dueDate && isTextOpen(s.report.status) ? deadlineLabel(isoOfCalendarDay(s.report.dueDate), today, t) : null,
    })),
  };
}
