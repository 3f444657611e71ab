// Report and section statuses, as stored and as offices name them.
export const REPORT_STATUSES = ["drafting", "checking", "awaiting_signoff", "signed", "issued", "published"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, { zh: string; en: string }> = {
  drafting: { zh: "起草中", en: "Drafting" },
  checking: { zh: "核稿中", en: "In final check" },
  awaiting_signoff: { zh: "待签发", en: "Awaiting sign-off" },
  signed: { zh: "已签发", en: "Signed off" },
  issued: { zh: "已印发", en: "Issued" },
  published: { zh: "已公开", en: "Published" },
};

export const SECTION_STATUSES = ["not_started", "drafting", "submitted", "returned", "passed"] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

export const SECTION_STATUS_LABELS: Record<SectionStatus, { zh: string; en: string }> = {
  not_started: { zh: "未开始", en: "Not started" },
  drafting: { zh: "起草中", en: "Drafting" },
  submitted: { zh: "待审核", en: "Submitted" },
  returned: { zh: "退回修改", en: "Returned" },
  passed: { zh: "已通过", en: "Passed" },
};

export function reportStatusLabel(status: string, locale: "zh" | "en"): string {
  return REPORT_STATUS_LABELS[status as ReportStatus]?.[locale] ?? status;
}
export function sectionStatusLabel(status: string, locale: "zh" | "en"): string {
  return SECTION_STATUS_LABELS[status as SectionStatus]?.[locale] ?? status;
}
