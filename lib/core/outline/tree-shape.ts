// Pure checks on the section tree's shape: depth limits and where a section may move.
import { MAX_DEPTH } from "./outline-numbers";

export interface TreeRow {
  id: string;
  parentId: string | null;
  position: number;
  kind: string;
}

export function depthOf(rows: readonly TreeRow[], id: string | null): number {
  let depth = 0;
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (let cur = id ? byId.get(id) : undefined; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) depth += 1;
  return depth;
}

/** Levels in the subtree rooted at id, counting itself (a leaf is 1). */
export function heightOf(rows: readonly TreeRow[], id: string): number {
  const children = rows.filter((r) => r.parentId === id);
  return 1 + Math.max(0, ...children.map((c) => heightOf(rows, c.id)));
}

function isInside(rows: readonly TreeRow[], id: string, maybeAncestor: string): boolean {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (let cur = byId.get(id); cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
    if (cur.id === maybeAncestor) return true;
  }
  return false;
}

/** Why a move is impossible, or null. */
export function moveProblem(rows: readonly TreeRow[], id: string, newParentId: string | null): string | null {
  const row = rows.find((r) => r.id === id);
  if (!row) return "章节不存在。";
  if (row.kind === "intro") return "导语固定在报告开头，不能移动。";
  if (newParentId && isInside(rows, newParentId, id)) return "不能把章节移到它自己的下级中。";
  const parent = newParentId ? rows.find((r) => r.id === newParentId) : null;
  if (newParentId && !parent) return "目标上级章节不存在。";
  if (parent?.kind === "intro") return "导语下不能有子章节。";
  if (depthOf(rows, newParentId) + heightOf(rows, id) > MAX_DEPTH) return `章节最多 ${MAX_DEPTH} 级（一、（一）1.（1））。`;
  return null;
}

/** Sibling order after moving `id` to `position` among `newParentId`'s children (the intro stays first). */
export function reorder(rows: readonly TreeRow[], id: string, newParentId: string | null, position: number): { id: string; position: number }[] {
  const siblings = rows
    .filter((r) => r.parentId === newParentId && r.id !== id)
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
  const intro = siblings.filter((r) => r.kind === "intro");
  const rest = siblings.filter((r) => r.kind !== "intro");
  const at = Math.max(0, Math.min(position - intro.length, rest.length));
  const ordered = [...intro, ...rest.slice(0, at), { id }, ...rest.slice(at)];
  return ordered.map((r, i) => ({ id: r.id, position: i }));
}
