// Every status, and the one place that groups them. Adding a status means a row
// here and a transition in machine.ts; the policy, the exports and the lists ask
// these questions rather than naming statuses.
export const REPORT_STATUSES = ["drafting", "checking", "awaiting_signoff", "signed", "issued", "published"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const SECTION_STATUSES = ["not_started", "drafting", "submitted", "returned", "passed"] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

/**
 * Where a report is: its text is being written and reviewed (drafting), checked and
 * awaiting signature as a whole (approval), or fixed by the signature (signed): a
 * signed text never changes, its district may read it, and exports no longer say 草稿.
 */
export type ReportPhase = "drafting" | "approval" | "signed";
const REPORT_PHASE: Record<ReportStatus, ReportPhase> = {
  drafting: "drafting",
  checking: "approval",
  awaiting_signoff: "approval",
  signed: "signed",
  issued: "signed",
  published: "signed",
};

export const phaseOf = (status: ReportStatus): ReportPhase => REPORT_PHASE[status];
/** Sections may still be written, added, moved and reviewed. */
export const isTextOpen = (status: ReportStatus) => REPORT_PHASE[status] === "drafting";
/** Signed off or later: the text is fixed and has been sent up. */
export const isSigned = (status: ReportStatus) => REPORT_PHASE[status] === "signed";
/** Issued (a 发文字号 given) or later: the report's information can no longer change. */
export const isIssued = (status: ReportStatus) => status === "issued" || status === "published";
/** The statuses of a phase (for queries). */
export const statusesIn = (phase: ReportPhase): ReportStatus[] => REPORT_STATUSES.filter((s) => REPORT_PHASE[s] === phase);

/** A section's text can be worked on by its owner (not waiting for review, not passed). */
const SECTION_OPEN: Record<SectionStatus, boolean> = { not_started: true, drafting: true, returned: true, submitted: false, passed: false };
export const OPEN_SECTION_STATUSES = SECTION_STATUSES.filter((s) => SECTION_OPEN[s]);
