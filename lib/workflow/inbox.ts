// What waits for me: sections to review, returns to fix, reports to check, sign, issue, publish.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { rolesAllow, type Permission } from "../permissions";
import type { ReportStatus } from "./statuses";

function officesWhere(actor: Actor, permission: Permission): string[] {
  const ids = [...new Set(actor.memberships.map((m) => m.officeId))];
  return ids.filter((id) => rolesAllow(actor.memberships.filter((m) => m.officeId === id).map((m) => m.role), permission));
}

export async function inbox(db: Db, actor: Actor) {
  const reviewOffices = officesWhere(actor, "section.review");
  const sectionSelect = { include: { report: { select: { id: true, title: true, year: true, status: true } }, owner: { select: { displayName: true } } } } as const;
  // Most people hold one or two roles: skip the queries that cannot find anything for them.
  const none = Promise.resolve([]);
  const reportsIn = (permission: Permission, status: ReportStatus) => {
    const offices = officesWhere(actor, permission);
    return offices.length ? db.report.findMany({ where: { officeId: { in: offices }, status }, orderBy: { year: "desc" } }) : none;
  };
  const checkOffices = officesWhere(actor, "report.submitForCheck");
  const [toReview, toFix, toCheck, toCheckPass, toSign, toIssue, toPublish] = await Promise.all([
    reviewOffices.length
      ? db.section.findMany({ where: { status: "submitted", deletedAt: null, report: { officeId: { in: reviewOffices }, status: "drafting" } }, ...sectionSelect, orderBy: { updatedAt: "asc" } })
      : none,
    db.section.findMany({ where: { status: "returned", ownerId: actor.userId, deletedAt: null, report: { status: "drafting" } }, ...sectionSelect }),
    // Drafting reports whose sections have all passed are ready for 核稿.
    checkOffices.length
      ? db.report.findMany({
          where: { officeId: { in: checkOffices }, status: "drafting", sections: { some: { deletedAt: null }, none: { deletedAt: null, status: { not: "passed" } } } },
        })
      : none,
    reportsIn("report.submitForCheck", "checking"),
    reportsIn("report.signOff", "awaiting_signoff"),
    reportsIn("report.issue", "signed"),
    reportsIn("report.publish", "issued"),
  ]);
  const count = toReview.length + toFix.length + toCheck.length + toCheckPass.length + toSign.length + toIssue.length + toPublish.length;
  return { toReview, toFix, toCheck, toCheckPass, toSign, toIssue, toPublish, count };
}
