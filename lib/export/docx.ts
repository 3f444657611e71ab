// DOCX with the `docx` package, to the same GB/T 9704 numbers as the PDF, so that
// Word and WPS on a government PC lay it out to the standard: A4, the 版心 by
// margins, exact 28.95 pt lines on a line grid, 28 characters a line by a −0.25 pt
// run spacing, the official East Asian font names (never embedded), zh-CN, odd/even
// page-number footers and the 版记 at the foot of the last page. Every number comes
// from the layout engine's modules (geometry.ts, rules.ts, headerRows): page 1's 版头
// sits on the same grid lines as in the PDF, the 标志 and the red line in frames at
// the positions the engine computed (lib/export/docx-header.ts).
import {
  AlignmentType, BorderStyle, Document, DocumentGridType, Footer, HeightRule, OverlapType, Packer, PageNumber,
  Table, TableAnchorType, TableCell, TableRow, TabStopType, TextRun, WidthType,
} from "docx";
import JSZip from "jszip";
import { xmlSafeModel, type DocumentModel } from "../core/export/model";
import { fontMetrics } from "./fonts";
import { STYLE_FONT, layoutDocument, type Fonts, type LaidOutPage } from "../core/export/layout/engine";
import { colophonRows, signaturePositions } from "../core/export/layout/rules";
import { CHAR_PITCH, DOCX, SIZE, TEXT } from "../core/export/layout/geometry";
import { LANGUAGE, LINE, OFF_GRID, Paragraph, TEXT_W, blank, exact, font, run, twips } from "./docx-runs";
import { headerBlocks, titleBlocks } from "./docx-header";
import type { ReviewMarks } from "../core/review/marked-body";
import { reviewComments, reviewParagraphs } from "./docx-review";
import { SECTION_VERSIONS_PROPERTY } from "../core/review/types";

/** The 版记's last rule sits this much (1 pt) above the 版心's bottom edge, room for the document's last paragraph. */
const COLOPHON_CLEARANCE = 20;

/** The official DOCX; with `marks`, the 修订稿: the same document with its body's revisions and comments (lib/core/review/marked-body.ts). */
export async function renderDocx(stored: DocumentModel, marks?: ReviewMarks): Promise<Buffer> {
  const model = xmlSafeModel(stored); // old rows may hold what XML cannot: the file must still parse
  const review = marks && xmlSafeModel(marks);
  const metrics = fontMetrics();
  const measureTitle = (t: string, s: number) => metrics.measure("title", t, s);
  const children: (Paragraph | Table)[] = [...headerBlocks(model, measureTitle), ...titleBlocks(model, measureTitle), ...bodyBlocks(model, review)];
  if (model.signature) {
    // The 署名 never starts a page alone: the text's last paragraph keeps with it, as in the PDF.
    const lastText = children.at(-1);
    if (lastText instanceof Paragraph) children[children.length - 1] = lastText.keepWithNext();
    children.push(...signatureBlocks(model.signature, metrics));
  }
  if (model.note) children.push(new Paragraph({ spacing: exact(), indent: { firstLine: DOCX.indent }, children: [run(`（${model.note}）`, "fang", SIZE.body)] }));
  if (model.colophon) children.push(...colophonBlocks(model.colophon, layoutDocument(model, metrics)));
  return finishXml(await Packer.toBuffer(officialDocument(model, children, review)));
}

