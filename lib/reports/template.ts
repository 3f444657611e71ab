// The mandated shape of a 法治政府建设年度报告 (厅字〔2019〕28号, chapter 5):
// an introduction and five items, the fifth optional. The （一） themes under
// 一、 are defaults an office edits, not a cage.
import "server-only";
import type { ParsedSection } from "../core/text/parse-text";

export const DEFAULT_THEMES = [
  "坚持党的领导，深入学习贯彻习近平法治思想",
  "依法全面履行政府职能",
  "推进严格规范公正文明执法",
  "强化行政权力制约和监督",
  "加强法治宣传和公共法律服务",
];

export interface TemplateOptions {
  officeName: string;
  year: number;
  themes?: string[];
  includeOther?: boolean;
}

export function reportTitle(officeName: string, year: number): string {
  return `关于${officeName}${year}年法治政府建设的情况报告`;
}

const section = (heading: string, children: ParsedSection[] = []): ParsedSection => ({ kind: "heading", heading, paragraphs: [], children });

export function templateSections({ year, themes = DEFAULT_THEMES, includeOther = false }: TemplateOptions): ParsedSection[] {
  const sections: ParsedSection[] = [
    { kind: "intro", heading: "导语", paragraphs: [], children: [] },
    section("主要举措和成效", themes.map((t) => section(t))),
    section("存在的不足和原因"),
    section("党政主要负责人履行推进法治建设第一责任人职责情况"),
    section(`${year + 1}年度主要安排`),
  ];
  if (includeOther) sections.push(section("其他需要报告的情况"));
  return sections;
}

/** 1 March of the year after the report's year: the deadline for reporting upward. */
export function defaultDueDate(year: number): string {
  return `${year + 1}-03-01`;
}
