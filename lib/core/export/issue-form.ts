// The 发文稿纸 (发文处理笺): the bordered table an office files with a document, each
// step's person, opinion and date, as laid out on an A4 page. Pure: the PDF draws it
// (lib/export/issue-form-pdf.ts). Field list and order: docs/issue-form.md.

/** A hand-written mark: strokes of [x, y, pressure], x and y in 0..1 of the canvas it was written on. */
export type InkStroke = [number, number, number][];

export interface FormStep {
  person: string;
  /** as written; none for 拟稿 */
  opinion?: string;
  /** YYYY-MM-DD, China time */
  date?: string;
  /** the signer's handwriting, captured with the step */
  ink?: InkStroke[];
}

export interface IssueFormInput {
  issuer: string;
  docNumber?: string;
  title: string;
  addressee?: string;
  copyTo?: string;
  secrecy?: string;
  urgency?: string;
  copies?: number;
  /** 拟稿: who, the drafting unit, and the day it went to 核稿 */
  draft: { person: string; unit: string; date?: string };
  check?: FormStep;
  /** 会签: one row per office of a joint document */
  countersign: { office: string; step?: FormStep }[];
  sign?: FormStep;
}

export interface FormCell {
  x: number;
  y: number;
  w: number;
  h: number;
  /** a label cell (宋体, centred) or a value cell (仿宋, from the top left) */
  kind: "label" | "value";
  text: string;
  /** a step's "person　date", set at the cell's bottom right */
  footer?: string;
  ink?: InkStroke[];
}

export interface IssueForm {
  heading: string;
  cells: FormCell[];
  /** the table's outer box */
  box: { x: number; y: number; w: number; h: number };
}

/** A4 in points, and the form's geometry. */
export const FORM_PAGE = { width: 595.28, height: 841.89 };
export const FORM_GEOMETRY = { left: 56, top: 110, width: 483.28, label: 78, textSize: 12, pad: 6, lineGap: 6 };

const { left, width, label, textSize, pad, lineGap } = FORM_GEOMETRY;
const half = (width - 2 * label) / 2;

/** "2023-02-16" → "2023年2月16日". */
export function formDate(iso?: string): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** Lines a text takes in a cell, counting every character as a full em (CJK text; Latin is narrower, so never more). */
export function linesIn(text: string, cellWidth: number, size = textSize): number {
  const perLine = Math.max(1, Math.floor((cellWidth - 2 * pad) / size));
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / perLine)), 0);
}

/** A row's height: at least `min`, and tall enough for its text (and a step's footer line). */
function heightFor(text: string, cellWidth: number, min: number, footer = false): number {
  const lines = linesIn(text, cellWidth) + (footer ? 1 : 0);
  return Math.max(min, lines * (textSize + lineGap) + 2 * pad);
}

const stepFooter = (s?: { person: string; date?: string }) => (s ? [s.person, formDate(s.date)].filter(Boolean).join("　") : "");

/** The form's cells, row by row, top to bottom: the document's facts, then its steps in the order they happen. */
export function issueFormLayout(input: IssueFormInput): IssueForm {
  const cells: FormCell[] = [];
  let y = FORM_GEOMETRY.top;
  const wide = (name: string, text: string, min = 30) => {
    const h = heightFor(text, width - label, min);
    cells.push({ x: left, y, w: label, h, kind: "label", text: name }, { x: left + label, y, w: width - label, h, kind: "value", text });
    y += h;
  };
  const pair = (a: [string, string], b: [string, string]) => {
    const h = Math.max(heightFor(a[1], half, 30), heightFor(b[1], half, 30));
    let x = left;
    for (const [name, text] of [a, b]) {
      cells.push({ x, y, w: label, h, kind: "label", text: name }, { x: x + label, y, w: half, h, kind: "value", text });
      x += label + half;
    }
    y += h;
  };
  const step = (name: string, s: FormStep | undefined, min: number) => {
    const text = s?.opinion ?? "";
    // A 会签 office's name may take more lines in the label than the opinion does.
    const h = Math.max(heightFor(text, width - label, min, true), heightFor(name, label, min));
    cells.push({ x: left, y, w: label, h, kind: "label", text: name });
    cells.push({ x: left + label, y, w: width - label, h, kind: "value", text, footer: stepFooter(s), ...(s?.ink?.length ? { ink: s.ink } : {}) });
    y += h;
  };

  wide("发文机关", input.issuer);
  pair(["发文字号", input.docNumber ?? ""], ["密　　级", input.secrecy ?? ""]);
  pair(["紧急程度", input.urgency ?? ""], ["印　　数", input.copies ? String(input.copies) : ""]);
  wide("标　　题", input.title, 48);
  wide("主　　送", input.addressee ?? "");
  wide("抄　　送", input.copyTo ?? "");
  // 拟稿: the unit on the first line, who and when at the bottom right.
  const h = heightFor(input.draft.unit, width - label, 44, true);
  cells.push({ x: left, y, w: label, h, kind: "label", text: "拟　　稿" });
  cells.push({ x: left + label, y, w: width - label, h, kind: "value", text: input.draft.unit, footer: stepFooter(input.draft) });
  y += h;
  step("核　　稿", input.check, 96);
  for (const c of input.countersign) step(`会签\n${c.office}`, c.step, 56);
  step("签　　发", input.sign, 130);
  return { heading: `${input.issuer}发文稿纸`, cells, box: { x: left, y: FORM_GEOMETRY.top, w: width, h: y - FORM_GEOMETRY.top } };
}
