// DOCX with the `docx` package, to the same GB/T 9704 numbers as the PDF, so that
// Word and WPS on a government PC lay it out to the standard: A4, the 版心 by
// margins, exact 28.95 pt lines on a line grid, 28 characters a line by a −0.25 pt
// run spacing, the official East Asian font names (never embedded), zh-CN, odd/even
// page-number footers and the 版记 at the foot of the last page. Every number comes
// from the layout engine's modules (geometry.ts, rules.ts, headerRows): page 1's 版头
// sits on the same grid lines as in the PDF, the 标志 and the red line in frames at
// the positions the engine computed.
import {
  AlignmentType, BorderStyle, Document, DocumentGridType, Footer, HeightRule, LineRuleType, OverlapType, Packer, PageNumber,
  Table, TableAnchorType, TableCell, TableRow, TabStopType, TextRun, VerticalAlign, WidthType,
} from "docx";
import JSZip from "jszip";
import { xmlSafeModel, type DocumentModel } from "../core/export/model";
import type { ReviewMarks } from "../core/review/marked-body";
import { fontMetrics } from "./fonts";
import { STYLE_FONT, headerLinesAbove, headerRows, layoutDocument } from "../core/export/layout/engine";
import { exact, font, LANGUAGE, Paragraph, run } from "./docx-text";
import { reviewComments, reviewParagraphs } from "./docx-review";
import { breakTitle } from "../core/export/layout/title";
import { colophonRows, signaturePositions, SIGNER_LABEL } from "../core/export/layout/rules";
import { CHAR_PITCH, DOCX, RED_LINE_WIDTH, SIZE, TEXT, TITLE_WIDTH } from "../core/export/layout/geometry";

const LINE = DOCX.line;
const TEXT_W = DOCX.textWidth;
const twips = (pt: number) => Math.round(pt * 20);
/** A paragraph style (defined in styles.xml below) that takes a line off the document grid. */
const OFF_GRID = "OffGrid";
/** The 版记's last rule sits this much (1 pt) above the 版心's bottom edge, room for the document's last paragraph. */
const COLOPHON_CLEARANCE = 20;

const blank = () => new Paragraph({ spacing: exact(), children: [run("", "fang", SIZE.body)] });

/**
 * Where the 标志's glyphs sit in an exact 1.2 em line off the grid, measured in LibreOffice:
 * their top 0.1 em below the line's top (Word and WPS with 方正小标宋简体 are to be
 * confirmed on a government PC; docs/export.md).
 */
const GLYPH_TOP_IN_LINE = 0.1;

/**
 * The 发文机关标志 in the flow, filling `height` twips (whole grid lines) from the top of its
 * first grid line (`top`, in points), its glyphs where the engine puts them. One issuer: a
 * centred line. Joint issuers (§7.2.1): a borderless table, the issuers one a line in the
 * left cell, each spread to the width of the longest, "文件" in the right cell, centred on
 * their height.
 */
