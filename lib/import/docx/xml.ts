// XML parts of a .docx, read with saxes (a streaming parser) as they inflate, into a
// light tree of elements: never a DOM of a whole part. A part is counted as it is read
// (elements, paragraphs, depth) and refused the moment it passes a bound, so a small
// file that inflates to millions of empty paragraphs costs a fraction of a second and a
// few MB. The document's body is handed over one block (paragraph, table) at a time and
// each block is dropped once read. No DTD is accepted (a .docx never needs one; external
// entities would live there), and saxes never fetches anything.
import "server-only";
import { SaxesParser } from "saxes";

import { UnsafeDocxError } from "./unsafe";

export const XML_LIMITS = {
  /** elements in one part: a 500-page report's document.xml has some 300,000 */
  maxElements: 1_000_000,
  /** paragraphs in one part: far above a report's (500 sections, 500,000 characters) */
  maxParagraphs: 100_000,
  /** elements held at once: one block of the body, or a whole smaller part (styles, numbering) */
  maxHeldElements: 100_000,
  /** nesting depth (tables in tables, fields in fields) */
  maxDepth: 128,
};


/** An element as the readers need it: its local name, attributes by local name, children, and its own text. */
export class XmlElement {
  readonly children: XmlElement[] = [];
  /** the text directly inside it (all of a w:t's text) */
  textContent = "";
  constructor(
    readonly localName: string,
    readonly attributes: Record<string, string>,
  ) {}
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** The work of reading a part, as the limits count it: the importer's work is bounded by counts, not by a clock. */
export interface XmlCounts {
  elements: number;
  paragraphs: number;
  /** the most elements held at once */
  mostHeld: number;
  /** the deepest nesting */
  deepest: number;
}

/**
 * Parses a part fed in pieces. With `onBlock`, each element at `blockDepth` (0 is the
 * root) goes to it when it closes and is then dropped from the tree.
 */
export class XmlReader {
  private readonly parser = new SaxesParser({ position: false });
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | null = null;
  private held = 0;

  constructor(
    private readonly options: {
      blockDepth?: number;
      onBlock?: (block: XmlElement, parent: XmlElement) => void;
      limits?: typeof XML_LIMITS;
      counted?: XmlCounts;
    } = {},
  ) {
    const limits = options.limits ?? XML_LIMITS;
    // Into the caller's object when given: it sees the counts even after a refusal.
    const counted = Object.assign(options.counted ?? ({} as XmlCounts), { elements: 0, paragraphs: 0, mostHeld: 0, deepest: 0 });
    const p = this.parser;
    p.on("error", () => {
      throw new UnsafeDocxError("import.malformedXml");
    });
    p.on("doctype", () => {
      throw new UnsafeDocxError("import.dtd");
    });
    p.on("opentag", (tag) => {
      const name = local(tag.name);
      counted.mostHeld = Math.max(counted.mostHeld, this.held + 1);
      counted.deepest = Math.max(counted.deepest, this.stack.length + 1);
      if (++counted.elements > limits.maxElements || ++this.held > limits.maxHeldElements || this.stack.length >= limits.maxDepth) throw new UnsafeDocxError("import.xmlTooLarge");
      if (name === "p" && ++counted.paragraphs > limits.maxParagraphs) throw new UnsafeDocxError("import.xmlTooLarge");
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(tag.attributes as Record<string, string>)) {
        attributes[k] = v;
        attributes[local(k)] ??= v;
      }
      const el = new XmlElement(name, attributes);
      const parent = this.stack.at(-1);
      if (parent) parent.children.push(el);
      else this.root = el;
      this.stack.push(el);
    });
    p.on("closetag", () => {
      const el = this.stack.pop()!;
      const parent = this.stack.at(-1);
      if (parent && this.options.onBlock && this.stack.length === this.options.blockDepth) {
        this.options.onBlock(el, parent);
        parent.children.pop();
        this.held = this.stack.length;
      }
    });
    const text = (t: string) => {
      const el = this.stack.at(-1);
      if (el) el.textContent += t;
    };
    p.on("text", text);
    p.on("cdata", text);
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  /** Ends the part: its root element (without the blocks already handed over). */
  close(): XmlElement {
    this.parser.close();
    if (!this.root) throw new UnsafeDocxError("import.malformedXml");
    return this.root;
  }
}

/** A whole (small) part at once. */
export function parseXml(text: string): XmlElement {
  const reader = new XmlReader();
  reader.write(text);
  return reader.close();
}

export function elementChildren(el: XmlElement): XmlElement[] {
  return el.children;
}

export function childrenNamed(el: XmlElement | null, localName: string): XmlElement[] {
  return el ? el.children.filter((c) => c.localName === localName) : [];
}

export function firstChild(el: XmlElement | null, localName: string): XmlElement | null {
  return el?.children.find((c) => c.localName === localName) ?? null;
}

/** An attribute by its local name (w:val, w:ilvl …), whatever the prefix. */
export function attr(el: XmlElement | null, localName: string): string | null {
  return el?.attributes[localName] ?? null;
}

/** Every descendant with a local name, in document order. */
export function descendantsNamed(el: XmlElement, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.localName === localName) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** An on/off property (w:b, w:vanish …): present and not "0"/"false"/"off". */
export function isOn(el: XmlElement | null): boolean {
  if (!el) return false;
  const v = attr(el, "val");
  return v === null || !["0", "false", "off"].includes(v);
}
