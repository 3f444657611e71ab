// Pure checks on the section tree's shape: depth limits and where a section may move.
import { MAX_DEPTH } from "./outline-numbers";
import type { Saying } from "../i18n/messages";

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

/** Why a new section cannot go under `parentId` (null: at the first level), or null. */
export function addProblem(rows: readonly TreeRow[], parentId: string | null): Saying | null {
  const parent = parentId ? rows.find((r) => r.id === parentId) : null;
  if (parent?.kind === "intro") return { key: "section.introNoChildren" };
  if (depthOf(rows, parentId) + 1 > MAX_DEPTH) return { key: "section.tooDeep", params: { most: MAX_DEPTH } };
  return null;
}

/** Why a move is impossible, or null. */
export function moveProblem(rows: readonly TreeRow[], id: string, newParentId: string | null): Saying | null {
  const row = rows.find((r) => r.id === id);
  if (!row) return { key: "section.missing" };
  if (row.kind === "intro") return { key: "section.introStays" };
  if (newParentId && isInside(rows, newParentId, id)) return { key: "section.moveIntoItself" };
  const parent = newParentId ? rows.find((r) => r.id === newParentId) : null;
  if (newParentId && !parent) return { key: "section.parentMissing" };
  if (parent?.kind === "intro") return { key: "section.introNoChildren" };
  if (depthOf(rows, newParentId) + heightOf(rows, id) > MAX_DEPTH) return { key: "section.tooDeep", params: { most: MAX_DEPTH } };
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