/** 正文 (a heading kept with what follows, as in the PDF) and the 附件说明; in the 修订稿, the body with its revisions and comments. */
function bodyBlocks(model: DocumentModel, review?: ReviewMarks): Paragraph[] {
  const blocks = review ? reviewParagraphs(review, model.style.runInBold) : model.body.map(
    (b, i) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: exact(),
        indent: { firstLine: DOCX.indent },
        // A heading keeps with what follows, as in the PDF (the last block has nothing to keep with).
        keepNext: b.kind === "heading" && i < model.body.length - 1,
        children: b.runs.map((r) => run(r.text, STYLE_FONT[r.style], SIZE.body, r.style === "lead" && model.style.runInBold ? { bold: true } : {})),
      }),
  );
  const attachments = model.attachments ?? [];
  if (attachments.length) {
    blocks.push(blank());
    attachments.forEach((a, i) =>
      blocks.push(new Paragraph({ spacing: exact(), indent: { firstLine: DOCX.indent }, children: [run(`${i === 0 ? "附件：" : "　　　"}${attachments.length > 1 ? `${i + 1}.` : ""}${a}`, "fang", SIZE.body)] })),
    );
  }
  return blocks;
}

/** A blank line, the 署名 (kept together with the date) and the 成文日期, by the same rule as the PDF (layout/rules.ts), as indents. */
function signatureBlocks(signature: NonNullable<DocumentModel["signature"]>, metrics: Fonts): Paragraph[] {
  // Every 署名 ends where the widest does.
  const width = (t: string) => metrics.measure("fang", t, SIZE.body) + [...t].length * (CHAR_PITCH - SIZE.body);
  const widths = signature.signatories.map(width);
  const { signX, dateX } = signaturePositions(Math.max(...widths), width(signature.date));
  const end = signX + Math.max(...widths);
  return [
    new Paragraph({ spacing: exact(), keepNext: true, children: [run("", "fang", SIZE.body)] }),
    ...signature.signatories.map((s, i) => new Paragraph({ spacing: exact(), keepNext: true, indent: { left: twips(end - widths[i]) }, children: [run(s, "fang", SIZE.body)] })),
    new Paragraph({ spacing: exact(), indent: { left: twips(dateX) }, children: [run(signature.date, "fang", SIZE.body)] }),
  ];
}

/** The 版记, on a page of its own when the engine found no room for it below the text, as in the PDF. */
function colophonBlocks(colophon: NonNullable<DocumentModel["colophon"]>, pages: LaidOutPage[]): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [];
  const last = pages.at(-1)!;
  if (!last.items.some((i) => i.kind === "text" && i.role !== "colophon" && i.role !== "pageNumber")) {
    blocks.push(new Paragraph({ pageBreakBefore: true, spacing: exact(), children: [] }));
  }
  // The document ends with the floating 版记 and a last paragraph, which LibreOffice anchors it to
  // and sets below it: off the grid and a point high, it fits under the 版记's last rule.
  blocks.push(colophonTable(colophon), new Paragraph({ style: OFF_GRID, spacing: exact(COLOPHON_CLEARANCE / 2), children: [] }));
  return blocks;
}

/** 页码 "— N —" in 宋体, one character in from the outer edge: odd pages right, even pages left. */
const pageNumber = (alignment: "left" | "right") =>
  new Footer({
    children: [
      new Paragraph({
        alignment: alignment === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === "right" ? { right: DOCX.oneChar(SIZE.pageNumber) } : { left: DOCX.oneChar(SIZE.pageNumber) },
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font("song"), size: SIZE.pageNumber * 2 })],
      }),
    ],
  });

/** The document around the blocks: its properties, styles (the off-grid one), A4 page, line grid and footers. */
function officialDocument(model: DocumentModel, children: (Paragraph | Table)[], review?: ReviewMarks): Document {
  return new Document({
    title: model.draft ? `草稿 - ${model.title}` : model.title,
    subject: model.header.docNumber ?? "草稿",
    keywords: model.draft ? "草稿" : "正式",
    creator: "年度报告编审系统 Report Studio",
    evenAndOddHeaderAndFooters: true,
    ...(review?.comments.length ? { comments: { children: reviewComments(review) } } : {}),
    // Read back by the review import: the sections' versions this 修订稿 was made from.
    ...(review?.versions ? { customProperties: [{ name: SECTION_VERSIONS_PROPERTY, value: JSON.stringify(review.versions) }] } : {}),
    styles: {
      default: {
        document: {
          run: { font: font("fang"), size: SIZE.body * 2, language: LANGUAGE },
          paragraph: { spacing: exact() },
        },
      },
      paragraphStyles: [{ id: OFF_GRID, name: "Off grid", basedOn: "Normal", quickFormat: false, paragraph: { spacing: exact() } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: DOCX.pageWidth, height: DOCX.pageHeight },
            margin: { ...DOCX.margin, header: DOCX.header, footer: DOCX.footer },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumber("right"), even: pageNumber("left") },
        children,
      },
    ],
  });
}

