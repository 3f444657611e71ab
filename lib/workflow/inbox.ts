// What waits for me: sections to review, returns to fix, reports to check, sign, issue, publish.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { rolesAllow, type Permission } from "../permissions";

function officesWhere(actor: Actor, permission: Permission): string[] {
  const ids = [...new Set(actor.memberships.map((m) => m.officeId))];
  return ids.filter((id) => rolesAllow(actor.memberships.filter((m) => m.officeId === id).map((m) => m.role), permission));
}

export async function inbox(db: Db, actor: Actor) {
  const reviewOffices = officesWhere(actor, "section.review");
  const sectionSelect = { include: { report: { select: { id: true, title: true, year: true, status: true } }, owner: { select: { displayName: true } } } } as const;
  const reportsIn = (permission: Permission, status: string) =>
    db.report.findMany({ where: { officeId: { in: officesWhere(actor, permission) }, status }, orderBy: { year: "desc" } });
  const [toReview, toFix, toCheck, toCheckPass, toSign, toIssue, toPublish] = await Promise.all([
    db.section.findMany({ where: { status: "submitted", deletedAt: null, report: { officeId: { in: reviewOffices }, status: "drafting" } }, ...sectionSelect, orderBy: { updatedAt: "asc" } }),
    db.section.findMany({ where: { status: "returned", ownerId: actor.userId, deletedAt: null, report: { status: "drafting" } }, ...sectionSelect }),
    // Drafting reports whose sections have all passed are ready for 核稿.
    db.report.findMany({
      where: { officeId: { in: officesWhere(actor, "report.submitForCheck") }, status: "drafting", sections: { some: { deletedAt: null }, none: { deletedAt: null, status: { not: "passed" } } } },
    }),
    reportsIn("report.submitForCheck", "checking"),
    reportsIn("report.signOff", "awaiting_signoff"),
    reportsIn("report.issue", "signed"),
    reportsIn("report.publish", "issued"),
  ]);
  const count = toReview.length + toFix.length + toCheck.length + toCheckPass.length + toSign.length + toIssue.length + toPublish.length;
  return { toReview, toFix, toCheck, toCheckPass, toSign, toIssue, toPublish, count };
}
