// Report → document model: every element of a GB/T 9704 公文, in order, each
// optional one present only when its data is set. Pure; the layout engine and
// the DOCX and HTML writers all start from this.
import { flattenTree, numberTree, MAX_DEPTH, type NumberableNode } from "../outline/outline-numbers";
import { splitRunIn } from "../text/paragraphs";
import { isSigned, type ReportStatus } from "../workflow/statuses";
import { xmlSafe } from "../text/sanitise";
import { parseTitleTerms } from "./layout/title-terms";

/**
 * How a run is set: a heading level's face (一、 黑体, （一） 楷体, 1．（1） 仿宋), body
 * text, or a run-in heading's lead-in (仿宋, bold when the office sets it so).
 */
export type RunStyle = "heading1" | "heading2" | "heading3" | "heading4" | "body" | "lead";

export interface BodyRun {
  text: string;
  style: RunStyle;
}

export interface BodyBlock {
  /** a heading on its own line (kept with what follows it), or a paragraph */
  kind: "heading" | "paragraph";
  /** the heading's level, or a numbered paragraph's; 0 for an ordinary paragraph */
  level: 0 | 1 | 2 | 3 | 4;
  /** the number comes first, in the first run */
  runs: BodyRun[];
}

export interface DocumentModel {
  draft: boolean;
  header: {
    /** 份号: 6 digits */
    copyNumber?: string;
    /** 密级和保密期限 */
    secrecy?: string;
    /** 紧急程度 */
    urgency?: string;
    /**
     * 发文机关标志: one issuer ("大场镇人民政府文件"), or for joint issuing the issuers
     * one a line with "文件" beside them, centred on their height (§7.2.1).
     */
    mark: { names: string[]; suffix: string };
    /** 发文字号 */
    docNumber?: string;
    /** 签发人 (上行文 only) */
    signer?: string;
  };
  title: string;
  /** 主送机关, without the colon */
  addressee?: string;
  body: BodyBlock[];
  /** 附件说明 lines */
  attachments?: string[];
  /** 署名 (one per issuer, in order) and 成文日期 (formatted 2023年2月16日) */
  signature?: { signatories: string[]; date: string };
  /** 附注, without its brackets */
  note?: string;
  colophon?: {
    copyTo?: string;
    issuer: string;
    /** 2023年2月16日 */
    issueDate: string;
    copies?: number;
  };
  /** office settings that change how the text is set; titleTerms: the office's own terms a title keeps whole */
  style: { runInBold: boolean; titleTerms?: string[] };
}

export interface JointIssuer {
  /** the name in the 发文机关标志, e.g. 中共大场镇委员会 */
  mark: string;
  /** the 署名, e.g. 中共上海市宝山区大场镇委员会 */
  fullName: string;
}

export interface ModelInput {
  report: {
    title: string;
    status: ReportStatus;
    docNumber: string | null;
    addressee: string | null;
    signatory: string | null;
    writtenDate: Date | null;
    copyTo: string | null;
    issuer: string | null;
    issueDate: Date | null;
    copies: number | null;
    signerName?: string | null;
  };
  office: { headerMark: string; fullName: string; jointIssuers?: readonly JointIssuer[]; runInBold?: boolean; titleTerms?: string | null };
  sections: (NumberableNode & { heading: string; runIn?: boolean })[];
  options?: { copyNumber?: string; secrecy?: string; urgency?: string; note?: string; attachments?: string[] };
}

/** The date 2023-02-16 → 2023年2月16日 (Arabic digits, no leading zeros). */
function chineseDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}


const headingStyle = (depth: number): RunStyle => `heading${Math.min(depth, MAX_DEPTH) as 1 | 2 | 3 | 4}`;

/** A block's text as read: number and all runs. */
export function blockText(b: BodyBlock): string {
  return b.runs.map((r) => r.text).join("");
}

/** The body in reading order: headings, run-in headings, numbered and ordinary paragraphs. */
export function bodyBlocks(sections: ModelInput["sections"]): BodyBlock[] {
  const body: BodyBlock[] = [];
  for (const n of flattenTree(numberTree(sections))) {
    const level = Math.min(n.depth, MAX_DEPTH) as 1 | 2 | 3 | 4;
    let first = 0;
    if (n.node.kind !== "intro") {
      const heading: BodyRun = { text: n.label + n.node.heading, style: headingStyle(n.depth) };
      const runInWith = n.node.runIn ? n.node.content[0] : undefined;
      if (runInWith) {
        body.push({ kind: "paragraph", level, runs: [heading, { text: runInWith.text, style: "body" }] });
        first = 1;
      } else body.push({ kind: "heading", level, runs: [heading] });
    }
    n.node.content.forEach((p, i) => {
      if (i < first || !p.text) return;
      const label = n.paragraphLabels[i];
      const { lead, rest } = splitRunIn(p);
      const runs: BodyRun[] = lead ? [{ text: label + lead, style: "lead" }, { text: rest, style: "body" }] : [{ text: label + p.text, style: "body" }];
      body.push({ kind: "paragraph", level: p.level ?? 0, runs });
    });
  }
  return body;
}

export function toDocumentModel({ report, office, sections, options = {} }: ModelInput): DocumentModel {
  const joint = office.jointIssuers ?? [];
  const single = office.headerMark;
  const mark = joint.length
    ? { names: [...joint.map((j) => j.mark), single.replace(/文件$/, "")], suffix: single.endsWith("文件") ? "文件" : "" }
    : { names: [single], suffix: "" };
  const model: DocumentModel = {
    draft: !isSigned(report.status),
    header: { mark },
    title: report.title,
    body: bodyBlocks(sections),
    style: { runInBold: !!office.runInBold, titleTerms: parseTitleTerms(office.titleTerms) },
  };
  if (options.copyNumber) model.header.copyNumber = options.copyNumber;
  if (options.secrecy) model.header.secrecy = options.secrecy;
  if (options.urgency) model.header.urgency = options.urgency;
  if (report.docNumber) model.header.docNumber = report.docNumber;
  if (report.addressee) model.addressee = report.addressee.replace(/[：:]$/, "");
  // A report addressed to a body (区政府) is sent up: a 上行文 names its 签发人 once signed (§7.2.4).
  if (model.addressee && report.signerName) model.header.signer = report.signerName;
  if (options.attachments?.length) model.attachments = options.attachments;
  if (report.signatory && report.writtenDate) {
    model.signature = { signatories: [...joint.map((j) => j.fullName), report.signatory], date: chineseDate(report.writtenDate) };
  }
  if (options.note) model.note = options.note;
  if (report.issueDate) {
    model.colophon = {
      issuer: report.issuer ?? office.fullName,
      issueDate: chineseDate(report.issueDate),
      ...(report.copyTo ? { copyTo: report.copyTo } : {}),
      ...(report.copies ? { copies: report.copies } : {}),
    };
  }
  return model;
}

/** The file name for downloads: 发文字号 + title, or 草稿 + title for a draft. */
export function exportFileName(model: DocumentModel, ext: string): string {
  const base = model.draft || !model.header.docNumber ? `草稿-${model.title}` : `${model.header.docNumber}${model.title}`;
  return `${base.replace(/[\\/:*?"<>|\s]+/g, "")}.${ext}`;
}

/**
 * Every string in `value` (a model, an OFD's file facts) without the characters XML 1.0
 * cannot hold. Each writer calls it first: the input rule refuses them, but a row stored
 * before that rule may still hold one, and an issued report's official file must parse.
 */
export function xmlSafeModel<T>(value: T): T {
  if (typeof value === "string") return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeModel) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeModel(v)])) as T;
  return value;
}
