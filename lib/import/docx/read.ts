// Word (.docx, also as WPS writes it) → the report's text, one paragraph a line,
// each with the number Word shows in front of it (its own list numbering as
// well as typed numbers), so the text importer sees what the reader sees.
// Every character of the text comes through; what the report cannot hold yet
// (tables, images, text boxes, footnotes, comments, tracked deletions, equations,
// hidden text) is named with its position in the notes, before anything is saved.
//
// Hand-written over the package's XML rather than mammoth: mammoth drops Word's
// list numbers, merges nested list items, and follows relationships to parts it
// never checks; here every part read is found through _rels and checked first.
import "server-only";
import { headingLabel } from "../../core/outline/outline-numbers";
import { matchNumber } from "../../core/text/headings";
import { ListCounters, readNumbering } from "./word-list-numbering";
import { relsOf } from "./rels";
import { openPackage, type Package } from "./zip";
import { attr, childrenNamed, descendantsNamed, elementChildren, firstChild, parseXml, XmlReader, type XmlCounts, type XmlElement } from "./xml";
import { UnsafeDocxError } from "./unsafe";
import { FieldCodes, isHiddenRun } from "./fields";

/** A package with macros (.docm renamed) is refused before any part is read. */
export const hasMacros = (pkg: Package) => pkg.names.some((n) => /vbaProject\.bin$|vbaData\.xml$/i.test(n));

export interface DocxText {
  text: string;
  notes: string[];
}

const REL_TYPES = {
  officeDocument: /\/officeDocument$/,
  numbering: /\/numbering$/,
  styles: /\/styles$/,
};

interface StyleInfo {
  outline?: number;
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

function readStyles(root: XmlElement | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!root) return styles;
  for (const s of childrenNamed(root, "style")) {
    if (attr(s, "type") !== "paragraph") continue;
    const pPr = firstChild(s, "pPr");
    const numPr = firstChild(pPr, "numPr");
    const name = attr(firstChild(s, "name"), "val") ?? "";
    const outlineAttr = attr(firstChild(pPr, "outlineLvl"), "val");
    const heading = /^heading\s*(\d)$/i.exec(name) ?? /^标题\s*(\d)$/.exec(name);
    styles.set(attr(s, "styleId") ?? "", {
      outline: outlineAttr !== null ? Number(outlineAttr) : heading ? Number(heading[1]) - 1 : undefined,
      numId: attr(firstChild(numPr, "numId"), "val") ?? undefined,
      ilvl: attr(firstChild(numPr, "ilvl"), "val") !== null ? Number(attr(firstChild(numPr, "ilvl"), "val")) : undefined,
      basedOn: attr(firstChild(s, "basedOn"), "val") ?? undefined,
    });
  }
  return styles;
}

/** A style's property, inherited through basedOn. */
function styleProp<K extends keyof StyleInfo>(styles: Map<string, StyleInfo>, id: string | null, key: K): StyleInfo[K] | undefined {
  for (let cur = id, guard = 0; cur && guard < 20; guard++) {
    const s = styles.get(cur);
    if (!s) return undefined;
    if (s[key] !== undefined) return s[key];
    cur = s.basedOn ?? null;
  }
  return undefined;
}

/** What was found that the report cannot hold, counted by kind, with where it first appeared. */
class Omissions {
  private readonly found = new Map<string, { count: number; where: string[] }>();
  add(kind: string, where: string) {
    const f = this.found.get(kind) ?? { count: 0, where: [] };
    f.count += 1;
    if (f.where.length < 3) f.where.push(where);
    this.found.set(kind, f);
  }
  notes(): string[] {
    return [...this.found.entries()].map(([kind, f]) => `${kind}：共 ${f.count} 处（${f.where.join("；")}${f.count > f.where.length ? "等" : ""}）。`);
  }
}

const KIND = {
  table: "表格未导入（报告正文暂不支持表格，请改写为文字或另作附件）",
  image: "图片未导入（报告正文只含文字）",
  textBox: "文本框未导入，其中的文字请另行粘贴",
  footnote: "脚注/尾注未导入（正文中的注号已去掉，注释文字请改写进正文）",
  comment: "Word 批注未导入",
  deletion: "修订中被删除的文字未导入（已按接受全部修订导入）",
  insertion: "修订中插入的文字已导入（已按接受全部修订导入）",
  equation: "公式未导入",
  object: "嵌入对象未导入",
  hidden: "隐藏文字未导入",
  symbol: "特殊符号（Symbol/Wingdings 等字体符号）未导入",
  bullet: "项目符号未导入（文字按普通段落导入）",
  lineBreak: "段内手动换行处已分为不同段落",
};

/** What reading one file took: the bytes inflated (all parts) and the main part's counts. */
export interface ReadCost extends XmlCounts {
  inflatedBytes: number;
}

