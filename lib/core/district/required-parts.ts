// The parts every report must contain (《法治政府建设与责任落实督察工作规定》第二十五条),
// matched to a report's first-level headings by keywords, or by a mapping the town
// sets where it words a heading its own way. Pure.
import type { Saying } from "../i18n/messages";

export interface RequiredPart {
  key: string;
  /** what the district calls it */
  name: string;
  /** a heading containing any of these is this part */
  keywords: string[];
  /** (5) 其他需要报告的情况 is often empty and optional by default */
  required: boolean;
}

export const DEFAULT_PARTS: readonly RequiredPart[] = [
  { key: "measures", name: "主要举措和成效", keywords: ["主要举措", "举措和成效", "主要做法", "工作成效"], required: true },
  { key: "shortcomings", name: "存在的不足和原因", keywords: ["不足", "存在的问题", "问题和原因"], required: true },
  { key: "leaders", name: "党政主要负责人履行第一责任人职责情况", keywords: ["第一责任人", "主要负责人"], required: true },
  { key: "plans", name: "下一年度主要安排", keywords: ["主要安排", "工作安排", "工作打算", "工作计划", "下一步"], required: true },
  { key: "other", name: "其他需要报告的情况", keywords: ["其他需要报告", "其他情况"], required: false },
];

export interface TopSection {
  id: string;
  heading: string;
  /** it or any section under it has text */
  hasText: boolean;
}

/** "shared": its section already counts for an earlier part, and the town has not said why it covers both. */
export type PartState = "present" | "empty" | "missing" | "shared";

export interface PartMatch {
  part: RequiredPart;
  sectionId: string | null;
  state: PartState;
  /** the earlier part its section counts for, when one section covers several */
  sharedWith?: string;
}

/**
 * Each part's section: the one the mapping names, else the first heading with a keyword
 * that no earlier part took. A matched section without any text is "empty". A section
 * counts for one part: mapped to a second part it covers it only with `sharedReason`,
 * the town's statement of why one section covers several (else three parts mapped to
 * one section would all read as present).
 */
export function matchParts(sections: readonly TopSection[], parts: readonly RequiredPart[] = DEFAULT_PARTS, mapping: Readonly<Record<string, string>> = {}, sharedReason?: string | null): PartMatch[] {
  const taken = new Set<string>(Object.values(mapping));
  const countedFor = new Map<string, string>();
  return parts.map((part) => {
    const mapped = mapping[part.key] ? sections.find((s) => s.id === mapping[part.key]) : undefined;
    const found = mapped ?? sections.find((s) => !taken.has(s.id) && part.keywords.some((k) => s.heading.includes(k)));
    if (!found) return { part, sectionId: null, state: "missing" };
    taken.add(found.id);
    const state: PartState = found.hasText ? "present" : "empty";
    const first = countedFor.get(found.id);
    if (first === undefined) {
      countedFor.set(found.id, part.name);
      return { part, sectionId: found.id, state };
    }
    return { part, sectionId: found.id, state: sharedReason?.trim() ? state : "shared", sharedWith: first };
  });
}

/** Some section covers more than one part (the overview shows the town's reason beside it). */
export const coversSeveral = (matches: readonly PartMatch[]) => matches.some((m) => m.sharedWith !== undefined);

/** The required parts that are missing or empty, by name. */
export const missingParts = (matches: readonly PartMatch[]): string[] => matches.filter((m) => m.part.required && m.state !== "present").map((m) => m.part.name);

/**
 * The parts as a district edits them: one a line, "名称｜关键词、关键词｜必需" (or 可选), or
 * in English "name | keyword, keyword | required" (or optional).
 * Keys follow the line's position among the regulation's five, so mappings survive a
 * rewording. Returns the parts or the first line that does not read.
 */
export function parsePartsText(text: string): { parts: RequiredPart[] } | { error: Saying } {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return { error: { key: "district.partsNone" } };
  const parts: RequiredPart[] = [];
  for (const [i, line] of lines.entries()) {
    const [name, keywords, need] = line.split(/[｜|]/).map((s) => s.trim());
    const words = (keywords ?? "").split(/[、,，]/).map((s) => s.trim()).filter(Boolean);
    if (!name || !words.length) return { error: { key: "district.partsLine", params: { line: i + 1 } } };
    parts.push({ key: DEFAULT_PARTS[i]?.key ?? `part${i + 1}`, name, keywords: words, required: need !== "可选" && need?.toLowerCase() !== "optional" });
  }
  return { parts };
}

/** The parts as lines to edit, with the syntax's words in the reader's language (either reads back). */
export const partsToText = (parts: readonly RequiredPart[], locale: "zh" | "en" = "zh") =>
  parts
    .map((p) => (locale === "en" ? `${p.name} | ${p.keywords.join(", ")} | ${p.required ? "required" : "optional"}` : `${p.name}｜${p.keywords.join("、")}｜${p.required ? "必需" : "可选"}`))
    .join("\n");
