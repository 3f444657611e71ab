// Who may change a section's text, and when. Pure: the guard and the UI both ask it.
import { can, type Actor, type AncestorMap } from "../auth/actor";

/** Report statuses in which sections can still change; from 核稿 on the text is frozen. */
export const OPEN_REPORT_STATUSES = ["drafting"] as const;

export type EditRefusal = { status: 403 | 409; message: string } | null;

export function editRefusal(
  actor: Actor,
  section: { ownerId: string | null; status: string },
  report: { officeId: string; status: string },
  ancestors: AncestorMap,
): EditRefusal {
  const isOwner = section.ownerId === actor.userId && can(actor, report.officeId, "section.editOwn", ancestors);
  const editsAny = can(actor, report.officeId, "section.editAny", ancestors);
  if (!isOwner && !editsAny) return { status: 403, message: "只有章节负责人或核稿人可以修改此章节。" };
  if (!(OPEN_REPORT_STATUSES as readonly string[]).includes(report.status)) {
    return { status: 409, message: "报告已进入核稿、签发或印发流程，正文已冻结，不能修改。" };
  }
  if (section.status === "passed") return { status: 409, message: "此章节已审核通过，不能再修改。" };
  if (section.status === "submitted" && !editsAny) {
    return { status: 409, message: "此章节已提交审核，审核前不能修改；如需修改，请先撤回。" };
  }
  return null;
}

/** Structure changes (add, move, delete) need report.structure and an open report. */
export function structureRefusal(actor: Actor, report: { officeId: string; status: string }, ancestors: AncestorMap): EditRefusal {
  if (!can(actor, report.officeId, "report.structure", ancestors)) return { status: 403, message: "您没有调整报告结构的权限。" };
  if (!(OPEN_REPORT_STATUSES as readonly string[]).includes(report.status)) {
    return { status: 409, message: "报告已进入核稿、签发或印发流程，结构已冻结。" };
  }
  return null;
}
