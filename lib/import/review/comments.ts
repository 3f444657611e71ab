// Word's comments of a reviewed file: comments.xml (author, date, text) and
// commentsExtended.xml (which comment answers which, through the paraId of the
// comment's last paragraph, and whether a thread is resolved). Both parts are small and
// read whole, within the importer's bounds (lib/import/docx/xml.ts).
import "server-only";
import { attr, childrenNamed, descendantsNamed, type XmlElement } from "../docx/xml";

export interface WordComment {
  id: string;
  author: string;
  date: string | null;
  text: string;
  parentId: string | null;
  done: boolean;
}

/** A comment's paragraphs as text, one a line (the annotation mark Word puts first is no text). */
function commentText(comment: XmlElement): string {
  return childrenNamed(comment, "p")
    .map((p) => descendantsNamed(p, "r").map((r) => r.children.map((c) => (c.localName === "t" ? c.textContent : c.localName === "tab" ? "\t" : c.localName === "br" ? "\n" : "")).join("")).join(""))
    .join("\n");
}

export function readComments(comments: XmlElement | null, extended: XmlElement | null): WordComment[] {
  if (!comments) return [];
  const byParaId = new Map<string, string>();
  const list = childrenNamed(comments, "comment").map((c) => {
    const id = attr(c, "id") ?? "";
    for (const p of childrenNamed(c, "p")) {
      const paraId = attr(p, "paraId");
      if (paraId) byParaId.set(paraId.toUpperCase(), id);
    }
    return { id, author: attr(c, "author") ?? "", date: attr(c, "date"), text: commentText(c), parentId: null as string | null, done: false };
  });
  const byId = new Map(list.map((c) => [c.id, c]));
  for (const ex of extended ? childrenNamed(extended, "commentEx") : []) {
    const id = byParaId.get((attr(ex, "paraId") ?? "").toUpperCase());
    const c = id === undefined ? undefined : byId.get(id);
    if (!c) continue;
    const parent = attr(ex, "paraIdParent");
    if (parent) c.parentId = byParaId.get(parent.toUpperCase()) ?? null;
    c.done = ["1", "true", "on"].includes(attr(ex, "done") ?? "");
  }
  return list;
}

/** The comment parts, found through the main part's relationships. */
export const COMMENT_RELS = { comments: /\/comments$/, extended: /\/commentsExtended$/ };
