// Terms of the trade a title never splits (GB/T 9704 §7.3.1: 词意完整). The ICU
// segmenter knows 法治 and 政府 but not 法治政府, so "关于2024年度法治 / 政府建设…"
// would pass as a break between words. An office adds its own (Office.titleTerms).

/** Terms that ship: the vocabulary of 法治政府建设 reports and the offices that write them. */
export const TITLE_TERMS: readonly string[] = [
  // the subject
  "法治政府建设", "法治政府", "法治建设", "法治社会", "法治国家", "法治中国", "法治乡村", "法治思维", "法治方式",
  "依法治国", "依法行政", "依法执政", "依法治区", "依法治镇", "依法治市", "依法治县", "全面依法治国", "全面依法治区", "全面依法治市", "全面依法治县", "全面推进",
  // the work
  "行政执法", "综合行政执法", "行政执法责任制", "行政执法三项制度", "行政执法公示", "执法全过程记录", "重大执法决定法制审核",
  "行政复议", "行政诉讼", "行政应诉", "行政机关负责人出庭应诉", "行政许可", "行政处罚", "行政强制", "行政裁决", "行政调解",
  "合法性审查", "公平竞争审查", "规范性文件", "行政规范性文件", "重大行政决策", "政务公开", "政府信息公开",
  "公共法律服务", "法律顾问", "公职律师", "普法", "法治宣传教育", "谁执法谁普法", "民主法治示范村",
  "矛盾纠纷", "多元化解", "人民调解", "信访工作", "营商环境", "放管服", "证明事项告知承诺制",
  "实施纲要", "年度报告", "第一责任人", "述法",
  // who writes them
  "人民政府", "人民代表大会", "委员会", "办公室", "街道办事处", "司法局", "司法所", "法制办公室",
];

/** An office's own terms: its setting, one term a line; blank lines and spaces around a term ignored. */
export function parseTitleTerms(text: string | null | undefined): string[] {
  return (text ?? "").split(/\r?\n/).map((t) => t.trim()).filter((t) => t.length > 0);
}
