// The fingerprint of a signed-off text: title and every numbered section, in
// reading order. Recorded at 签发; anything that changes the text changes it.
import { createHash } from "node:crypto";
import { flattenTree, numberTree, type NumberableNode } from "../sections/numbering";

export interface HashableSection extends NumberableNode {
  heading: string;
  content: string;
}

export function canonicalText(title: string, sections: readonly HashableSection[]): string {
  const body = flattenTree(numberTree(sections)).map((n) => `${n.label}${n.node.kind === "intro" ? "" : n.node.heading}\n${n.node.content}`);
  return [title, ...body].join("\n\n");
}

export function contentHash(title: string, sections: readonly HashableSection[]): string {
  return createHash("sha256").update(canonicalText(title, sections)).digest("hex");
}
