// The parts of an OFD package (GB/T 33190-2016) from the laid-out pages, as XML text.
// Pure: fonts come in as a measuring function and font ids, so the same pages the PDF
// writer draws are written here glyph for glyph (TextCode X/Y and DeltaX from our
// layout: a reader places the characters, it never re-flows them).
//
// The package:
//   OFD.xml                      DocBody: DocInfo (title, author, dates, CustomDatas) and DocRoot
//   Doc_0/Document.xml           CommonData (MaxUnitID, PageArea 0 0 210 297, PublicRes) and Pages
//   Doc_0/PublicRes.xml          Fonts, each with its FontFile under Res/
//   Doc_0/Pages/Page_N/Content.xml  one Layer of TextObjects and PathObjects per page
import type { Fonts, FontKey, LaidOutPage, Rule, TextRun } from "../../core/export/layout/engine";
import { OFFICIAL_NAMES } from "../../core/export/layout/faces";
import { BOLD_STROKE } from "../../core/export/layout/geometry";
import { esc as escape } from "../../core/export/escape";

const OFD_NS = "http://www.ofdspec.org/2016";
const MM_PER_PT = 25.4 / 72;

export interface OfdInfo {
  docId: string;
  title: string;
  /** the issuing office */
  author: string;
  /** YYYY-MM-DD */
  createdOn: string;
  creator: string;
  /** 发文字号, 内容指纹 and the like, in order */
  custom: [string, string][];
}

export interface OfdFont {
  key: FontKey;
  /** file name under Doc_0/Res */
  file: string;
}

/** Millimetres with at most three decimals (a micrometre), no trailing zeros. */
export const mm = (pt: number) => String(Math.round(pt * MM_PER_PT * 1000) / 1000);

/** Spaces as character references: readers that trim element text (ofd.js does) keep them. */
const escapeText = (s: string) => escape(s).replace(/ /g, "&#x20;");

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** "#FF0000" → "255 0 0" (an RGB array in the default colour space). */
function rgb(hex: string) {
  const n = parseInt(hex.replace("#", ""), 16);
  return `${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255}`;
}

export function ofdXml(info: OfdInfo): string {
  const custom = info.custom.map(([name, value]) => `<ofd:CustomData Name="${escape(name)}">${escape(value)}</ofd:CustomData>`).join("");
  return (
    `${HEAD}<ofd:OFD xmlns:ofd="${OFD_NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>` +
    `<ofd:DocID>${info.docId}</ofd:DocID><ofd:Title>${escape(info.title)}</ofd:Title><ofd:Author>${escape(info.author)}</ofd:Author>` +
    `<ofd:CreationDate>${info.createdOn}</ofd:CreationDate><ofd:Creator>${escape(info.creator)}</ofd:Creator>` +
    (custom ? `<ofd:CustomDatas>${custom}</ofd:CustomDatas>` : "") +
    `</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`
  );
}

/** Hands out the document's object IDs; the last one handed out is MaxUnitID. */
export class Ids {
  private last = 0;
  next() {
    return ++this.last;
  }
  get max() {
    return this.last;
  }
}

/** Each character's advance as laid out, in points (the PDF writer adds charSpacing after every glyph too). */
const advances = (run: TextRun, fonts: Fonts) => [...run.text].map((ch) => fonts.measure(run.font, ch, run.size) + run.charSpacing);

function textObject(run: TextRun, fontIds: Map<FontKey, number>, fonts: Fonts, ids: Ids): string {
  // The boundary is the clip: the em box plus room for the outline, with the baseline at 1.1 em from its top.
  const steps = advances(run, fonts);
  const pad = run.size * 0.2;
  const top = run.y - run.size * 1.1;
  const boundary = [run.x - pad, top, steps.reduce((w, a) => w + a, 0) + 2 * pad, run.size * 1.5].map(mm).join(" ");
  const bold = run.bold ? ` Stroke="true" LineWidth="${mm(run.size * BOLD_STROKE)}"` : "";
  const colour = rgb(run.color);
  // DeltaX: the step to each character after the first.
  const delta = steps.length > 1 ? ` DeltaX="${steps.slice(0, -1).map(mm).join(" ")}"` : "";
  return (
    `<ofd:TextObject ID="${ids.next()}" Boundary="${boundary}" Font="${fontIds.get(run.font)}" Size="${mm(run.size)}"${bold}>` +
    `<ofd:FillColor Value="${colour}"/>${run.bold ? `<ofd:StrokeColor Value="${colour}"/>` : ""}` +
    `<ofd:TextCode X="${mm(pad)}" Y="${mm(run.y - top)}"${delta}>${escapeText(run.text)}</ofd:TextCode></ofd:TextObject>`
  );
}

function pathObject(rule: Rule, ids: Ids): string {
  // A horizontal rule: a box one line width high around it, the stroke along its middle.
  const boundary = [rule.x1, rule.y - rule.width, rule.x2 - rule.x1, 2 * rule.width].map(mm).join(" ");
  return (
    `<ofd:PathObject ID="${ids.next()}" Boundary="${boundary}" LineWidth="${mm(rule.width)}" Stroke="true" Fill="false">` +
    `<ofd:StrokeColor Value="${rgb(rule.color)}"/>` +
    `<ofd:AbbreviatedData>M 0 ${mm(rule.width)} L ${mm(rule.x2 - rule.x1)} ${mm(rule.width)}</ofd:AbbreviatedData></ofd:PathObject>`
  );
}

export function pageXml(page: LaidOutPage, fontIds: Map<FontKey, number>, fonts: Fonts, ids: Ids): string {
  const layer = ids.next();
  const objects = page.items.map((item) => (item.kind === "rule" ? pathObject(item, ids) : textObject(item, fontIds, fonts, ids))).join("");
  return `${HEAD}<ofd:Page xmlns:ofd="${OFD_NS}"><ofd:Content><ofd:Layer ID="${layer}" Type="Body">${objects}</ofd:Layer></ofd:Content></ofd:Page>`;
}

/** The fonts as Word and WPS name them, each with its embedded subset. */
export function publicResXml(fonts: OfdFont[], fontIds: Map<FontKey, number>): string {
  const items = fonts
    .map((f) => `<ofd:Font ID="${fontIds.get(f.key)}" FontName="${escape(OFFICIAL_NAMES[f.key])}" FamilyName="${escape(OFFICIAL_NAMES[f.key])}"><ofd:FontFile>${f.file}</ofd:FontFile></ofd:Font>`)
    .join("");
  return `${HEAD}<ofd:Res xmlns:ofd="${OFD_NS}" BaseLoc="Res"><ofd:Fonts>${items}</ofd:Fonts></ofd:Res>`;
}

export function documentXml(pageIds: number[], maxUnitId: number): string {
  const pages = pageIds.map((id, i) => `<ofd:Page ID="${id}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join("");
  return (
    `${HEAD}<ofd:Document xmlns:ofd="${OFD_NS}"><ofd:CommonData><ofd:MaxUnitID>${maxUnitId}</ofd:MaxUnitID>` +
    `<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>` +
    `</ofd:CommonData><ofd:Pages>${pages}</ofd:Pages></ofd:Document>`
  );
}
