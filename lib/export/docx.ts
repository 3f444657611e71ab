// DOCX with the `docx` package, to the same GB/T 9704 numbers as the PDF, so that
// Word and WPS on a government PC lay it out to the standard: A4, the 版心 by
// margins, exact 28.95 pt lines on a line grid, 28 characters a line by a −0.25 pt
// run spacing, the official East Asian font names (never embedded), zh-CN,
// a red line, odd/even page-number footers and the 版记 at the foot of the last page.
import {
  AlignmentType, BorderStyle, Document, DocumentGridType, Footer, HeightRule, LineRuleType, OverlapType, Packer, PageNumber,
  Paragraph as DocxParagraph, Table, TableAnchorType, TableCell, TableRow, TabStopType, TextRun, VerticalAlign, WidthType,
} from "docx";
import type { DocumentModel } from "./model";
import { OFFICIAL_NAMES, fontMetrics } from "./fonts";
import type { FontKey } from "./layout/engine";
import { breakTitle } from "./layout/title";
import { colophonRows, JOINT_LINE, markLayout, markSize as markSizeFor, signaturePositions, SIGNER_LABEL } from "./layout/rules";
import { STYLE_FONT } from "./layout/engine";
import { CHAR_PITCH, MM, SIZE, TITLE_WIDTH } from "./layout/geometry";
import JSZip from "jszip";

// Word units: 1 pt = 20 twips; sizes in half-points; border widths in eighths of a point.
const PAGE_W = 11906;
const PAGE_H = 16838;
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const TEXT_W = PAGE_W - MARGIN.left - MARGIN.right; // 8845
const TEXT_H = PAGE_H - MARGIN.top - MARGIN.bottom; // 12756
const LINE = 579; // 28.95 pt: 22 lines fill the 225 mm 版心
const INDENT_2 = 640; // two characters of 三号
const ONE_CHAR_4 = 280; // one character of 四号
const ONE_CHAR_3 = 320; // one character of 三号
const SPACING_16 = -5; // −0.25 pt: 28 characters of 三号 a line
const twips = (pt: number) => Math.round(pt * 20);

/** Every paragraph: no automatic space between Chinese and digits (it would break the 28-character grid). */
class Paragraph extends DocxParagraph {
  constructor(options: ConstructorParameters<typeof DocxParagraph>[0] & object) {
    // No punctuation hanging into the margin either: the line is pushed instead, as in the PDF.
    // Widow and orphan control off: the PDF does not move lines to keep them together either,
    // and LibreOffice would otherwise leave 21 lines on a full page.
    super({ autoSpaceEastAsianText: false, widowControl: false, ...options });
  }
}

const font = (key: FontKey) => {
  const name = OFFICIAL_NAMES[key];
  // The East Asian hint makes Word draw 一字线 dashes and curly quotes with the Chinese font.
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: "eastAsia" as const };
};

function run(text: string, key: FontKey, sizePt: number, extra: Partial<ConstructorParameters<typeof TextRun>[0] & object> = {}) {
  return new TextRun({
    text,
    font: font(key),
    size: sizePt * 2,
    language: { eastAsia: "zh-CN", value: "zh-CN" },
    characterSpacing: sizePt === SIZE.body ? SPACING_16 : 0,
    ...(extra as object),
  });
}

