// The body of a reviewed file, one block at a time as document.xml inflates: each
// paragraph's text in segments, inserted (w:ins, w:moveTo), deleted (w:del, w:moveFrom,
// their text in w:delText) or unchanged, whether its mark was inserted or deleted, where
// comment ranges start and end (in offsets of the text before the review), and the
// formatting-only revisions, which change no text. Text inserted and then deleted by
// another reviewer is in neither the text before nor after: it is left out.
import "server-only";
import { attr, childrenNamed, elementChildren, firstChild, type XmlElement } from "../docx/xml";
import type { FormatRevision, ReviewParagraph, Revision } from "../../core/review/types";
import { FieldCodes, isHiddenRun } from "../docx/fields";

/** Text that never counts: inserted by one revision and deleted by another. */
const GONE = "gone" as const;
type Change = Revision | null | typeof GONE;

export interface CommentPlace {
  paragraph: number;
  offset: number;
}

function revision(kind: Revision["kind"], el: XmlElement): Revision {
  return { kind, author: attr(el, "author") ?? "", date: attr(el, "date") };
}

/** A change inside another: a deletion of inserted text leaves nothing; otherwise the inner one counts. */
function nested(outer: Change, inner: Revision): Change {
  if (outer === GONE) return GONE;
  return outer && outer.kind !== inner.kind ? GONE : inner;
}

export class ReviewBodyReader {
  readonly paragraphs: ReviewParagraph[] = [];
  readonly formatRevisions: FormatRevision[] = [];
  readonly starts = new Map<string, CommentPlace>();
  readonly ends = new Map<string, CommentPlace>();
  readonly references = new Map<string, CommentPlace>();
  private current: ReviewParagraph = { segments: [], mark: null };
  private offset = 0;
  private field = new FieldCodes();
  /** the last paragraph's mark was inserted and then deleted: no mark before or after, it goes on */
  private open = false;

  /** One element of the body (or of a table cell), in order. */
  block(el: XmlElement, inTable = false): void {
    switch (el.localName) {
      case "p":
        this.paragraph(el, inTable);
        break;
      case "tbl":
        for (const tr of childrenNamed(el, "tr")) for (const tc of childrenNamed(tr, "tc")) for (const c of elementChildren(tc)) this.block(c, true);
        break;
      case "sdt":
        for (const c of elementChildren(firstChild(el, "sdtContent") ?? el)) this.block(c, inTable);
        break;
      case "customXml":
      case "ins":
      case "del":
      case "moveTo":
      case "moveFrom":
        for (const c of elementChildren(el)) this.block(c, inTable);
        break;
      // A range marker between paragraphs: the next paragraph's start, or the last one's end.
      case "commentRangeStart":
        this.starts.set(attr(el, "id") ?? "", { paragraph: this.paragraphs.length, offset: 0 });
        break;
      case "commentRangeEnd": {
        const last = this.paragraphs.length - 1;
        this.ends.set(attr(el, "id") ?? "", { paragraph: Math.max(0, last), offset: last < 0 ? 0 : this.baseLength(this.paragraphs[last]) });
        break;
      }
      default:
        break; // sectPr, bookmarks: no text
    }
  }

  private baseLength(p: ReviewParagraph): number {
    return p.segments.reduce((n, s) => n + (s.change?.kind === "insert" ? 0 : s.text.length), 0);
  }

  private formatRevision(kind: FormatRevision["kind"], el: XmlElement) {
    this.formatRevisions.push({ kind, paragraph: this.paragraphs.length, author: attr(el, "author") ?? "", date: attr(el, "date") });
  }

  private paragraph(p: XmlElement, inTable: boolean) {
    if (!this.open) {
      this.current = { segments: [], mark: null, ...(inTable ? { inTable } : {}) };
      this.offset = 0;
    }
    this.field = new FieldCodes();
    const pPr = firstChild(p, "pPr");
    const markPr = firstChild(pPr, "rPr");
    const ins = firstChild(markPr, "ins") ?? firstChild(markPr, "moveTo");
    const del = firstChild(markPr, "del") ?? firstChild(markPr, "moveFrom");
    const pPrChange = firstChild(pPr, "pPrChange");
    if (pPrChange) this.formatRevision("paragraph", pPrChange);
    const markChange = firstChild(markPr, "rPrChange");
    if (markChange) this.formatRevision("run", markChange);
    this.inline(p, null);
    this.current.mark = del ? revision("delete", del) : ins ? revision("insert", ins) : null;
    // A mark inserted and then deleted is no mark before or after: the next paragraph goes on in this one.
    this.open = !!(ins && del);
    if (!this.open) this.paragraphs.push(this.current);
  }

  /** The body's end. */
  finish(): void {
    if (this.open) this.paragraphs.push({ ...this.current, mark: null });
    this.open = false;
  }

  private place(): CommentPlace {
    return { paragraph: this.paragraphs.length, offset: this.offset };
  }

  private inline(el: XmlElement, change: Change) {
    for (const c of elementChildren(el)) {
      switch (c.localName) {
        case "r":
          this.run(c, change);
          break;
        case "ins":
        case "moveTo":
          this.inline(c, nested(change, revision("insert", c)));
          break;
        case "del":
        case "moveFrom":
          this.inline(c, nested(change, revision("delete", c)));
          break;
        case "hyperlink":
        case "smartTag":
        case "customXml":
        case "fldSimple":
        case "bdo":
        case "dir":
          this.inline(c, change);
          break;
        case "sdt":
          this.inline(firstChild(c, "sdtContent") ?? c, change);
          break;
        case "commentRangeStart":
          this.starts.set(attr(c, "id") ?? "", this.place());
          break;
        case "commentRangeEnd":
          this.ends.set(attr(c, "id") ?? "", this.place());
          break;
        default:
          break; // pPr, bookmarks, proofing marks, equations
      }
    }
  }

  private text(text: string, change: Change) {
    if (!text || change === GONE) return;
    const last = this.current.segments.at(-1);
    if (last && last.change === change) last.text += text;
    else this.current.segments.push({ text, change });
    if (change?.kind !== "insert") this.offset += text.length;
  }

  private run(r: XmlElement, change: Change) {
    const rPr = firstChild(r, "rPr");
    const rPrChange = firstChild(rPr, "rPrChange");
    if (rPrChange) this.formatRevision("run", rPrChange);
    const hidden = isHiddenRun(rPr);
    for (const c of elementChildren(r)) {
      if (this.field.step(c)) continue;
      if (c.localName === "commentReference") this.references.set(attr(c, "id") ?? "", this.place());
      if (hidden || this.field.inInstruction) continue;
      switch (c.localName) {
        case "t":
        case "delText":
          this.text(c.textContent, change);
          break;
        case "tab":
        case "ptab":
          this.text("\t", change);
          break;
        case "br":
          if ((attr(c, "type") ?? "textWrapping") === "textWrapping") this.text("\n", change);
          break;
        case "cr":
          this.text("\n", change);
          break;
        case "noBreakHyphen":
          this.text("\u2011", change);
          break;
        case "sym": {
          const code = parseInt(attr(c, "char") ?? "", 16);
          // Symbol-font characters (F0xx) have no Unicode meaning of their own.
          if (Number.isFinite(code) && (code < 0xf000 || code > 0xf0ff)) this.text(String.fromCodePoint(code), change);
          break;
        }
        default:
          break; // rPr, drawings, footnote references: no text of the report
      }
    }
  }
}
