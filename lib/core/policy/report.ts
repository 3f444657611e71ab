// What an actor may do to a report in each state (see section.ts for how these are built).
import { can, rolesIn } from "./actor";
import { rolesAllow } from "../permissions";
import { REPORT_ACTIONS, reportStep, type ReportAction } from "../workflow/machine";
import { isIssued, isTextOpen, type ReportStatus } from "../workflow/statuses";
import { ALLOWED, blocked, firstRefusal, refused, type Answer } from "./answer";
import type { PolicyContext, ReportFacts } from "./section";
import type { SectionName } from "../workflow/review-scope";
import { canReadReport } from "./read";

export const REPORT_POLICY_ACTIONS = ["read", "readReview", "export", "editMetadata", "changeStructure", "editPlan", "send", ...REPORT_ACTIONS] as const;
export type ReportPolicyAction = (typeof REPORT_POLICY_ACTIONS)[number];

export interface ReportWorkflowFacts extends ReportFacts {
  /** headings of the live sections that have not passed review (for 提交核稿) */
  unpassed?: readonly SectionName[];
  /** 报送: the latest sending to the office above (null: never sent; undefined: not loaded) */
  submission?: { status: "sent" | "received" | "returned"; decidedAt: Date | null } | null;
  signedAt?: Date | null;
  /** the office has an office above to send to */
  hasOfficeAbove?: boolean;
}

const statusKey = (s: ReportStatus) => ({ key: `report.status.${s}` as const });
const actionKey = (a: ReportAction) => ({ key: `action.report.${a}` as const });

function step({ actor, ancestors }: PolicyContext, report: ReportWorkflowFacts, action: ReportAction): Answer {
  const next = reportStep(report.status, action);
  const unpassed = report.unpassed ?? [];
  return firstRefusal(
    () => (next ? ALLOWED : refused(409, "refusal.reportState", { status: statusKey(report.status), action: actionKey(action) })),
    () => (can(actor, report.officeId, next!.permission, ancestors) ? ALLOWED : refused(403, "refusal.forbidden")),
    // Every text step needs every section passed: a return from 签发 that reopened sections
    // leaves the report unsignable until they pass again.
    () =>
      (action === "submitForCheck" || action === "checkPass" || action === "signOff") && unpassed.length
        ? blocked("refusal.sectionsOpen", { count: unpassed.length, names: { quoted: unpassed.slice(0, 3), more: unpassed.length > 3 }, action: actionKey(action) })
        : ALLOWED,
  );
}

export function reportPolicy(ctx: PolicyContext, report: ReportWorkflowFacts, action: ReportPolicyAction): Answer {
  const { actor, ancestors } = ctx;
  if (!canReadReport(actor, report, ancestors)) return refused(404, "refusal.notFound");
  const permitted = (p: Parameters<typeof can>[2]) => () => (can(actor, report.officeId, p, ancestors) ? ALLOWED : refused(403, "refusal.forbidden"));
  switch (action) {
    case "read":
      return ALLOWED;
    case "readReview":
      // The office's own review (saves, passes, returns and their reasons, deleted
      // sections) is its internal work: an office above reads the signed text and the
      // steps it went through (trail.ts), as with a section's drafts (section.ts).
      return rolesAllow(rolesIn(actor, report.officeId), "report.read") ? ALLOWED : refused(403, "refusal.reviewInternal");
    case "export":
      return permitted("report.export")();
    case "editMetadata":
      return firstRefusal(permitted("report.editMetadata"), () => (isIssued(report.status) ? refused(409, "refusal.metadataIssued") : ALLOWED));
    case "changeStructure":
      return firstRefusal(permitted("report.structure"), () => (isTextOpen(report.status) ? ALLOWED : refused(409, "refusal.structureFrozen")));
    case "send": {
      const last = report.submission;
      return firstRefusal(
        permitted("report.send"),
        () => (report.hasOfficeAbove === false ? refused(409, "refusal.noOfficeAbove") : ALLOWED),
        () => (isIssued(report.status) ? ALLOWED : refused(409, "refusal.sendNotIssued")),
        () => (last && last.status !== "returned" ? refused(409, "refusal.alreadySent") : ALLOWED),
        // Returned: corrected, signed and issued again before it goes back up.
        () => (last?.status === "returned" && !(report.signedAt && last.decidedAt && report.signedAt > last.decidedAt) ? blocked("refusal.resignFirst") : ALLOWED),
      );
    }
    case "editPlan":
      // Last year's plans are checked off by those who write the report: drafters, reviewers, administrators.
      return firstRefusal(
        () => (can(actor, report.officeId, "report.structure", ancestors) || can(actor, report.officeId, "section.editOwn", ancestors) ? ALLOWED : refused(403, "refusal.forbidden")),
        () => (isTextOpen(report.status) ? ALLOWED : refused(409, "refusal.structureFrozen")),
      );
    default:
      return step(ctx, report, action);
  }
}

export function reportAnswers(ctx: PolicyContext, report: ReportWorkflowFacts): Record<ReportPolicyAction, Answer> {
  return Object.fromEntries(REPORT_POLICY_ACTIONS.map((a) => [a, reportPolicy(ctx, report, a)])) as Record<ReportPolicyAction, Answer>;
}
