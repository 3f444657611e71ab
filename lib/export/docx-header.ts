// The DOCX's 版头 and title (lib/export/docx.ts): the grid lines of page 1, in order: 份号/密级/紧急程度, the 标志's
// lines, the 发文字号, the red line's lines, the title. Off the grid (their own exact heights), the 标志 and the red
// line still fill whole grid lines, so that everything below stays on the grid where the PDF has it.
import { AlignmentType, BorderStyle, HeightRule, LineRuleType, Table, TableCell, TableRow, TabStopType, VerticalAlign, WidthType } from "docx";
import type { DocumentModel } from "../core/export/model";
import { headerLinesAbove, headerRows } from "../core/export/layout/engine";
import { breakTitle } from "../core/export/layout/title";
import { SIGNER_LABEL } from "../core/export/layout/rules";
import { DOCX, RED_LINE_WIDTH, SIZE, TEXT, TITLE_WIDTH } from "../core/export/layout/geometry";
import { LINE, OFF_GRID, Paragraph, TEXT_W, blank, exact, run, twips } from "./docx-runs";

type MeasureTitle = (text: string, size: number) => number;

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

/** 份号, 密级, 紧急程度, the 标志, the 发文字号 (with 签发人 for a 上行文) and the red line. */
export function headerBlocks(model: DocumentModel, measureTitle: MeasureTitle): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [];
  const h = model.header;
  const head = headerRows(model, measureTitle);
  for (const [text, key] of [[h.copyNumber, "fang"], [h.secrecy, "hei"], [h.urgency, "hei"]] as const) {
    if (text) blocks.push(new Paragraph({ spacing: exact(), children: [run(text, key, SIZE.body)] }));
  }
  const above = headerLinesAbove(model);
  blocks.push(...markBlock(model, head, (head.docNumberRow - above) * LINE, TEXT.top + above * (TEXT.height / 22)));
  if (h.signer) {
    // A 上行文: the number one character in from the left, "签发人：" and the name (楷体) one character in from the right.
    blocks.push(
      new Paragraph({
        spacing: exact(),
        tabStops: [{ type: TabStopType.LEFT, position: DOCX.oneChar(SIZE.body) }, { type: TabStopType.RIGHT, position: TEXT_W - DOCX.oneChar(SIZE.body) }],
        children: [run(`\t${h.docNumber ?? ""}\t${SIGNER_LABEL}`, "fang", SIZE.body), run(h.signer, "kai", SIZE.body)],
      }),
    );
  } else {
    blocks.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), children: [run(h.docNumber ?? "", "fang", SIZE.body)] }));
  }
  // The red line: the bottom border of an empty line ending where the engine puts the rule;
  // a second one fills the rest of the blank lines above the title.
  const gapTop = TEXT.top + (head.docNumberRow + 1) * (TEXT.height / 22);
  const toRule = Math.max(1, twips(head.redY - RED_LINE_WIDTH / 2 - gapTop));
  const border = twips(RED_LINE_WIDTH);
  blocks.push(
    new Paragraph({ style: OFF_GRID, spacing: exact(toRule), border: { bottom: { style: BorderStyle.SINGLE, size: DOCX.redLine, color: DOCX.red, space: 0 } }, children: [] }),
    new Paragraph({ style: OFF_GRID, spacing: exact((head.titleRow - head.docNumberRow - 1) * LINE - toRule - border), children: [] }),
  );
  return blocks;
}

/** 标题: the same balanced lines as the PDF, each on one grid line (off the grid, a 22 pt line would take two); then the 主送机关. */
export function titleBlocks(model: DocumentModel, measureTitle: MeasureTitle): Paragraph[] {
  const blocks = breakTitle(model.title, SIZE.title, TITLE_WIDTH, measureTitle, model.style.titleTerms).map(
    (line) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), style: OFF_GRID, children: [run(line, "title", SIZE.title)] }),
  );
  blocks.push(blank());
  if (model.addressee) blocks.push(new Paragraph({ spacing: exact(), children: [run(`${model.addressee}：`, "fang", SIZE.body)] }));
  return blocks;
}
