// What of a run is text, for both Word readers (the importer's and the reviewed file's):
// inside a field (fldChar begin … separate … end) the instruction is never text, the result
// between "separate" and "end" is; fields nest. A run marked vanish is hidden.
import "server-only";
import { attr, firstChild, isOn, type XmlElement } from "./xml";

export class FieldCodes {
  /** per open field: whether its result (after "separate") is being read */
  private showing: boolean[] = [];

  /** Steps through `c` if it is a fldChar: true when it was one (a mark, not text). */
  step(c: XmlElement): boolean {
    if (c.localName !== "fldChar") return false;
    const type = attr(c, "fldCharType");
    if (type === "begin") this.showing.push(false);
    else if (type === "separate") this.showing[this.showing.length - 1] = true;
    else if (type === "end") this.showing.pop();
    return true;
  }

  /** Inside a field's instruction: what comes now is not text. */
  get inInstruction(): boolean {
    return this.showing.length > 0 && !this.showing[this.showing.length - 1];
  }
}

/** A run hidden from the reader (w:vanish, w:specVanish in its properties). */
export const isHiddenRun = (rPr: XmlElement | null) => isOn(firstChild(rPr, "vanish")) || isOn(firstChild(rPr, "specVanish"));
