// The district's overview of its towns for one year: where each report stands, which
// required parts it has, when it was sent up (报送) and published (公开), how late, and
// how much of it was carried over from the town's report of the year before.
import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../core/policy/actor";
import type { ReportStatus } from "../core/workflow/statuses";
import { withParagraphs, plainText } from "../core/text/paragraphs";
import { composedIds } from "../core/workflow/review-scope";
import { chinaDateOf, todayInChina } from "../core/dates";
import { coversSeveral, matchParts, missingParts } from "../core/district/required-parts";
import { topSectionsOf } from "./report-parts";
import { carriedOverShare } from "../core/text/similarity";
import { daysLate } from "./calendar";
import { yearSettings, type YearSettings } from "./year";
import { requireDistrict } from "./access";

export interface OverviewRow {
  officeId: string;
  code: string;
  name: string;
  reportId: string | null;
  status: ReportStatus | null;
  passed: number;
  total: number;
  /** required parts present / required */
  partsPresent: number;
  partsRequired: number;
  missing: string[];
  /** the town's reason why one section covers several parts, when one does */
  partsReason: string | null;
  /** 报送: the latest sending, and whether the district has 签收 or 退回 it */
  sentOn: string | null;
  submission: "sent" | "received" | "returned" | null;
  publishedOn: string | null;
  submitLate: number;
  publishLate: number;
  /** share of sentences carried over from last year's report (null: no report either year) */
  similarity: number | null;
  flagged: boolean;
}

type LoadedSection = ReturnType<typeof withParagraphs<{ id: string; parentId: string | null; kind: "intro" | "heading"; status: import("../core/workflow/statuses").SectionStatus; heading: string; content: unknown; position: number }>>;

/** The body text: headings are the mandated parts' names, the same every year by design. */
function textOf(sections: LoadedSection[]): string {
  return sections.map((s) => plainText(s.content)).join("\n");
}

function overviewRow(
  town: { id: string; code: string; name: string },
  report: { id: string; status: ReportStatus; publishedAt: Date | null; partMapping: unknown; partsSharedReason: string | null; sections: LoadedSection[]; submissions: { sentAt: Date; status: "sent" | "received" | "returned" }[] } | null,
  lastYear: LoadedSection[] | null,
  settings: YearSettings,
  today: string,
): OverviewRow {
  const sections = report?.sections ?? [];
  const composed = composedIds(sections);
  const reviewed = sections.filter((s) => !composed.has(s.id));
  const parts = matchParts(topSectionsOf(sections), settings.parts, (report?.partMapping ?? {}) as Record<string, string>, report?.partsSharedReason);
  const latest = report?.submissions.at(-1) ?? null;
  // Sent on time means sent, and not returned (a returned report is sent again).
  const sentOn = latest ? chinaDateOf(latest.sentAt) : null;
  const publishedOn = report?.publishedAt ? chinaDateOf(report.publishedAt) : null;
  const similarity = report && lastYear ? carriedOverShare(textOf(sections), textOf(lastYear)) : null;
  return {
    officeId: town.id, code: town.code, name: town.name, reportId: report?.id ?? null, status: report?.status ?? null,
    passed: reviewed.filter((s) => s.status === "passed").length, total: reviewed.length,
    partsPresent: parts.filter((p) => p.part.required && p.state === "present").length, partsRequired: parts.filter((p) => p.part.required).length,
    missing: report ? missingParts(parts) : settings.parts.filter((p) => p.required).map((p) => p.name),
    partsReason: coversSeveral(parts) ? report?.partsSharedReason ?? null : null,
    sentOn, submission: latest?.status ?? null, publishedOn,
    submitLate: daysLate(settings.submitDue, latest && latest.status !== "returned" ? sentOn : null, today),
    publishLate: daysLate(settings.publishDue, publishedOn, today),
    similarity, flagged: similarity !== null && similarity >= settings.similarityThreshold,
  };
}

const sectionSelect = { where: { deletedAt: null }, select: { id: true, parentId: true, kind: true, status: true, heading: true, content: true, position: true } } as const;

export async function districtOverview(db: Db, actor: Actor, year: number, code?: string, today = todayInChina()) {
  return overviewOf(db, await requireDistrict(db, actor, code), year, today);
}

/** The overview of a district (for the operator's CLI as for its people). */
export async function overviewOf(db: Db, district: { id: string; code: string; name: string }, year: number, today = todayInChina()) {
  const [settings, towns] = await Promise.all([yearSettings(db, district.id, year), db.office.findMany({ where: { parentId: district.id }, orderBy: { code: "asc" } })]);
  const reports = await db.report.findMany({
    where: { officeId: { in: towns.map((t) => t.id) }, year: { in: [year, year - 1] } },
    include: { sections: sectionSelect, submissions: { orderBy: { sentAt: "asc" }, select: { sentAt: true, status: true } } },
  });
  const of = (officeId: string, y: number) => reports.find((r) => r.officeId === officeId && r.year === y);
  const rows = towns.map((town) => {
    const report = of(town.id, year);
    const before = of(town.id, year - 1);
    return overviewRow(town, report ? { ...report, sections: report.sections.map(withParagraphs) } : null, before ? before.sections.map(withParagraphs) : null, settings, today);
  });
  return { district, settings, rows };
}