function markBlock(model: DocumentModel, head: ReturnType<typeof headerRows>, height: number, top: number): (Paragraph | Table)[] {
  const mark = head.mark;
  const size = Math.round(mark.size * 2) / 2;
  const count = model.header.mark.names.length;
  const names = mark.lines.slice(0, count);
  const line = count > 1 ? twips(names[1].baseline - names[0].baseline) : twips(1.2 * size);
  const glyphTop = head.markTop + names[0].baseline - 0.88 * size;
  const before = Math.max(0, twips(glyphTop - top - GLYPH_TOP_IN_LINE * size));
  const body = count * line;
  const red = (text: string, spacing = 0) => run(text, "title", size, { color: DOCX.red, ...(spacing ? { characterSpacing: twips(spacing) } : {}) });
  if (count === 1) {
    const after = Math.max(0, height - before - body);
    return [new Paragraph({ style: OFF_GRID, alignment: AlignmentType.CENTER, spacing: { line, lineRule: LineRuleType.EXACT, before, after }, children: [red(names[0].text)] })];
  }
  const suffix = mark.lines[count];
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = { top: none, bottom: none, left: none, right: none };
  const namesWidth = twips(suffix.x - names[0].x);
  const suffixWidth = twips(TEXT.width - suffix.x);
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders, margins: { left: 0, right: 0, top: 0, bottom: 0 }, verticalAlign: VerticalAlign.CENTER, children });
  return [
    new Paragraph({ style: OFF_GRID, spacing: exact(Math.max(1, before)), children: [] }),
    new Table({
      width: { size: namesWidth + suffixWidth, type: WidthType.DXA },
      columnWidths: [namesWidth, suffixWidth],
      indent: { size: twips(names[0].x), type: WidthType.DXA },
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
          height: { value: body, rule: HeightRule.EXACT },
          children: [
            cell(namesWidth, names.map((l) => new Paragraph({ style: OFF_GRID, spacing: exact(line), children: [red(l.text, l.spacing)] }))),
            cell(suffixWidth, [new Paragraph({ style: OFF_GRID, spacing: exact(line), children: [red(suffix.text)] })]),
          ],
        }),
      ],
    }),
    new Paragraph({ style: OFF_GRID, spacing: exact(Math.max(1, height - Math.max(1, before) - body)), children: [] }),
  ];
}