/**
 * What the docx package cannot write, set in the finished XML:
 *  - every paragraph says w:overflowPunct, w:autoSpaceDE and w:autoSpaceDN off: no punctuation
 *    hanging into the margin (the line is pushed, as in the PDF), no extra space between
 *    Chinese and digits (it would break the 28-character grid);
 *  - the off-grid style takes its lines off the document grid (w:snapToGrid 0).
 */
async function finishXml(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const doc = await zip.file("word/document.xml")!.async("string");
  // The patch leans on what the docx library writes for autoSpaceDN: if a new version writes it
  // otherwise, fail loudly here rather than ship paragraphs with hanging punctuation.
  const autoSpace = '<w:autoSpaceDN w:val="false"/>';
  if (!doc.includes(autoSpace)) throw new Error("docx: the paragraphs' autoSpaceDN was not written as expected");
  zip.file("word/document.xml", doc.replaceAll(autoSpace, '<w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'));
  const styles = await zip.file("word/styles.xml")!.async("string");
  const offGrid = new RegExp(`(<w:style [^>]*w:styleId="${OFF_GRID}"[\\s\\S]*?<w:pPr>)`);
  if (!offGrid.test(styles)) throw new Error("docx: the off-grid style was not written");
  zip.file("word/styles.xml", styles.replace(offGrid, "$1<w:snapToGrid w:val=\"0\"/>"));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * The 版记 as a table floating at the foot of the last page (an absolute offset from the
 * margin's top, which Word and LibreOffice both honour: LibreOffice ignores "bottom"):
 * thick rules outside, thin ones between rows.
 */
function colophonTable(c: NonNullable<DocumentModel["colophon"]>): Table {
  const thick = { style: BorderStyle.SINGLE, size: DOCX.colophonThick, color: "000000" };
  const thin = { style: BorderStyle.SINGLE, size: DOCX.colophonThin, color: "000000" };
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const lines = colophonRows(c);
  const oneChar = DOCX.oneChar(SIZE.colophon);
  const rows = lines.map(
    (l, i) =>
      new TableRow({
        height: { value: LINE, rule: HeightRule.EXACT },
        children: [
          new TableCell({
            width: { size: TEXT_W, type: WidthType.DXA },
            borders: { top: i === 0 ? thick : thin, bottom: i === lines.length - 1 ? thick : thin, left: none, right: none },
            margins: { left: 0, right: 0, top: 0, bottom: 0 },
            children: [
              new Paragraph({
                spacing: exact(LINE),
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_W - oneChar }],
                indent: { left: oneChar },
                children: [run(`${l.left ?? ""}${l.right ? `\t${l.right}` : ""}`, "fang", SIZE.colophon)],
              }),
            ],
          }),
        ],
      }),
  );
  return new Table({
    width: { size: TEXT_W, type: WidthType.DXA },
    columnWidths: [TEXT_W],
    // No default cell margins: Word and LibreOffice both place the table's edge, not its text, at the offset.
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows,
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      verticalAnchor: TableAnchorType.MARGIN,
      absoluteHorizontalPosition: DOCX.margin.left,
      absoluteVerticalPosition: twips(TEXT.height) - lines.length * LINE - COLOPHON_CLEARANCE,
      overlap: OverlapType.NEVER,
    },
  });
}
