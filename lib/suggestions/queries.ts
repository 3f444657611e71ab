// Reading suggestions: the pending ones of sections, as the policy and the pages need them.
import "server-only";
import type { DbOrTx } from "../db/client";
import { asParagraphs, plainText } from "../core/text/paragraphs";
import { locateSuggestion } from "../core/suggestions/anchor";
import type { SuggestionView } from "../core/suggestions/view";
export type { SuggestionView };
import type { Actor } from "../core/policy/actor";
import { reportPolicy } from "../core/policy/report";
import { sectionFacts, sectionPolicy } from "../core/policy/section";
import { loadVisibleReport, loadVisibleSection } from "../policy/visibility";
import { loadNumberedSections } from "../sections/queries";

/** Pending suggestions per section (sections with none are absent). */
export async function pendingCounts(db: DbOrTx, sectionIds: readonly string[]): Promise<Map<string, number>> {
  if (!sectionIds.length) return new Map();
  const rows = await db.suggestion.groupBy({ by: ["sectionId"], where: { sectionId: { in: [...sectionIds] }, decision: null }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.sectionId, r._count._all]));
}


/** The pending suggestions of these sections, in text order per section, each placed in its current text. */
export async function pendingOf(db: DbOrTx, sections: readonly { id: string; content: unknown }[]): Promise<SuggestionView[]> {
  if (!sections.length) return [];
  const rows = await db.suggestion.findMany({ where: { sectionId: { in: sections.map((s) => s.id) }, decision: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const texts = new Map(sections.map((s) => [s.id, plainText(asParagraphs(s.content))]));
  const order = new Map(sections.map((s, i) => [s.id, i]));
  return rows
    .map((r): SuggestionView => {
      const at = locateSuggestion(texts.get(r.sectionId) ?? "", r);
      return { id: r.id, sectionId: r.sectionId, kind: r.kind, text: r.text, prefix: r.prefix, suffix: r.suffix, author: r.authorName, authorId: r.authorId, source: r.source, createdAt: r.createdAt.toISOString(), at, stale: !at };
    })
    .sort((a, b) => order.get(a.sectionId)! - order.get(b.sectionId)! || (a.at?.from ?? Infinity) - (b.at?.from ?? Infinity));
}

/** GET /api/reports/{id}/suggestions: the pending suggestions of the report's live sections; none for a reader who may not see drafts' review. */
export async function reportSuggestions(db: DbOrTx, actor: Actor, reportId: string): Promise<SuggestionView[]> {
  const { report, ancestors } = await loadVisibleReport(db, actor, reportId);
  if (!reportPolicy({ actor, ancestors }, report, "readReview").ok) return [];
  return pendingOf(db, (await loadNumberedSections(db, report.id)).map((s) => s.node));
}

/** GET /api/sections/{id}/suggestions. */
export async function sectionSuggestions(db: DbOrTx, actor: Actor, sectionId: string): Promise<SuggestionView[]> {
  const { section, report, ancestors } = await loadVisibleSection(db, actor, sectionId);
  if (!sectionPolicy({ actor, ancestors }, report, sectionFacts(section), "readDrafts").ok) return [];
  return pendingOf(db, [section]);
}
