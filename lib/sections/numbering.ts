// Section numbering for a 公文 body: 一、 → （一） → 1. → （1）.
// Numbers are never stored; they follow from a section's depth and position
// among its siblings, so moving a section renumbers everything after it.

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九 (sections never reach 100). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral: ${n} out of 1–99`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

export const MAX_DEPTH = 4;

/** The label for the `index`-th (1-based) heading at `depth` (1 = top level). */
export function headingLabel(depth: number, index: number): string {
  switch (depth) {
    case 1:
      return `${chineseNumeral(index)}、`;
    case 2:
      return `（${chineseNumeral(index)}）`;
    case 3:
      return `${index}.`;
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
}

export interface NumberedNode<T extends NumberableNode> {
  node: T;
  depth: number;
  /** "" for the 导语 */
  label: string;
  children: NumberedNode<T>[];
}

/**
 * Builds the numbered tree from flat rows. Siblings are ordered by position
 * (ties by id, so the order is stable); only "heading" nodes take numbers.
 */
export function numberTree<T extends NumberableNode>(rows: readonly T[]): NumberedNode<T>[] {
  const byParent = new Map<string | null, T[]>();
  for (const row of rows) {
    const list = byParent.get(row.parentId) ?? [];
    list.push(row);
    byParent.set(row.parentId, list);
  }
  const build = (parentId: string | null, depth: number): NumberedNode<T>[] => {
    const siblings = [...(byParent.get(parentId) ?? [])].sort(
      (a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    let index = 0;
    return siblings.map((node) => {
      const numbered = node.kind !== "intro";
      if (numbered) index += 1;
      return {
        node,
        depth,
        label: numbered ? headingLabel(Math.min(depth, MAX_DEPTH), index) : "",
        children: build(node.id, depth + 1),
      };
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
