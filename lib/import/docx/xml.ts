// XML parts of a .docx: parsed with @xmldom/xmldom (which never fetches external
// entities), after refusing any part that declares a DTD, which no .docx needs.
import { DOMParser } from "@xmldom/xmldom";

export class UnsafeXmlError extends Error {}

export function parseXml(text: string): Document {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new UnsafeXmlError("文件含有外部实体声明（DTD），已拒绝导入。");
  try {
    return new DOMParser({
      // XML 1.0 line ends only: U+2028 in the user's text stays what it is.
      normalizeLineEndings: (s) => s.replace(/\r\n?/g, "\n"),
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(text, "text/xml") as unknown as Document;
  } catch {
    throw new UnsafeXmlError("这不是有效的 Word（.docx）文件：内部 XML 格式错误。");
  }
}

export function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

export function childrenNamed(el: Element | null, localName: string): Element[] {
  return el ? elementChildren(el).filter((c) => c.localName === localName) : [];
}

export function firstChild(el: Element | null, localName: string): Element | null {
  return childrenNamed(el, localName)[0] ?? null;
}

/** An attribute by its local name (w:val, w:ilvl …), whatever the prefix. */
export function attr(el: Element | null, localName: string): string | null {
  if (!el) return null;
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if (a.localName === localName || a.name === localName) return a.value;
  }
  return null;
}

/** Every descendant with a local name, in document order. */
export function descendantsNamed(el: Element, localName: string): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    for (const c of elementChildren(e)) {
      if (c.localName === localName) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** An on/off property (w:b, w:vanish …): present and not "0"/"false"/"off". */
export function isOn(el: Element | null): boolean {
  if (!el) return false;
  const v = attr(el, "val");
  return v === null || !["0", "false", "off"].includes(v);
}
