// What waits for me: sections to review, returns to fix, reports to check, sign, issue, publish.
import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import { rolesAllow, type Permission } from "../core/permissions";
import { statusesIn } from "../core/workflow/statuses";
import { unreadCount } from "../notify/service";
import { overseenDistricts } from "../district/access";
import { withParagraphs } from "../core/text/paragraphs";
import { unpassedHeadings } from "../core/workflow/review-scope";
import { inReadingOrder, sectionPlaces } from "../sections/places";
import { reportStatusesFor, reportStep, sectionStatusesFor, type ReportAction } from "../core/workflow/machine";

function officesWhere(actor: Actor, permission: Permission): string[] {
  const ids = [...new Set(actor.memberships.map((m) => m.officeId))];
  return ids.filter((id) => rolesAllow(actor.memberships.filter((m) => m.officeId === id).map((m) => m.role), permission));
}

/** The sections waiting for the actor: to review (in offices where they review) and to fix (their own, returned). */
function sectionsWaiting(actor: Actor) {
  const reviewOffices = officesWhere(actor, "section.review");
  const textOpen = { in: statusesIn("drafting") };
  return {
    toReview: reviewOffices.length
      ? { where: { status: { in: sectionStatusesFor("pass") }, deletedAt: null, report: { officeId: { in: reviewOffices }, status: textOpen } }, orderBy: { updatedAt: "asc" as const } }
      : null,
    toFix: { where: { status: "returned" as const, ownerId: actor.userId, deletedAt: null, report: { status: textOpen } } },
  };
}

/** Reports at each step the actor may take in their offices. */
async function reportsWaiting(db: Db, actor: Actor) {
  // Most people hold one or two roles: skip the queries that cannot find anything for them.
  const none = Promise.resolve([]);
  /** Reports at the step `action` takes, in the offices where the actor may take it. */
  const reportsAwaiting = (action: ReportAction) => {
    const from = reportStatusesFor(action);
    const offices = officesWhere(actor, reportStep(from[0], action)!.permission);
    return offices.length ? db.report.findMany({ where: { officeId: { in: offices }, status: { in: from } }, orderBy: { year: "desc" } }) : none;
  };
  const checkOffices = officesWhere(actor, "report.submitForCheck");
  const [toCheck, toCheckPass, toSign, toIssue, toPublish] = await Promise.all([
    // Drafting reports whose sections have all passed (headings made of sub-sections need no review) are ready for 核稿.
    checkOffices.length
      ? db.report
          .findMany({
            where: { officeId: { in: checkOffices }, status: { in: reportStatusesFor("submitForCheck") }, sections: { some: { deletedAt: null } } },
            include: { sections: { where: { deletedAt: null }, select: { id: true, parentId: true, kind: true, status: true, heading: true, content: true } } },
          })
          .then((reports) => reports.filter((r) => unpassedHeadings(r.sections.map(withParagraphs)).length === 0).map(({ sections, ...r }) => (void sections, r)))
      : none,
    reportsAwaiting("checkPass"),
    reportsAwaiting("signOff"),
    reportsAwaiting("issue"),
    reportsAwaiting("publish"),
  ]);
  return { toCheck, toCheckPass, toSign, toIssue, toPublish, count: toCheck.length + toCheckPass.length + toSign.length + toIssue.length + toPublish.length };
}

export async function inbox(db: Db, actor: Actor) {
  const waiting = sectionsWaiting(actor);
  const sectionSelect = { include: { report: { select: { id: true, title: true, year: true, status: true } }, owner: { select: { displayName: true } } } } as const;
  const [toReview, toFix, reports] = await Promise.all([
    waiting.toReview ? db.section.findMany({ ...waiting.toReview, ...sectionSelect }) : Promise.resolve([]),
    db.section.findMany({ ...waiting.toFix, ...sectionSelect }),
    reportsWaiting(db, actor),
  ]);
  return { toReview, toFix, ...reports, count: toReview.length + toFix.length + reports.count };
}

/** What the inbox holds, counted: every page's navigation shows it, so no rows are read for it. */
async function inboxCount(db: Db, actor: Actor): Promise<number> {
  const waiting = sectionsWaiting(actor);
  const [toReview, toFix, reports] = await Promise.all([
    waiting.toReview ? db.section.count({ where: waiting.toReview.where }) : 0,
    db.section.count(waiting.toFix),
    reportsWaiting(db, actor),
  ]);
  return toReview + toFix + reports.count;
}

/** The inbox as its page shows it: sections numbered and in reading order, newest report first. */
export async function inboxPageView(db: Db, actor: Actor) {
  const box = await inbox(db, actor);
  const places = await sectionPlaces(db, [...box.toReview, ...box.toFix].map((s) => s.reportId));
  const label = (s: { id: string; heading: string; kind: string }) => (s.kind === "intro" ? null : `${places.get(s.id)?.label ?? ""}${s.heading}`);
  const numbered = <T extends (typeof box.toReview)[number]>(list: T[]) => inReadingOrder(list, places).map((s) => ({ ...s, title: label(s) }));
  return { ...box, toReview: numbered(box.toReview), toFix: numbered(box.toFix) };
}

/** The numbers beside 待办 and 通知 in the navigation, and whether the demo data is loaded. */
export async function shellCounts(db: Db, actor: Actor) {
  const [todo, unread, demo, districts] = await Promise.all([inboxCount(db, actor), unreadCount(db, actor.userId), isDemo(db), overseenDistricts(db, actor)]);
  return { todo, unread, demo, district: districts.length > 0 };
}

/** The demo data is loaded (every page says so). */
export async function isDemo(db: Db): Promise<boolean> {
  return !!(await db.installation.findUnique({ where: { id: 1 }, select: { demo: true } }))?.demo;
}