const exact = (line = LINE, before = 0) => ({ line, lineRule: LineRuleType.EXACT, before, after: 0 });
const blank = () => new Paragraph({ spacing: exact(), children: [run("", "fang", SIZE.body)] });

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const metrics = fontMetrics();
  const children: (Paragraph | Table)[] = [];
  const h = model.header;

  for (const [text, key] of [[h.copyNumber, "fang"], [h.secrecy, "hei"], [h.urgency, "hei"]] as const) {
    if (text) children.push(new Paragraph({ spacing: exact(), children: [run(text, key, SIZE.body)] }));
  }
  // 发文机关标志: its top edge 35 mm below the 版心's top.
  const usedAbove = [h.copyNumber, h.secrecy, h.urgency].filter(Boolean).length * LINE;
  children.push(...markParagraphs(h.mark, usedAbove, (t, s) => metrics.measure("title", t, s)));
  children.push(blank(), blank());
  // 发文字号 with the red line 4 mm below it (a bottom border spanning the 版心).
  const redLine = { bottom: { style: BorderStyle.SINGLE, size: 8, color: "FF0000", space: Math.round(4 * MM) } };
  if (h.signer) {
    // A 上行文: the number one character in from the left, "签发人：" and the name (楷体) one character in from the right.
    children.push(
      new Paragraph({
        spacing: exact(), border: redLine,
        tabStops: [{ type: TabStopType.LEFT, position: ONE_CHAR_3 }, { type: TabStopType.RIGHT, position: TEXT_W - ONE_CHAR_3 }],
        children: [run(`\t${h.docNumber ?? ""}\t${SIGNER_LABEL}`, "fang", SIZE.body), run(h.signer, "kai", SIZE.body)],
      }),
    );
  } else {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), border: redLine, children: [run(h.docNumber ?? "", "fang", SIZE.body)] }));
  }
  children.push(blank(), blank());
  // 标题: the same balanced lines as the PDF, each a line of its own.
  const titleLines = breakTitle(model.title, SIZE.title, TITLE_WIDTH, (t, s) => metrics.measure("title", t, s));
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(),
      // Off the line grid: a 22 pt line would otherwise take two grid lines in LibreOffice.
      children: titleLines.map((t, i) => run(t, "title", SIZE.title, { snapToGrid: false, ...(i > 0 ? { break: 1 } : {}) })),
    }),
  );
  children.push(blank());
  if (model.addressee) children.push(new Paragraph({ spacing: exact(), children: [run(`${model.addressee}：`, "fang", SIZE.body)] }));

  model.body.forEach((b, i) => {
    children.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: exact(),
        indent: { firstLine: INDENT_2 },
        // A heading keeps with what follows, as in the PDF (the last block has nothing to keep with).
        keepNext: b.kind === "heading" && i < model.body.length - 1,
        children: b.runs.map((r) => run(r.text, STYLE_FONT[r.style], SIZE.body, r.style === "lead" && model.style.runInBold ? { bold: true } : {})),
      }),
    );
  });
  if (model.attachments?.length) {
    children.push(blank());
    model.attachments.forEach((a, i) =>
      children.push(new Paragraph({ spacing: exact(), indent: { firstLine: INDENT_2 }, children: [run(`${i === 0 ? "附件：" : "　　　"}${model.attachments!.length > 1 ? `${i + 1}.` : ""}${a}`, "fang", SIZE.body)] })),
    );
  }
  if (model.signature) {
    // The same rule as the PDF (layout/rules.ts), as indents: every 署名 ends where the widest does.
    const width = (t: string) => metrics.measure("fang", t, SIZE.body) + [...t].length * (CHAR_PITCH - SIZE.body);
    const widths = model.signature.signatories.map(width);
    const { signX, dateX } = signaturePositions(Math.max(...widths), width(model.signature.date));
    const end = signX + Math.max(...widths);
    children.push(blank());
    model.signature.signatories.forEach((s, i) =>
      children.push(new Paragraph({ spacing: exact(), keepNext: true, indent: { left: twips(end - widths[i]) }, children: [run(s, "fang", SIZE.body)] })),
    );
    children.push(new Paragraph({ spacing: exact(), indent: { left: twips(dateX) }, children: [run(model.signature.date, "fang", SIZE.body)] }));
  }
  if (model.note) children.push(new Paragraph({ spacing: exact(), indent: { firstLine: INDENT_2 }, children: [run(`（${model.note}）`, "fang", SIZE.body)] }));

  if (model.colophon) children.push(colophonTable(model.colophon));
  children.push(new Paragraph({ spacing: exact(20), children: [] }));

  const pageNumber = (alignment: "left" | "right") =>
    new Footer({
      children: [
        new Paragraph({
          alignment: alignment === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: alignment === "right" ? { right: ONE_CHAR_4 } : { left: ONE_CHAR_4 },
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
    styles: {
      default: {
        document: {
          run: { font: font("fang"), size: SIZE.body * 2, language: { eastAsia: "zh-CN", value: "zh-CN" } },
          paragraph: { spacing: exact() },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_W, height: PAGE_H },
            // The footer distance puts the page number's dash about 7 mm below the 版心.
            margin: { ...MARGIN, header: 851, footer: 1400 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumber("right"), even: pageNumber("left") },
        children,
      },
    ],
  });
  return withoutAutoSpace(await Packer.toBuffer(doc));
}

/**
 * Word and LibreOffice put extra space between Chinese and Latin text or digits
 * unless a paragraph says w:autoSpaceDE/w:autoSpaceDN off, and let punctuation
 * hang into the margin unless w:overflowPunct is off; the docx package writes only
 * the second of these, so all three are set here in the finished XML.
 */
async function withoutAutoSpace(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const path = "word/document.xml";
  const xml = await zip.file(path)!.async("string");
  // No punctuation hanging into the margin either (w:overflowPunct): the line is pushed instead, as in the PDF.
  zip.file(path, xml.replaceAll('<w:autoSpaceDN w:val="false"/>', '<w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The 版记 as a table floating at the foot of the last page: thick rules outside, thin between rows. */
function colophonTable(c: NonNullable<DocumentModel["colophon"]>): Table {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: "000000" };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: "000000" };
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const lines = colophonRows(c);
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
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_W - ONE_CHAR_4 }],
                indent: { left: ONE_CHAR_4 },
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
    rows,
    // An absolute offset from the margin's top (LibreOffice ignores "bottom"), so that
    // the last rule lands on the 版心's bottom edge.
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      absoluteHorizontalPosition: 0,
      absoluteVerticalPosition: TEXT_H - lines.length * LINE,
      overlap: OverlapType.NEVER,
    },
  });
}