/** The official DOCX; with `marks`, the 修订稿: the same document with its body's revisions and comments (lib/core/review/marked-body.ts). */
export async function renderDocx(stored: DocumentModel, marks?: ReviewMarks): Promise<Buffer> {
  const model = xmlSafeModel(stored); // old rows may hold what XML cannot: the file must still parse
  const review = marks && xmlSafeModel(marks);
  const metrics = fontMetrics();
  const measureTitle = (t: string, s: number) => metrics.measure("title", t, s);
  const children: (Paragraph | Table)[] = [];
  const h = model.header;
  const head = headerRows(model, measureTitle);
  const pages = layoutDocument(model, metrics);

  // The grid lines of page 1, in order: 份号/密级/紧急程度, the 标志's lines, the 发文字号, the red line's
  // lines, the title. Off the grid (their own exact heights), the 标志 and the red line still fill
  // whole grid lines, so that everything below stays on the grid where the PDF has it.
  for (const [text, key] of [[h.copyNumber, "fang"], [h.secrecy, "hei"], [h.urgency, "hei"]] as const) {
    if (text) children.push(new Paragraph({ spacing: exact(), children: [run(text, key, SIZE.body)] }));
  }
  const above = headerLinesAbove(model);
  children.push(...markBlock(model, head, (head.docNumberRow - above) * LINE, TEXT.top + above * (TEXT.height / 22)));
  if (h.signer) {
    // A 上行文: the number one character in from the left, "签发人：" and the name (楷体) one character in from the right.
    children.push(
      new Paragraph({
        spacing: exact(),
        tabStops: [{ type: TabStopType.LEFT, position: DOCX.oneChar(SIZE.body) }, { type: TabStopType.RIGHT, position: TEXT_W - DOCX.oneChar(SIZE.body) }],
        children: [run(`\t${h.docNumber ?? ""}\t${SIGNER_LABEL}`, "fang", SIZE.body), run(h.signer, "kai", SIZE.body)],
      }),
    );
  } else {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), children: [run(h.docNumber ?? "", "fang", SIZE.body)] }));
  }
  // The red line: the bottom border of an empty line ending where the engine puts the rule;
  // a second one fills the rest of the blank lines above the title.
  const gapTop = TEXT.top + (head.docNumberRow + 1) * (TEXT.height / 22);
  const toRule = Math.max(1, twips(head.redY - RED_LINE_WIDTH / 2 - gapTop));
  const border = twips(RED_LINE_WIDTH);
  children.push(
    new Paragraph({ style: OFF_GRID, spacing: exact(toRule), border: { bottom: { style: BorderStyle.SINGLE, size: DOCX.redLine, color: DOCX.red, space: 0 } }, children: [] }),
    new Paragraph({ style: OFF_GRID, spacing: exact((head.titleRow - head.docNumberRow - 1) * LINE - toRule - border), children: [] }),
  );
  // 标题: the same balanced lines as the PDF, each on one grid line (off the grid, a 22 pt line would take two).
  for (const line of breakTitle(model.title, SIZE.title, TITLE_WIDTH, measureTitle)) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), style: OFF_GRID, children: [run(line, "title", SIZE.title)] }));
  }
  children.push(blank());
  if (model.addressee) children.push(new Paragraph({ spacing: exact(), children: [run(`${model.addressee}：`, "fang", SIZE.body)] }));

  // The 修订稿 (marks): the body with the pending suggestions as revisions and the open threads as comments.
  if (review) children.push(...reviewParagraphs(review, model.style.runInBold));
  else {
    model.body.forEach((b, i) => {
      children.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: exact(),
          indent: { firstLine: DOCX.indent },
          // A heading keeps with what follows, as in the PDF (the last block has nothing to keep with).
          keepNext: b.kind === "heading" && i < model.body.length - 1,
          children: b.runs.map((r) => run(r.text, STYLE_FONT[r.style], SIZE.body, r.style === "lead" && model.style.runInBold ? { bold: true } : {})),
        }),
      );
    });
  }
  if (model.attachments?.length) {
    children.push(blank());
    model.attachments.forEach((a, i) =>
      children.push(new Paragraph({ spacing: exact(), indent: { firstLine: DOCX.indent }, children: [run(`${i === 0 ? "附件：" : "　　　"}${model.attachments!.length > 1 ? `${i + 1}.` : ""}${a}`, "fang", SIZE.body)] })),
    );
  }
  if (model.signature) {
    // The same rule as the PDF (layout/rules.ts), as indents: every 署名 ends where the widest does.
    const width = (t: string) => metrics.measure("fang", t, SIZE.body) + [...t].length * (CHAR_PITCH - SIZE.body);
    const widths = model.signature.signatories.map(width);
    const { signX, dateX } = signaturePositions(Math.max(...widths), width(model.signature.date));
    const end = signX + Math.max(...widths);
    // The 署名 never starts a page alone: the text's last paragraph keeps with it, as in the PDF.
    const lastText = children.at(-1);
    if (lastText instanceof Paragraph) children[children.length - 1] = lastText.keepWithNext();
    children.push(new Paragraph({ spacing: exact(), keepNext: true, children: [run("", "fang", SIZE.body)] }));
    model.signature.signatories.forEach((s, i) =>
      children.push(new Paragraph({ spacing: exact(), keepNext: true, indent: { left: twips(end - widths[i]) }, children: [run(s, "fang", SIZE.body)] })),
    );
    children.push(new Paragraph({ spacing: exact(), indent: { left: twips(dateX) }, children: [run(model.signature.date, "fang", SIZE.body)] }));
  }
  if (model.note) children.push(new Paragraph({ spacing: exact(), indent: { firstLine: DOCX.indent }, children: [run(`（${model.note}）`, "fang", SIZE.body)] }));

  if (model.colophon) {
    // When the engine found no room for the 版记 below the text, it gets a page of its own, as in the PDF.
    const last = pages.at(-1)!;
    if (!last.items.some((i) => i.kind === "text" && i.role !== "colophon" && i.role !== "pageNumber")) {
      children.push(new Paragraph({ pageBreakBefore: true, spacing: exact(), children: [] }));
    }
    // The document ends with the floating 版记 and a last paragraph, which LibreOffice anchors it to
    // and sets below it: off the grid and a point high, it fits under the 版记's last rule.
    children.push(colophonTable(model.colophon), new Paragraph({ style: OFF_GRID, spacing: exact(COLOPHON_CLEARANCE / 2), children: [] }));
  }

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

  const doc = new Document({
    title: model.draft ? `草稿 - ${model.title}` : model.title,
    subject: model.header.docNumber ?? "草稿",
    keywords: model.draft ? "草稿" : "正式",
    creator: "年度报告编审系统 Report Studio",
    evenAndOddHeaderAndFooters: true,
    ...(review?.comments.length ? { comments: { children: reviewComments(review) } } : {}),
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
  return finishXml(await Packer.toBuffer(doc));
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
