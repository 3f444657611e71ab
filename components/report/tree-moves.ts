// The report tree's sections as the page shows them, and where a keyboard move (Alt+arrow, or the
// 上移/下移/升级/降级 buttons) sends one.
import type { ParagraphView } from "@/lib/core/text/paragraphs";

export interface TreeNode {
  id: string;
  parentId: string | null;
  depth: number;
  label: string;
  heading: string;
  kind: string;
  /** the heading runs in with the first paragraph */
  runIn: boolean;
  paragraphs: ParagraphView[];
  ownerId: string | null;
  ownerName: string | null;
  statusLabel: string;
  chars: number;
  canEdit: boolean;
  /** move, promote, demote, delete (the policy's changeStructure for this section) */
  canMove: boolean;
  /** add sub-sections under it (the policy's addChild) */
  canAddChild: boolean;
  canAssign: boolean;
}

export type Move = { parentId: string | null; position: number };

/** Where a keyboard move sends a section, computed from the visible tree; the server checks it again. */
export function keyboardMove(nodes: TreeNode[], node: TreeNode, key: "up" | "down" | "out" | "in"): Move | null {
  const siblings = nodes.filter((n) => n.parentId === node.parentId);
  const i = siblings.findIndex((n) => n.id === node.id);
  const introFirst = siblings[0]?.kind === "intro" ? 1 : 0;
  if (key === "up") return i > introFirst ? { parentId: node.parentId, position: i - 1 } : null;
  if (key === "down") return i < siblings.length - 1 ? { parentId: node.parentId, position: i + 1 } : null;
  if (key === "out") {
    const parent = nodes.find((n) => n.id === node.parentId);
    if (!parent) return null;
    const parentSiblings = nodes.filter((n) => n.parentId === parent.parentId);
    return { parentId: parent.parentId, position: parentSiblings.findIndex((n) => n.id === parent.id) + 1 };
  }
  const prev = siblings[i - 1];
  if (!prev || prev.kind === "intro") return null;
  return { parentId: prev.id, position: nodes.filter((n) => n.parentId === prev.id).length };
}