/** The file's text and notes; `cost`, when given, is filled in whether the file is read or refused. */
export async function readDocx(buffer: Buffer, cost?: ReadCost): Promise<DocxText> {
  if (cost) Object.assign(cost, { inflatedBytes: 0, elements: 0, paragraphs: 0, mostHeld: 0, deepest: 0 });
  let pkg: Package | null = null;
  try {
    pkg = await openPackage(buffer);
    return await readPackage(pkg, cost);
  } finally {
    if (cost) cost.inflatedBytes = pkg?.inflatedBytes() ?? 0;
    pkg?.close();
  }
}

async function readPackage(pkg: Package, cost?: ReadCost): Promise<DocxText> {
  if (hasMacros(pkg)) throw new UnsafeDocxError("import.macros");
  const main = (await relsOf(pkg, "")).find((r) => REL_TYPES.officeDocument.test(r.type))?.target ?? "word/document.xml";
  const rels = await relsOf(pkg, main);
  const part = async (re: RegExp) => {
    const target = rels.find((r) => re.test(r.type))?.target;
    const xml = target ? await pkg.read(target) : null;
    return xml ? parseXml(xml) : null;
  };
  const reader = new BodyReader(readNumbering(await part(REL_TYPES.numbering)), readStyles(await part(REL_TYPES.styles)));
  // The body is read one block at a time as the part inflates (document › body › block).
  const xml = new XmlReader({ blockDepth: 2, onBlock: (block, parent) => parent.localName === "body" && reader.block(block), counted: cost });
  const missing = () => new UnsafeDocxError("import.noBody");
  if (!(await pkg.stream(main, (text) => xml.write(text)))) throw missing();
  if (!firstChild(xml.close(), "body")) throw missing();
  return reader.finish();
}

class BodyReader {
  private readonly lines: string[] = [];
  private readonly omissions = new Omissions();
  private readonly counters: ListCounters;
  private readonly headingCounters = [0, 0, 0, 0, 0];
  private styledHeadings = 0;
  private readonly comments = new Set<string>();

  constructor(
    numbering: ReturnType<typeof readNumbering>,
    private readonly styles: Map<string, StyleInfo>,
  ) {
    this.counters = new ListCounters(numbering);
  }

  /** "第 12 段（“健全领导机制…”）": where a reader finds it in the Word file. */
  private where(text = ""): string {
    const n = this.lines.length + 1;
    const snippet = (text || this.lines.at(-1) || "").replace(/\s+/g, "").slice(0, 12);
    return snippet ? `第 ${n} 段，“${snippet}…”` : `第 ${n} 段`;
  }

  finish(): DocxText {
    const notes = this.omissions.notes();
    if (this.styledHeadings) notes.push(`${this.styledHeadings} 个没有编号的标题按 Word 标题样式识别，编号由系统生成。`);
    return { text: this.lines.join("\n"), notes };
  }

  private blocks(container: XmlElement) {
    for (const el of elementChildren(container)) this.block(el);
  }

  /** One element of the body, in order. */
  block(el: XmlElement) {
    switch (el.localName) {
      case "p":
        this.paragraph(el);
        break;
      case "tbl": {
        const rows = childrenNamed(el, "tr");
        const cols = Math.max(0, ...rows.map((r) => childrenNamed(r, "tc").length));
        const first = descendantsNamed(el, "t").map((t) => t.textContent ?? "").join("").slice(0, 12);
        this.omissions.add(KIND.table, `第 ${this.lines.length} 段之后，${rows.length} 行 × ${cols} 列${first ? `，“${first}…”` : ""}`);
        break;
      }
      case "sdt":
        this.blocks(firstChild(el, "sdtContent") ?? el);
        break;
      case "customXml":
      case "ins":
      case "moveTo":
        this.blocks(el);
        break;
      case "altChunk":
        this.omissions.add(KIND.object, this.where());
        break;
      default:
        break; // sectPr, bookmarks, proofing marks: no text
    }
  }