/**
 * The 发文机关标志 as Word paragraphs. One issuer: one centred line. Joint issuing:
 * a borderless table, the issuers stacked in the left cell (each spread to one
 * width) and "文件" in the right cell, centred on their height (§7.2.1).
 */
function markParagraphs(mark: DocumentModel["header"]["mark"], usedAbove: number, measure: (t: string, size: number) => number): (Paragraph | Table)[] {
  const layout = markLayout(mark, measure);
  const size = Math.round(layout.size * 2) / 2;
  const line = twips(size * (mark.names.length > 1 ? JOINT_LINE : 1.2));
  // In an exact line of 1.2 em, LibreOffice draws the glyphs' top 0.55 em below the line's top
  // (measured; Word and WPS with 方正小标宋简体 are to be confirmed on a government PC).
  const before = Math.max(0, twips(35 * MM - 0.55 * size) - usedAbove);
  const red = (text: string, spacing = 0) => run(text, "title", size, { color: "FF0000", snapToGrid: false, ...(spacing ? { characterSpacing: twips(spacing) } : {}) });
  if (mark.names.length === 1) {
    return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(twips(markSizeFor(mark.names[0] + mark.suffix) * 1.2), before), children: [red(mark.names[0] + mark.suffix)] })];
  }
  const names = layout.lines.slice(0, mark.names.length);
  const nameWidth = Math.max(...mark.names.map((n) => measure(n, size)));
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = { top: none, bottom: none, left: none, right: none };
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders, margins: { left: 0, right: 0, top: 0, bottom: 0 }, verticalAlign: VerticalAlign.CENTER, children });
  const nameCellWidth = twips(nameWidth) + 40;
  const suffixWidth = twips(measure(mark.suffix, size)) + 40;
  return [
    new Paragraph({ spacing: exact(20, Math.max(0, before - 20)), children: [] }),
    new Table({
      alignment: AlignmentType.CENTER,
      width: { size: nameCellWidth + suffixWidth + twips(size / 2), type: WidthType.DXA },
      columnWidths: [nameCellWidth, twips(size / 2), suffixWidth],
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
          children: [
            cell(names.map((l) => new Paragraph({ spacing: exact(line), children: [red(l.text, l.spacing)] })), nameCellWidth),
            cell([new Paragraph({ spacing: exact(line), children: [] })], twips(size / 2)),
            cell([new Paragraph({ spacing: exact(line), children: [red(mark.suffix)] })], suffixWidth),
          ],
        }),
      ],
    }),
  ];
}
