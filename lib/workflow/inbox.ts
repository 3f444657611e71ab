// What waits for me: sections to review, returns to fix, reports to check, sign, issue, publish.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { rolesAllow, type Permission } from "../permissions";
import { statusesIn } from "./statuses";
import { unreadCount } from "../notify/service";
import { overseenDistricts } from "../district/access";
import { withParagraphs } from "../sections/paragraphs";
import { unpassedHeadings } from "./review-scope";
import { inReadingOrder, sectionPlaces } from "../sections/places";
import { reportStatusesFor, reportStep, sectionStatusesFor, type ReportAction } from "./machine";

function officesWhere(actor: Actor, permission: Permission): string[] {
  const ids = [...new Set(actor.memberships.map((m) => m.officeId))];
  return ids.filter((id) => rolesAllow(actor.memberships.filter((m) => m.officeId === id).map((m) => m.role), permission));
}

export async function inbox(db: Db, actor: Actor) {
  const reviewOffices = officesWhere(actor, "section.review");
  const sectionSelect = { include: { report: { select: { id: true, title: true, year: true, status: true } }, owner: { select: { displayName: true } } } } as const;
  // Most people hold one or two roles: skip the queries that cannot find anything for them.
  const none = Promise.resolve([]);
  /** Reports at the step `action` takes, in the offices where the actor may take it. */
  const reportsAwaiting = (action: ReportAction) => {
    const from = reportStatusesFor(action);
    const offices = officesWhere(actor, reportStep(from[0], action)!.permission);
    return offices.length ? db.report.findMany({ where: { officeId: { in: offices }, status: { in: from } }, orderBy: { year: "desc" } }) : none;
  };
  const textOpen = { in: statusesIn("drafting") };
  const checkOffices = officesWhere(actor, "report.submitForCheck");
  const [toReview, toFix, toCheck, toCheckPass, toSign, toIssue, toPublish] = await Promise.all([
    reviewOffices.length
      ? db.section.findMany({ where: { status: { in: sectionStatusesFor("pass") }, deletedAt: null, report: { officeId: { in: reviewOffices }, status: textOpen } }, ...sectionSelect, orderBy: { updatedAt: "asc" } })
      : none,
    db.section.findMany({ where: { status: "returned", ownerId: actor.userId, deletedAt: null, report: { status: textOpen } }, ...sectionSelect }),
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
  const count = toReview.length + toFix.length + toCheck.length + toCheckPass.length + toSign.length + toIssue.length + toPublish.length;
  return { toReview, toFix, toCheck, toCheckPass, toSign, toIssue, toPublish, count };
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
  const [todo, unread, demo, districts] = await Promise.all([inbox(db, actor).then((b) => b.count), unreadCount(db, actor.userId), isDemo(db), overseenDistricts(db, actor)]);
  return { todo, unread, demo, district: districts.length > 0 };
}

/** The demo data is loaded (every page says so). */
export async function isDemo(db: Db): Promise<boolean> {
  return !!(await db.installation.findUnique({ where: { id: 1 }, select: { demo: true } }))?.demo;
}
