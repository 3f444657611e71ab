// Numbering for a 公文 body: 一、 → （一） → 1． → （1）. Numbers are never stored;
// they follow from position. Sections and numbered paragraphs are counted in
// reading order, one counter per level, and an item resets every deeper level:
// the way Word's multilevel lists count. With sections alone this is simply the
// position among siblings; a numbered paragraph "1．" in （一）'s text is followed
// by a sub-section numbered "2．", as the reader expects.
import type { Paragraph } from "../text/paragraphs";

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

const UNITS = ["", "十", "百", "千"];

/**
 * 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 100 → 一百, 101 → 一百零一, 110 → 一百一十, 1010 → 一千零一十.
 * A report holds at most 500 sections, but the range goes to 9999 so that no count of siblings can fail a page.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`chineseNumeral: ${n} out of 1–9999`);
  if (n >= 10 && n < 20) return `十${n === 10 ? "" : DIGITS[n - 10]}`;
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i];
    if (d === 0) zero = out !== "";
    else {
      out += `${zero ? "零" : ""}${DIGITS[d]}${unit}`;
      zero = false;
    }
  });
  return out;
}

export const MAX_DEPTH = 4;

/**
 * The label for the `index`-th (1-based) item at `depth` (1 = top level). The
 * third level takes a full-width point (1．), as 公文 practice types it.
 */
export function headingLabel(depth: number, index: number): string {
  switch (depth) {
    case 1:
      return `${chineseNumeral(index)}、`;
    case 2:
      return `（${chineseNumeral(index)}）`;
    case 3:
      return `${index}．`;
    case 4:
      return `（${index}）`;
    default:
      throw new RangeError(`headingLabel: depth ${depth} is deeper than ${MAX_DEPTH}`);
  }
}

export interface NumberableNode {
  id: string;
  parentId: string | null;
  position: number;
  /** The 导语 has no number and does not take one from its siblings. */
  kind?: string;
  /** Its body: numbered paragraphs take part in the count. */
  content: readonly Paragraph[];
}

export interface NumberedNode<T extends NumberableNode> {
  node: T;
  depth: number;
  /** "" for the 导语 */
  label: string;
  /** the label of each paragraph of the body, "" for an ordinary one */
  paragraphLabels: string[];
  children: NumberedNode<T>[];
}

/** Counters per level (index 1–4), advanced in reading order. */
class Counters {
  private readonly n = [0, 0, 0, 0, 0];
  next(level: number): string {
    this.n[level] += 1;
    this.n.fill(0, level + 1);
    return headingLabel(level, this.n[level]);
  }
}

/**
 * Builds the numbered tree from flat rows. Siblings are ordered by position
 * (ties by id, so the order is stable); the 导语 takes no number.
 */
export function numberTree<T extends NumberableNode>(rows: readonly T[]): NumberedNode<T>[] {
  const byParent = new Map<string | null, T[]>();
  for (const row of rows) {
    const list = byParent.get(row.parentId) ?? [];
    list.push(row);
    byParent.set(row.parentId, list);
  }
  const counters = new Counters();
  const build = (parentId: string | null, depth: number): NumberedNode<T>[] => {
    const siblings = [...(byParent.get(parentId) ?? [])].sort(
      (a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return siblings.map((node) => {
      const label = node.kind === "intro" ? "" : counters.next(Math.min(depth, MAX_DEPTH));
      const paragraphLabels = node.content.map((p) => (p.level ? counters.next(p.level) : ""));
      return { node, depth, label, paragraphLabels, children: build(node.id, depth + 1) };
    });
  };
  return build(null, 1);
}

/** Depth-first list of the numbered tree, the order the text is read in. */
export function flattenTree<T extends NumberableNode>(tree: NumberedNode<T>[]): NumberedNode<T>[] {
  const out: NumberedNode<T>[] = [];
  const walk = (nodes: NumberedNode<T>[]) => {
    for (const n of nodes) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(tree);
  return out;
}

/**
 * Labels of one section's paragraphs when the section is edited on its own: the
 * counters of the levels at or above the section's continue from what precedes
 * it (given as `start`, the last number used at level 3 and 4), deeper ones start afresh.
 */
export function paragraphLabels(paragraphs: readonly Paragraph[], start: { 3: number; 4: number }): string[] {
  const n = [0, 0, 0, start[3], start[4]];
  return paragraphs.map((p) => {
    if (!p.level) return "";
    n[p.level] += 1;
    n.fill(0, p.level + 1);
    return headingLabel(p.level, n[p.level]);
  });
}

/** The last number used at levels 3 and 4 just before a section's body (for the editor, see paragraphLabels). */
export function countersBefore<T extends NumberableNode>(tree: NumberedNode<T>[], sectionId: string): { 3: number; 4: number } {
  const n = [0, 0, 0, 0, 0];
  const bump = (level: number) => {
    n[level] += 1;
    n.fill(0, level + 1);
  };
  let found: { 3: number; 4: number } | null = null;
  const walk = (nodes: NumberedNode<T>[]) => {
    for (const x of nodes) {
      if (found) return;
      if (x.node.kind !== "intro") bump(Math.min(x.depth, MAX_DEPTH));
      if (x.node.id === sectionId) {
        found = { 3: n[3], 4: n[4] };
        return;
      }
      for (const p of x.node.content) if (p.level) bump(p.level);
      walk(x.children);
    }
  };
  walk(tree);
  return found ?? { 3: 0, 4: 0 };
}
