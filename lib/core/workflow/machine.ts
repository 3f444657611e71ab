// The approval workflow as data: which action moves which status where, and
// which permission it takes. Pure; every transition × role is tested.
import type { Permission } from "../permissions";
import { REPORT_STATUSES, SECTION_STATUSES, phaseOf, type ReportStatus, type SectionStatus } from "./statuses";

export const SECTION_ACTIONS = ["submit", "withdraw", "pass", "return"] as const;
export type SectionAction = (typeof SECTION_ACTIONS)[number];

export const REPORT_ACTIONS = ["submitForCheck", "checkPass", "signOff", "issue", "publish", "return"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

interface Transition<S, A> {
  from: readonly S[];
  to: S;
  permission: Permission;
  action: A;
}

const SECTION_TRANSITIONS: Transition<SectionStatus, SectionAction>[] = [
  { action: "submit", from: ["not_started", "drafting", "returned"], to: "submitted", permission: "section.submit" },
  { action: "withdraw", from: ["submitted"], to: "drafting", permission: "section.submit" },
  { action: "pass", from: ["submitted"], to: "passed", permission: "section.review" },
  { action: "return", from: ["submitted", "passed"], to: "returned", permission: "section.review" },
];

/** Each report step and the one a return goes back to. */
const REPORT_TRANSITIONS: Transition<ReportStatus, ReportAction>[] = [
  { action: "submitForCheck", from: ["drafting"], to: "checking", permission: "report.submitForCheck" },
  { action: "checkPass", from: ["checking"], to: "awaiting_signoff", permission: "report.submitForCheck" },
  { action: "signOff", from: ["awaiting_signoff"], to: "signed", permission: "report.signOff" },
  { action: "issue", from: ["signed"], to: "issued", permission: "report.issue" },
  { action: "publish", from: ["issued"], to: "published", permission: "report.publish" },
];

const RETURNS: Record<Exclude<ReportStatus, "drafting">, { to: ReportStatus; permission: Permission }> = {
  checking: { to: "drafting", permission: "report.submitForCheck" },
  awaiting_signoff: { to: "checking", permission: "report.signOff" },
  signed: { to: "awaiting_signoff", permission: "report.signOff" },
  issued: { to: "signed", permission: "report.issue" },
  published: { to: "issued", permission: "report.publish" },
};

export interface Step<S> {
  to: S;
  permission: Permission;
}

export function sectionStep(status: string, action: SectionAction): Step<SectionStatus> | null {
  const t = SECTION_TRANSITIONS.find((x) => x.action === action && (x.from as readonly string[]).includes(status));
  return t ? { to: t.to, permission: t.permission } : null;
}

/**
 * The next report status. A return from 核稿 or 签发 that names sections goes
 * back to drafting (those sections reopen); without names it goes one step back.
 */
export function reportStep(status: string, action: ReportAction, reopensSections = false): Step<ReportStatus> | null {
  if (action === "return") {
    const back = RETURNS[status as keyof typeof RETURNS];
    if (!back) return null;
    if (reopensSections && REPORT_STATUSES.includes(status as ReportStatus) && phaseOf(status as ReportStatus) === "approval") return { to: "drafting", permission: back.permission };
    return back;
  }
  const t = REPORT_TRANSITIONS.find((x) => x.action === action && (x.from as readonly string[]).includes(status));
  return t ? { to: t.to, permission: t.permission } : null;
}

/** Statuses from which a section can be named in a return (it is reopened as 退回修改). */
export const REOPENABLE_SECTION_STATUSES: readonly SectionStatus[] = ["passed", "submitted"];

export function reportActionsFrom(status: string): ReportAction[] {
  return REPORT_ACTIONS.filter((a) => reportStep(status, a));
}

/** The statuses a step can be taken from (what waits for it, in lists). */
export const reportStatusesFor = (action: ReportAction): ReportStatus[] => REPORT_STATUSES.filter((s) => reportStep(s, action));
export const sectionStatusesFor = (action: SectionAction): SectionStatus[] => SECTION_STATUSES.filter((s) => sectionStep(s, action));
