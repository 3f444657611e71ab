// The overview sorted as the district asked (a column, either way). Pure.
import "server-only";
import type { OverviewRow } from "./overview";

const STATUS_ORDER = ["drafting", "checking", "awaiting_signoff", "signed", "issued", "published"];
const KEYS: Record<string, (r: OverviewRow) => number | string> = {
  code: (r) => r.code,
  status: (r) => (r.status ? STATUS_ORDER.indexOf(r.status) : -1),
  sections: (r) => (r.total ? r.passed / r.total : 0),
  parts: (r) => r.partsPresent,
  sent: (r) => r.sentOn ?? "9999",
  published: (r) => r.publishedOn ?? "9999",
  late: (r) => Math.max(r.submitLate, r.publishLate),
  similarity: (r) => r.similarity ?? -1,
};

export function sortOverview(rows: readonly OverviewRow[], sort: string, dir: "asc" | "desc"): OverviewRow[] {
  const key = KEYS[sort] ?? KEYS.code;
  const sign = dir === "desc" ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = key(a), y = key(b);
    return (x < y ? -1 : x > y ? 1 : a.code.localeCompare(b.code)) * sign;
  });
}
