// What review covers. A heading with no text of its own that only holds sub-sections
// (一、……主要举措和成效 in every report made from last year, the template or an import)
// has nothing to review: its sub-sections are reviewed, and it counts as passed when
// they have all passed. Pure; the report's steps, its page, the API and the inbox ask it.
import type { SectionStatus } from "./statuses";

export interface ScopeRow {
  id: string;
  parentId: string | null;
  kind: "intro" | "heading";
  status: SectionStatus;
  heading: string;
  content: readonly { text: string }[];
}

export const hasOwnText = (s: Pick<ScopeRow, "content">) => s.content.some((p) => p.text.trim() !== "");

/** Headings made only of their sub-sections (no text of their own, at least one live child). */
export function composedIds(rows: readonly Pick<ScopeRow, "id" | "parentId" | "kind" | "content">[]): Set<string> {
  const parents = new Set(rows.map((r) => r.parentId).filter((p): p is string => p !== null));
  return new Set(rows.filter((r) => r.kind === "heading" && parents.has(r.id) && !hasOwnText(r)).map((r) => r.id));
}

/** A section as a message names it: its heading, or the 导语 by the catalogue (its heading is the system's, not the town's). */
export type SectionName = string | { key: "intro" };

/** The headings of the sections that still need to pass review, in the order given. */
export function unpassedHeadings(rows: readonly ScopeRow[]): SectionName[] {
  const composed = composedIds(rows);
  return rows.filter((r) => !composed.has(r.id) && r.status !== "passed").map((r) => (r.kind === "intro" ? { key: "intro" as const } : r.heading));
}

/** How a section's review state reads: its status, or "composed" for a heading made of sub-sections. */
export type ReviewState = SectionStatus | "composed";
export const reviewState = (row: ScopeRow, composed: ReadonlySet<string>): ReviewState => (composed.has(row.id) ? "composed" : row.status);
