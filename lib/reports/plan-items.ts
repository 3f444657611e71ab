// Last year's 四、主要安排 becomes this year's checklist: one item per plan.
// Offices write plans as sub-sections, or as 一是……二是…… paragraphs.
const ENUMERATED = /^[一二三四五六七八九十]+是/;

/** The first sentence of an enumerated paragraph, e.g. "一是全面推动学习贯彻习近平法治思想". */
function planTitle(paragraph: string): string {
  const stop = paragraph.search(/[。；;]/);
  const first = stop > 0 ? paragraph.slice(0, stop) : paragraph;
  if (first.length <= 40) return first;
  // A long sentence: its first clause names the plan.
  const comma = first.indexOf("，", 8);
  return comma > 0 ? first.slice(0, comma) : `${first.slice(0, 40)}…`;
}

/** Plans from the plan section: its sub-sections' headings and its enumerated paragraphs. */
export function extractPlanItems(planSection: { paragraphs: readonly string[]; children: readonly string[] }): string[] {
  const fromChildren = [...planSection.children];
  const enumerated = planSection.paragraphs.filter((p) => ENUMERATED.test(p)).map(planTitle);
  const items = [...fromChildren, ...enumerated];
  if (items.length > 0) return items;
  return planSection.paragraphs.map(planTitle);
}

/** The plan section of a report: the top-level heading that speaks of 安排 (normally 四、). */
export function findPlanSection<T extends { heading: string; kind?: string }>(topLevel: T[]): T | undefined {
  return topLevel.find((s) => s.kind !== "intro" && /安排/.test(s.heading)) ?? topLevel.filter((s) => s.kind !== "intro")[3];
}

export const PLAN_OUTCOMES = ["pending", "done", "partly", "dropped"] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];
