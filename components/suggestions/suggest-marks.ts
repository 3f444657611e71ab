// 修订 in the editor, built on @handlewithcare/prosemirror-suggest-changes: its marks
// (insertion, deletion, modification, each with an id) and its transaction transform,
// wired into Tiptap through an extension's dispatchTransaction hook. Chosen over
// @manuscripts/track-changes-plugin because it keeps only an id in the mark and leaves
// author and time to us (our Suggestion rows, where a Word author's name also lives),
// is plain ProseMirror with no framework of its own, and is maintained (MIT). The text
// the reviewer proposes is read from the marks (lib/core/suggestions/marked-doc.ts) and
// the server makes the suggestions from it, so a suggestion has one representation
// whether it was typed here or came from Word.
import { Extension, Mark } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { isHistoryTransaction } from "@tiptap/pm/history";
import { suggestChanges, suggestChangesKey, isSuggestChangesEnabled, transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";

function suggestionMark(name: "insertion" | "deletion" | "modification", tag: string) {
  return Mark.create({
    name,
    inclusive: false,
    excludes: "insertion deletion modification",
    addAttributes: () => ({ id: { default: null } }),
    parseHTML: () => [{ tag: `${tag}[data-id]`, getAttrs: (el) => ({ id: JSON.parse((el as HTMLElement).dataset.id ?? "null") }) }],
    renderHTML: ({ mark }) => [tag, { "data-id": JSON.stringify(mark.attrs.id), class: `suggestion-${name}` }, 0],
  });
}

export const InsertionMark = suggestionMark("insertion", "ins");
export const DeletionMark = suggestionMark("deletion", "del");
export const ModificationMark = suggestionMark("modification", "span");

export interface SuggestModeOptions {
  /** who made the suggestion behind a mark id, and its colour; a mark not listed is the reader's own new one */
  authorOf: (markId: number) => { name: string; colour: string; at?: string } | null;
  me: { name: string; colour: string };
}

const colourKey = new PluginKey("suggestion-colours");

/** Each suggestion in its author's colour, with author and time on hover. */
function colours(options: SuggestModeOptions) {
  return new Plugin({
    key: colourKey,
    props: {
      decorations(state) {
        const out: Decoration[] = [];
        state.doc.descendants((node, pos) => {
          const mark = node.isText ? node.marks.find((m) => m.type.name === "insertion" || m.type.name === "deletion") : null;
          if (!mark) return;
          const who: { name: string; colour: string; at?: string } = options.authorOf(Number(mark.attrs.id)) ?? options.me;
          out.push(Decoration.inline(pos, pos + node.nodeSize, { style: `color: ${who.colour}`, title: who.at ? `${who.name} · ${who.at}` : who.name }));
        });
        return DecorationSet.create(state.doc, out);
      },
    },
  });
}

export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: "suggestMode",
  addOptions: () => ({ authorOf: () => null, me: { name: "", colour: "#B5082E" } }),
  addProseMirrorPlugins() {
    return [suggestChanges(), colours(this.options)];
  },
  // Every edit, once the mode is on, becomes marks instead of changes. Undo and redo replay
  // transactions that were already turned into marks: transformed again, an undone insertion
  // would become a deletion of the inserted text (and Chinese text typed in one go, garbled).
  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const track = transaction.docChanged && isSuggestChangesEnabled(state) && !isHistoryTransaction(transaction);
    next(track ? transformToSuggestionTransaction(transaction, state) : transaction);
  },
});

export { suggestChangesKey };