  private paragraph(p: XmlElement) {
    const pPr = firstChild(p, "pPr");
    const styleId = attr(firstChild(pPr, "pStyle"), "val");
    const numPr = firstChild(pPr, "numPr");
    const numId = attr(firstChild(numPr, "numId"), "val") ?? styleProp(this.styles, styleId, "numId");
    const ilvlAttr = attr(firstChild(numPr, "ilvl"), "val");
    const ilvl = ilvlAttr !== null ? Number(ilvlAttr) : styleProp(this.styles, styleId, "ilvl") ?? 0;
    const outlineAttr = attr(firstChild(pPr, "outlineLvl"), "val");
    const outline = outlineAttr !== null ? Number(outlineAttr) : styleProp(this.styles, styleId, "outline");

    const text = this.inline(p).join("");
    const parts = text.split("\n");
    if (parts.length > 1 && parts.filter((x) => x.trim()).length > 1) this.omissions.add(KIND.lineBreak, this.where(text));
    const first = parts[0];
    if (!text.trim()) {
      // An empty numbered paragraph still takes its number in Word.
      if (numId && numId !== "0") this.counters.next(numId, ilvl);
      return;
    }
    let prefix = "";
    if (numId && numId !== "0") {
      const n = this.counters.next(numId, ilvl);
      if (n) prefix = n.text + n.suffix;
      else this.omissions.add(KIND.bullet, this.where(text));
    }
    if (!prefix && outline !== undefined && outline <= 3 && !matchNumber(first.replace(/^[\s\u3000]+/u, ""))) {
      // A heading by its style alone: give it the number of its level so the importer nests it.
      const level = outline + 1;
      this.headingCounters[level] += 1;
      this.headingCounters.fill(0, level + 1);
      prefix = headingLabel(level, this.headingCounters[level]);
      this.styledHeadings += 1;
    }
    this.lines.push(prefix + first, ...parts.slice(1));
  }

  /** The paragraph's text in reading order, as Word shows it with all revisions accepted. */
  private inline(el: XmlElement, out: string[] = [], field = new FieldCodes()): string[] {
    for (const c of elementChildren(el)) {
      switch (c.localName) {
        case "r":
          this.run(c, out, field);
          break;
        case "del":
        case "moveFrom": {
          const gone = descendantsNamed(c, "delText").map((t) => t.textContent ?? "").join("") || descendantsNamed(c, "t").map((t) => t.textContent ?? "").join("");
          if (gone) this.omissions.add(KIND.deletion, `${this.where(out.join(""))}，“${gone.slice(0, 12)}”`);
          break;
        }
        case "ins":
        case "moveTo":
          if (descendantsNamed(c, "t").length) this.omissions.add(KIND.insertion, this.where(out.join("")));
          this.inline(c, out, field);
          break;
        case "hyperlink":
        case "smartTag":
        case "customXml":
        case "fldSimple":
        case "bdo":
        case "dir":
          this.inline(c, out, field);
          break;
        case "sdt":
          this.inline(firstChild(c, "sdtContent") ?? c, out, field);
          break;
        case "oMath":
        case "oMathPara":
          this.omissions.add(KIND.equation, this.where(out.join("")));
          break;
        case "commentRangeStart": {
          const id = attr(c, "id") ?? "";
          if (!this.comments.has(id)) {
            this.comments.add(id);
            this.omissions.add(KIND.comment, this.where(out.join("")));
          }
          break;
        }
        default:
          break; // pPr, bookmarks, proofErr …
      }
    }
    return out;
  }

  private run(r: XmlElement, out: string[], field: FieldCodes) {
    const hidden = isHiddenRun(firstChild(r, "rPr"));
    for (const c of elementChildren(r)) {
      if (field.step(c) || field.inInstruction) continue;
      switch (c.localName) {
        case "t":
          if (hidden) this.omissions.add(KIND.hidden, `${this.where(out.join(""))}，“${(c.textContent ?? "").slice(0, 12)}”`);
          else out.push(c.textContent ?? "");
          break;
        case "tab":
        case "ptab":
          if (!hidden) out.push("\t");
          break;
        case "br":
          if (!hidden && (attr(c, "type") ?? "textWrapping") === "textWrapping") out.push("\n");
          break;
        case "cr":
          if (!hidden) out.push("\n");
          break;
        case "noBreakHyphen":
          out.push("\u2011");
          break;
        case "sym": {
          const code = parseInt(attr(c, "char") ?? "", 16);
          // Symbol-font characters (F0xx) have no Unicode meaning of their own.
          if (Number.isFinite(code) && (code < 0xf000 || code > 0xf0ff)) out.push(String.fromCodePoint(code));
          else this.omissions.add(KIND.symbol, this.where(out.join("")));
          break;
        }
        case "drawing":
        case "pict":
          if (descendantsNamed(c, "txbxContent").length) this.omissions.add(KIND.textBox, this.where(out.join("")));
          else this.omissions.add(KIND.image, this.where(out.join("")));
          break;
        case "object":
          this.omissions.add(KIND.object, this.where(out.join("")));
          break;
        case "footnoteReference":
        case "endnoteReference":
          this.omissions.add(KIND.footnote, this.where(out.join("")));
          break;
        case "ruby":
          out.push(descendantsNamed(firstChild(c, "rubyBase") ?? c, "t").map((t) => t.textContent ?? "").join(""));
          break;
        default:
          break; // rPr, lastRenderedPageBreak, softHyphen, annotation refs …
      }
    }
  }
}
