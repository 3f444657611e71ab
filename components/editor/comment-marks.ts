// Commented passages highlighted in the editor, as in the read-only text: decorations
// (not marks in the document, so they never reach the saved text), placed from the
// comments' positions in the saved text and carried along as the writer types.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Node as PmNode } from "@tiptap/pm/model";

/** A span of the section's plain text (paragraphs joined by line breaks), as lib/core/text/comment-anchor.ts locates it. */
export interface TextRange {
  start: number;
  end: number;
}

function commentDecorations(doc: PmNode, ranges: readonly TextRange[]): Decoration[] {
  const out: Decoration[] = [];
  let offset = 0;
  doc.forEach((node, pos) => {
    const length = node.textContent.length;
    for (const r of ranges) {
      const start = Math.max(r.start, offset);
      const end = Math.min(r.end, offset + length);
      if (start < end) out.push(Decoration.inline(pos + 1 + start - offset, pos + 1 + end - offset, { class: "comment-mark" }));
    }
    offset += length + 1;
  });
  return out;
}

export const CommentMarks = Extension.create<{ ranges: TextRange[] }>({
  name: "commentMarks",
  addOptions: () => ({ ranges: [] }),
  addProseMirrorPlugins() {
    const ranges = this.options.ranges;
    const key = new PluginKey<DecorationSet>("commentMarks");
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => DecorationSet.create(state.doc, commentDecorations(state.doc, ranges)),
          apply: (tr, set) => set.map(tr.mapping, tr.doc),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
