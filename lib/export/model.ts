// Report → document model: every element of a GB/T 9704 公文, in order, each
// optional one present only when its data is set. Pure; the layout engine and
// the DOCX and HTML writers all start from this.
import { flattenTree, numberTree, type NumberableNode } from "../sections/numbering";

export interface BodyBlock {
  /** 0 = paragraph, 1–4 = heading level (一、（一）1.（1）) */
  level: 0 | 1 | 2 | 3 | 4;
  /** the heading's number, e.g. "一、"; "" for a paragraph */
  label: string;
  text: string;
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
    /** 发文机关标志 */
    mark: string;
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
  /** 署名 and 成文日期 (formatted 2023年2月16日) */
  signature?: { signatory: string; date: string };
  /** 附注, without its brackets */
  note?: string;
  colophon?: {
    copyTo?: string;
    issuer: string;
    /** 2023年2月16日 */
    issueDate: string;
    copies?: number;
  };
}

export interface ModelInput {
  report: {
    title: string;
    status: string;
    docNumber: string | null;
    addressee: string | null;
    signatory: string | null;
    writtenDate: string | null;
    copyTo: string | null;
    issuer: string | null;
    issueDate: string | null;
    copies: number | null;
    signerName?: string | null;
  };
  office: { headerMark: string; fullName: string };
  sections: (NumberableNode & { heading: string; content: string })[];
  options?: { upward?: boolean; copyNumber?: string; secrecy?: string; urgency?: string; note?: string; attachments?: string[] };
}

/** 2023-02-16 → 2023年2月16日 (Arabic digits, no leading zeros). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`chineseDate: ${iso}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const DRAFT_STATUSES = ["drafting", "checking", "awaiting_signoff"];

export function toDocumentModel({ report, office, sections, options = {} }: ModelInput): DocumentModel {
  const body: BodyBlock[] = [];
  for (const n of flattenTree(numberTree(sections))) {
    if (n.node.kind !== "intro") body.push({ level: Math.min(n.depth, 4) as 1 | 2 | 3 | 4, label: n.label, text: n.node.heading });
    for (const p of n.node.content.split("\n")) if (p.trim()) body.push({ level: 0, label: "", text: p.trim() });
  }
  const model: DocumentModel = {
    draft: DRAFT_STATUSES.includes(report.status),
    header: { mark: office.headerMark },
    title: report.title,
    body,
  };
  if (options.copyNumber) model.header.copyNumber = options.copyNumber;
  if (options.secrecy) model.header.secrecy = options.secrecy;
  if (options.urgency) model.header.urgency = options.urgency;
  if (report.docNumber) model.header.docNumber = report.docNumber;
  if (options.upward && report.signerName) model.header.signer = report.signerName;
  if (report.addressee) model.addressee = report.addressee.replace(/[：:]$/, "");
  if (options.attachments?.length) model.attachments = options.attachments;
  if (report.signatory && report.writtenDate) model.signature = { signatory: report.signatory, date: chineseDate(report.writtenDate) };
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
