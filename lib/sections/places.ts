// Where sections stand in their reports: the number each has from its position
// (一、（一）1.（1）) and its place in reading order, for lists that span reports.
import "server-only";
import type { DbOrTx } from "../db/client";
import { flattenTree, numberTree } from "../core/outline/outline-numbers";
import { withParagraphs } from "../core/text/paragraphs";
import { composedIds } from "../core/workflow/review-scope";

export interface Place {
  label: string;
  /** position in the report's reading order */
  index: number;
  /** a heading made of its sub-sections (nothing of its own to review) */
  composed: boolean;
}

export async function sectionPlaces(db: DbOrTx, reportIds: readonly string[]): Promise<Map<string, Place>> {
  const ids = [...new Set(reportIds)];
  const places = new Map<string, Place>();
  if (!ids.length) return places;
  const rows = (await db.section.findMany({ where: { reportId: { in: ids }, deletedAt: null }, select: { id: true, parentId: true, position: true, kind: true, reportId: true, content: true } })).map(withParagraphs);
  for (const id of ids) {
    const own = rows.filter((r) => r.reportId === id);
    const composed = composedIds(own);
    for (const [index, n] of flattenTree(numberTree(own)).entries()) places.set(n.node.id, { label: n.label, index, composed: composed.has(n.node.id) });
  }
  return places;
}

/** Sections of several reports: newest report first, each in reading order. */
export function inReadingOrder<T extends { id: string; report: { year: number } }>(items: T[], places: Map<string, Place>): T[] {
  return [...items].sort((a, b) => b.report.year - a.report.year || (places.get(a.id)?.index ?? 0) - (places.get(b.id)?.index ?? 0));
}
